import { useEffect, useMemo, useRef } from 'react';
import { drawLamport, fitted, panned, zoomed, type Viewport } from './draw-lamport.js';
import { layoutLamport, type DiagramEvent } from './lamport-layout.js';

/**
 * A Lamport diagram of a simulation run: nodes as lanes, messages as arrows (lost ones red),
 * faults shaded, client operations as dots, a checker's failing slice (history indexes)
 * highlighted. Wheel zooms about the cursor, dragging pans; frames are drawn on the next
 * animation frame only, so a burst of wheel events costs one draw.
 */
export function LamportDiagram({ history, highlight, height = 320 }: { history: readonly DiagramEvent[]; highlight?: readonly number[]; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const layout = useMemo(() => layoutLamport(history, new Set(highlight)), [history, highlight]);
  const view = useRef<Viewport | undefined>(undefined);

  useEffect(() => {
    const element = canvas.current;
    const ctx = element?.getContext('2d');
    if (!element || !ctx) return;
    let frame = 0;
    const draw = () => {
      frame = 0;
      const scale = window.devicePixelRatio || 1;
      const width = element.clientWidth;
      if (element.width !== Math.round(width * scale)) [element.width, element.height] = [Math.round(width * scale), Math.round(height * scale)];
      ctx.setTransform(scale, 0, 0, scale, 0, 0);
      view.current ??= fitted(layout, width);
      drawLamport(ctx, layout, view.current, width, height);
    };
    const schedule = () => void (frame ||= requestAnimationFrame(draw));
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      view.current = zoomed(view.current ?? fitted(layout, element.clientWidth), event.offsetX, Math.exp(event.deltaY / 500));
      schedule();
    };
    let dragFrom: number | undefined;
    const onDown = (event: PointerEvent) => {
      dragFrom = event.clientX;
      element.setPointerCapture(event.pointerId);
    };
    const onMove = (event: PointerEvent) => {
      if (dragFrom === undefined || !view.current) return;
      view.current = panned(view.current, event.clientX - dragFrom);
      dragFrom = event.clientX;
      schedule();
    };
    const onUp = () => void (dragFrom = undefined);
    view.current = undefined;
    element.addEventListener('wheel', onWheel, { passive: false });
    element.addEventListener('pointerdown', onDown);
    element.addEventListener('pointermove', onMove);
    element.addEventListener('pointerup', onUp);
    window.addEventListener('resize', schedule);
    draw();
    return () => {
      cancelAnimationFrame(frame);
      element.removeEventListener('wheel', onWheel);
      element.removeEventListener('pointerdown', onDown);
      element.removeEventListener('pointermove', onMove);
      element.removeEventListener('pointerup', onUp);
      window.removeEventListener('resize', schedule);
    };
  }, [layout, height]);

  return <canvas ref={canvas} className="lamport-diagram" style={{ width: '100%', height, touchAction: 'none', cursor: 'grab' }} aria-label={`Lamport diagram: ${layout.lanes.length} nodes, ${layout.arrows.count} messages`} />;
}
