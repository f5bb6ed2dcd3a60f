import { useCallback, useState } from 'react';
import { z } from 'zod';

const Stored = z.number().finite();

/**
 * A pane's width in pixels, kept in localStorage under `key` so the layout a candidate chose for
 * a day of work survives reloads. Clamped to [min, max]: a width stored on a wide screen never
 * hides a pane on a narrow one.
 */
export function usePaneSize(key: string, initial: number, min: number, max: () => number): [number, (next: number) => void] {
  const clamp = useCallback((n: number) => Math.round(Math.min(Math.max(n, min), Math.max(min, max()))), [min, max]);
  const [size, setSize] = useState(() => {
    const stored = Stored.safeParse(Number(localStorage.getItem(`assay.pane.${key}`) ?? Number.NaN));
    return clamp(stored.success ? stored.data : initial);
  });
  const update = useCallback(
    (next: number) => {
      const clamped = clamp(next);
      setSize(clamped);
      localStorage.setItem(`assay.pane.${key}`, String(clamped));
    },
    [key, clamp],
  );
  return [size, update];
}
