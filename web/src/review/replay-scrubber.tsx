import type { ReplayMarker } from '../replay/replay-types.js';

const MARKER_SYMBOL: Record<ReplayMarker['kind'], string> = { run: '▲', paste: '■', 'focus-lost': '◆', 'focus-back': '◇', file: '✚' };

/** Arrow keys on the slider move this far (Shift: a minute); dragging stays precise to 0.1 s. */
const ARROW_STEP_MS = 5_000;
const SHIFT_ARROW_STEP_MS = 60_000;

/** The timeline: a heat strip of activity, the markers, and a slider for the playhead. */
export function ReplayScrubber({ durationMs, position, activity, markers, onSeek, onJump }: { durationMs: number; position: number; activity: number[]; markers: readonly ReplayMarker[]; onSeek: (t: number) => void; onJump: (marker: ReplayMarker) => void }) {
  const peak = Math.max(1, ...activity);
  const share = (t: number) => (durationMs === 0 ? 0 : (t / durationMs) * 100);
  return (
    <div className="scrubber">
      <div className="heat" aria-hidden="true">
        {activity.map((n, i) => (
          <span key={i} style={{ opacity: n === 0 ? 0.05 : 0.25 + (0.75 * n) / peak }} />
        ))}
      </div>
      <div className="marks">
        {markers.map((m) => (
          <button key={`${m.eventIndex}`} type="button" className={`mark ${m.kind}`} style={{ left: `${share(m.t)}%` }} title={m.label} aria-label={`${m.label}, at ${clockTime(m.t)}`} onClick={() => onJump(m)}>
            {MARKER_SYMBOL[m.kind]}
          </button>
        ))}
      </div>
      <input
        type="range"
        min={0}
        max={Math.max(1, durationMs)}
        step={100}
        value={position}
        onChange={(e) => onSeek(Number(e.target.value))}
        onKeyDown={(e) => {
          const direction = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1 }[e.key];
          if (direction === undefined) return;
          e.preventDefault();
          onSeek(Math.max(0, Math.min(durationMs, position + direction * (e.shiftKey ? SHIFT_ARROW_STEP_MS : ARROW_STEP_MS))));
        }}
        aria-label="Replay position"
        aria-valuetext={clockTime(position)}
        aria-keyshortcuts="ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight"
        title="Arrow keys: 5 s; with Shift: 1 minute"
      />
    </div>
  );
}

export function clockTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${h > 0 ? `${h}:` : ''}${pad(m)}:${pad(s % 60)}`;
}
