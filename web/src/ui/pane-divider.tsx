import type { KeyboardEvent, PointerEvent } from 'react';

const STEP = 24;

/**
 * The handle between two panes: drag it, or focus it and use the arrow keys (Home/End for the
 * extremes). It reports the width the pane on its left should have.
 */
export function PaneDivider({ label, size, min, max, onResize }: { label: string; size: number; min: number; max: number; onResize: (next: number) => void }) {
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const start = event.clientX;
    const from = size;
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) => onResize(from + e.clientX - start);
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = { ArrowLeft: size - STEP, ArrowRight: size + STEP, Home: min, End: max }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onResize(next);
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={size}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className="pane-divider"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
