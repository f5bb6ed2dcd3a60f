/**
 * The fields of a simulation history (`@assay/runner/simulation` `HistoryEvent`) the diagram
 * reads; the history reaches the browser already parsed by the API client.
 */
export interface DiagramEvent {
  t: number;
  type: string;
  msg?: string;
  from?: string;
  to?: string;
  node?: string;
  groups?: string[][];
  req?: string;
}

export type PointKind = 'invoke' | 'ok' | 'fail' | 'timeout' | 'node-error';

/**
 * Everything the canvas draws, computed once per history: arrows in typed arrays sorted by
 * send time, so a frame finds the visible ones by binary search instead of walking 20,000.
 */
export interface LamportLayout {
  lanes: string[];
  arrows: { count: number; from: Int32Array; to: Int32Array; sent: Float64Array; ended: Float64Array; dropped: Uint8Array; highlighted: Uint8Array };
  /** The longest flight of any arrow: how far before a window an arrow into it can start. */
  maxFlightMs: number;
  faults: Array<{ kind: 'partition' | 'crash' | 'pause'; start: number; end: number; lanes: number[] }>;
  points: Array<{ lane: number; t: number; kind: PointKind; highlighted: boolean }>;
  endMs: number;
}

const FAULT_END = { heal: 'partition', restart: 'crash', resume: 'pause' } as const;

export function layoutLamport(history: readonly DiagramEvent[], highlight: ReadonlySet<number> = new Set()): LamportLayout {
  const lanes = [...new Set(history.flatMap((e) => (e.type === 'start' && e.node ? [e.node] : [])))];
  const laneOf = new Map(lanes.map((node, i) => [node, i]));
  const sends = new Map<string, number>();
  // Filled in history (arrival) order, then put in send order by sorting an index.
  const capacity = history.length;
  const raw = { from: new Int32Array(capacity), to: new Int32Array(capacity), sentAt: new Int32Array(capacity), sent: new Float64Array(capacity), ended: new Float64Array(capacity), dropped: new Uint8Array(capacity), highlighted: new Uint8Array(capacity) };
  let count = 0;
  const faults: LamportLayout['faults'] = [];
  const open = new Map<string, { kind: 'partition' | 'crash' | 'pause'; start: number; event: DiagramEvent }>();
  const points: LamportLayout['points'] = [];
  const lane = (node: string | undefined) => laneOf.get(node ?? '') ?? -1;
  for (let index = 0; index < history.length; index++) {
    const e = history[index]!;
    if (e.type === 'send' && e.msg) sends.set(e.msg, index);
    else if ((e.type === 'deliver' || e.type === 'drop') && e.msg) {
      const sentAt = sends.get(e.msg);
      if (sentAt === undefined) continue;
      raw.from[count] = lane(e.from);
      raw.to[count] = lane(e.to);
      raw.sentAt[count] = sentAt;
      raw.sent[count] = history[sentAt]!.t;
      raw.ended[count] = e.t;
      raw.dropped[count] = e.type === 'drop' ? 1 : 0;
      raw.highlighted[count] = highlight.has(index) || highlight.has(sentAt) ? 1 : 0;
      count++;
    } else if (e.type === 'partition' || e.type === 'crash' || e.type === 'pause') {
      open.set(faultKey(e.type, e), { kind: e.type, start: e.t, event: e });
    } else if (e.type === 'heal' || e.type === 'restart' || e.type === 'resume') {
      const kind = FAULT_END[e.type];
      const started = open.get(faultKey(kind, e));
      open.delete(faultKey(kind, e));
      if (started) faults.push({ kind, start: started.start, end: e.t, lanes: faultLanes(e, lane, lanes.length) });
    } else if ((e.type === 'invoke' || e.type === 'ok' || e.type === 'fail' || e.type === 'timeout' || e.type === 'node-error') && e.node) {
      points.push({ lane: lane(e.node), t: e.t, kind: e.type, highlighted: highlight.has(index) });
    }
  }
  const endMs = history.at(-1)?.t ?? 0;
  for (const { kind, start, event } of open.values()) faults.push({ kind, start, end: endMs, lanes: faultLanes(event, lane, lanes.length) });
  const order = sendOrder(raw.sentAt, count, capacity);
  const arrows = {
    count,
    from: Int32Array.from(order, (i) => raw.from[i]!),
    to: Int32Array.from(order, (i) => raw.to[i]!),
    sent: Float64Array.from(order, (i) => raw.sent[i]!),
    ended: Float64Array.from(order, (i) => raw.ended[i]!),
    dropped: Uint8Array.from(order, (i) => raw.dropped[i]!),
    highlighted: Uint8Array.from(order, (i) => raw.highlighted[i]!),
  };
  let maxFlightMs = 0;
  for (let i = 0; i < count; i++) maxFlightMs = Math.max(maxFlightMs, raw.ended[i]! - raw.sent[i]!);
  return { lanes, arrows, maxFlightMs, faults, points, endMs };
}

/**
 * Arrows in the order of their sends, by counting sort on the send's history index (the
 * history is in time order): linear, where a comparison sort of 20,000 arrows was the layout's
 * largest cost. Copies of one message keep their arrival order.
 */
function sendOrder(sentAt: Int32Array, count: number, capacity: number): Uint32Array {
  const starts = new Int32Array(capacity + 1);
  for (let i = 0; i < count; i++) starts[sentAt[i]! + 1]!++;
  for (let k = 1; k <= capacity; k++) starts[k]! += starts[k - 1]!;
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[starts[sentAt[i]!]!++] = i;
  return order;
}

function faultKey(kind: string, e: DiagramEvent): string {
  return `${kind}\u0000${e.node ?? JSON.stringify(e.groups)}`;
}

/** A partition shades the lanes outside its largest group (the side cut off); a crash or pause, its node's lane. */
function faultLanes(e: DiagramEvent, lane: (node: string) => number, laneCount: number): number[] {
  if (e.node) return [lane(e.node)];
  const groups = e.groups ?? [];
  const largest = groups.reduce<string[]>((a, g) => (g.length > a.length ? g : a), []);
  const cut = groups.filter((g) => g !== largest).flat().map(lane);
  return cut.length > 0 ? cut : Array.from({ length: laneCount }, (_, i) => i);
}

/** Indexes [first, end) of the arrows that can cross the window [fromMs, toMs]. */
export function visibleArrows(layout: LamportLayout, fromMs: number, toMs: number): [number, number] {
  return [lowerBound(layout.arrows.sent, fromMs - layout.maxFlightMs), lowerBound(layout.arrows.sent, toMs, true)];
}

function lowerBound(sorted: Float64Array, value: number, inclusive = false): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value || (inclusive && sorted[mid] === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
