import { describe, expect, it } from 'vitest';
import { fitted, panned, zoomed } from './draw-lamport.js';
import { layoutLamport, visibleArrows, type DiagramEvent } from './lamport-layout.js';

const history: DiagramEvent[] = [
  { t: 0, type: 'start', node: 'n1' },
  { t: 0, type: 'start', node: 'n2' },
  { t: 0, type: 'start', node: 'n3' },
  { t: 1, type: 'send', msg: 'm1', from: 'n1', to: 'n2' },
  { t: 2, type: 'invoke', req: 'r1', node: 'n2' },
  { t: 3, type: 'send', msg: 'm2', from: 'n2', to: 'n3' },
  { t: 3, type: 'drop', msg: 'm2', from: 'n2', to: 'n3' },
  { t: 4, type: 'deliver', msg: 'm1', from: 'n1', to: 'n2' },
  { t: 5, type: 'partition', groups: [['n1', 'n2'], ['n3']] },
  { t: 6, type: 'deliver', msg: 'm1', from: 'n1', to: 'n2' },
  { t: 7, type: 'ok', req: 'r1', node: 'n2' },
  { t: 8, type: 'crash', node: 'n1' },
  { t: 9, type: 'heal', groups: [['n1', 'n2'], ['n3']] },
  { t: 20, type: 'send', msg: 'm3', from: 'n3', to: 'n2' },
  { t: 30, type: 'deliver', msg: 'm3', from: 'n3', to: 'n2' },
];

describe('the Lamport diagram layout', () => {
  const layout = layoutLamport(history, new Set([4, 10]));

  it('draws one arrow per delivery (a duplicate twice) or drop, from the send, in send order', () => {
    const a = layout.arrows;
    expect(layout.lanes).toEqual(['n1', 'n2', 'n3']);
    expect(a.count).toBe(4);
    expect([...a.sent]).toEqual([1, 1, 3, 20]);
    expect([...a.ended]).toEqual([4, 6, 3, 30]);
    expect([...a.from]).toEqual([0, 0, 1, 2]);
    expect([...a.dropped]).toEqual([0, 0, 1, 0]);
    expect(layout.maxFlightMs).toBe(10);
  });

  it('shades a healed partition on the side cut off, and a fault never ended to the end of the run', () => {
    expect(layout.faults).toEqual([
      { kind: 'partition', start: 5, end: 9, lanes: [2] },
      { kind: 'crash', start: 8, end: 30, lanes: [0] },
    ]);
  });

  it('highlights the events of a checker’s slice', () => {
    expect(layout.points.filter((p) => p.highlighted).map((p) => [p.kind, p.t])).toEqual([
      ['invoke', 2],
      ['ok', 7],
    ]);
  });

  it('finds the arrows crossing a window by send time, including those sent before it that land in it', () => {
    expect(visibleArrows(layout, 25, 40)).toEqual([3, 4]);
    expect(visibleArrows(layout, 0, 2)).toEqual([0, 2]);
    expect(visibleArrows(layout, 10, 15)).toEqual([0, 3]);
  });

  it('zooms about the cursor and pans by whole pixels of time', () => {
    const view = fitted(layout, 348);
    expect(view).toEqual({ fromMs: 0, msPerPx: 0.1 });
    const closer = zoomed(view, 148, 0.5);
    expect(closer.fromMs + (148 - 48) * closer.msPerPx).toBeCloseTo(10);
    expect(panned(closer, 20).fromMs).toBeCloseTo(closer.fromMs - 1);
  });
});
