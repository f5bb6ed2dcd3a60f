import { useEffect, useRef, useState } from 'react';
import { dueWarning, formatRemaining } from './countdown-warnings.js';
import type { ServerClock } from './server-clock.js';

/**
 * Time left, by the server's clock. Warns at 10, 5 and 1 minutes left, those crossed while the
 * page is open (announced to screen readers),
 * and calls `onTimeUp` once at zero. Not running (a preview) shows the limit only.
 */
export function Countdown({ deadline, clock, running, onTimeUp }: { deadline: number; clock: ServerClock; running: boolean; onTimeUp: () => void }) {
  const [remaining, setRemaining] = useState(() => deadline - clock.now());
  const [warning, setWarning] = useState<number | null>(null);
  const given = useRef(new Set<number>());
  const openedWith = useRef(deadline - clock.now());
  const ended = useRef(false);
  const timeUp = useRef(onTimeUp);
  timeUp.current = onTimeUp;
  useEffect(() => {
    if (!running) return;
    const tick = () => {
      const left = deadline - clock.now();
      setRemaining(left);
      const { due, passed } = dueWarning(left, openedWith.current, given.current);
      for (const minutes of passed) given.current.add(minutes);
      if (due !== null) setWarning(due);
      if (left <= 0 && !ended.current) {
        ended.current = true;
        timeUp.current();
      }
    };
    tick();
    const interval = window.setInterval(tick, 1_000);
    return () => window.clearInterval(interval);
  }, [deadline, clock, running]);
  const urgent = running && remaining <= 5 * 60_000;
  return (
    <>
      <span className={`countdown${urgent ? ' urgent' : ''}`} aria-label="Time left" data-testid="countdown">
        {running ? `${formatRemaining(remaining)} left` : `${formatRemaining(remaining)} limit`}
      </span>
      <span className="visually-hidden" role="status" aria-live="assertive">
        {warning !== null ? `${warning} minute${warning === 1 ? '' : 's'} left` : ''}
      </span>
      {warning !== null ? (
        <span className="badge warn" role="alert">
          {warning} minute{warning === 1 ? '' : 's'} left: your work is saved as you go and submitted automatically at zero
          <button type="button" className="link" onClick={() => setWarning(null)} aria-label="Dismiss the warning">
            ✕
          </button>
        </span>
      ) : null}
    </>
  );
}
