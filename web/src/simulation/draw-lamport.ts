import { visibleArrows, type LamportLayout } from './lamport-layout.js';

/** What part of the run the canvas shows: virtual time runs left to right, one lane per node. */
export interface Viewport {
  fromMs: number;
  msPerPx: number;
}

const GUTTER = 48;
const FAULT_COLOURS = { partition: 'rgba(217, 119, 6, 0.16)', crash: 'rgba(220, 38, 38, 0.16)', pause: 'rgba(100, 116, 139, 0.2)' };
const POINT_COLOURS = { invoke: '#2563eb', ok: '#16a34a', fail: '#dc2626', timeout: '#d97706', 'node-error': '#7c3aed' };

const laneY = (lane: number, lanes: number, height: number) => ((lane + 1) * height) / (lanes + 1);

/**
 * One frame. Arrows are culled by send time and batched into a handful of paths (normal,
 * dropped, highlighted), so a frame of a 20,000-message run is a few strokes, not 20,000.
 */
export function drawLamport(ctx: CanvasRenderingContext2D, layout: LamportLayout, view: Viewport, width: number, height: number): void {
  const x = (t: number) => GUTTER + (t - view.fromMs) / view.msPerPx;
  const y = (lane: number) => laneY(lane, layout.lanes.length, height);
  const toMs = view.fromMs + (width - GUTTER) * view.msPerPx;
  const laneBand = height / (layout.lanes.length + 1);
  ctx.clearRect(0, 0, width, height);

  for (const fault of layout.faults) {
    if (fault.end < view.fromMs || fault.start > toMs) continue;
    ctx.fillStyle = FAULT_COLOURS[fault.kind];
    for (const lane of fault.lanes) ctx.fillRect(x(fault.start), y(lane) - laneBand / 2, (fault.end - fault.start) / view.msPerPx, laneBand);
  }

  ctx.strokeStyle = '#cbd5e1';
  ctx.fillStyle = '#0f172a';
  ctx.font = '12px system-ui, sans-serif';
  ctx.beginPath();
  for (const [lane, node] of layout.lanes.entries()) {
    ctx.moveTo(GUTTER, y(lane));
    ctx.lineTo(width, y(lane));
    ctx.fillText(node, 4, y(lane) + 4);
  }
  ctx.stroke();

  const [first, end] = visibleArrows(layout, view.fromMs, toMs);
  const a = layout.arrows;
  const stroke = (style: string, lineWidth: number, include: (i: number) => boolean) => {
    ctx.strokeStyle = style;
    ctx.lineWidth = lineWidth;
    ctx.beginPath();
    for (let i = first; i < end; i++) {
      if (!include(i) || a.ended[i]! < view.fromMs) continue;
      ctx.moveTo(x(a.sent[i]!), y(a.from[i]!));
      ctx.lineTo(x(a.ended[i]!), y(a.to[i]!));
    }
    ctx.stroke();
  };
  stroke('rgba(51, 65, 85, 0.55)', 1, (i) => !a.dropped[i] && !a.highlighted[i]);
  stroke('rgba(220, 38, 38, 0.45)', 1, (i) => a.dropped[i] === 1 && !a.highlighted[i]);
  stroke('#e11d48', 3, (i) => a.highlighted[i] === 1);

  // One path per kind of point, filled once: changing fillStyle per dot cost more than the arrows.
  for (const [kind, colour] of Object.entries(POINT_COLOURS)) {
    ctx.fillStyle = colour;
    ctx.beginPath();
    for (const point of layout.points) {
      if (point.kind === kind && point.t >= view.fromMs && point.t <= toMs) ctx.rect(x(point.t) - 1.5, y(point.lane) - 1.5, 3, 3);
    }
    ctx.fill();
  }
  ctx.strokeStyle = '#e11d48';
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (const point of layout.points) if (point.highlighted) ctx.rect(x(point.t) - 5, y(point.lane) - 5, 10, 10);
  ctx.stroke();
  ctx.lineWidth = 1;
}

/** Zoom about the time under the cursor, as maps do: that instant stays where it is. */
export function zoomed(view: Viewport, cursorPx: number, factor: number): Viewport {
  const at = view.fromMs + (cursorPx - GUTTER) * view.msPerPx;
  const msPerPx = view.msPerPx * factor;
  return { fromMs: at - (cursorPx - GUTTER) * msPerPx, msPerPx };
}

export const panned = (view: Viewport, dxPx: number): Viewport => ({ ...view, fromMs: view.fromMs - dxPx * view.msPerPx });

export const fitted = (layout: LamportLayout, width: number): Viewport => ({ fromMs: 0, msPerPx: Math.max(layout.endMs, 1) / Math.max(width - GUTTER, 1) });
