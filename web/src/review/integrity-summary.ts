import type { AttemptDetail, RecordedEvent } from '@assay/contract';
import { pastedRange } from '../replay/pasted-range.js';

const minutes = (ms: number) => {
  const m = Math.round(ms / 60_000);
  return m < 1 ? 'under a minute' : `${m} minute${m === 1 ? '' : 's'}`;
};
const at = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;
const count = (n: number) => n.toLocaleString('en');

/** How much of `text` is still in `final`, by non-blank lines. */
function survival(text: string, final: string): number {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return 1;
  const kept = new Set(final.split('\n').map((l) => l.trim()));
  return lines.filter((l) => kept.has(l)).length / lines.length;
}

/** Who says so: the server saw it happen, or the candidate's browser reported it (and could have been made to). */
export type IntegritySource = 'server' | 'browser' | 'disagreement';
export interface IntegrityNote {
  source: IntegritySource;
  text: string;
}

/** What the summary needs of the attempt's detail. */
export type IntegrityDetail = Pick<AttemptDetail, 'attempt' | 'runs' | 'recording'>;

/** What the server itself observed: runs it graded, submission time and verdict. */
function observed(detail: IntegrityDetail): string[] {
  const { attempt, runs, recording } = detail;
  const sentences: string[] = [];
  if (attempt.startedAt && attempt.submittedAt) sentences.push(`Submitted ${minutes(Date.parse(attempt.submittedAt) - Date.parse(attempt.startedAt))} after starting.`);
  else sentences.push(attempt.startedAt ? 'Not submitted yet.' : 'Not started yet.');
  if (runs.length === 0) sentences.push('Never ran the visible tests.');
  else {
    const green = runs.find((r) => r.total !== null && r.total > 0 && r.passed === r.total);
    const since = (iso: string | null) => (attempt.startedAt && iso ? ` at ${at(Date.parse(iso) - Date.parse(attempt.startedAt))}` : '');
    sentences.push(`Ran the visible tests ${runs.length} time(s); ${green ? `they first all passed${since(green.at)}` : 'no run passed them all'}.`);
  }
  if (recording.fullAt) {
    sentences.push(`The recording reached its cap (${count(recording.maxEvents)} events or ${Math.round(recording.maxBytes / 1024 / 1024)} MiB) at ${new Date(recording.fullAt).toLocaleString()}; what the candidate did after that was not recorded.`);
  }
  if (attempt.verdict) sentences.push(`The hidden tests' verdict: ${attempt.verdict}${attempt.score === null ? '' : ` (${Math.round(attempt.score * 100)}%)`}.`);
  return sentences;
}

/**
 * Plain sentences for a reviewer to weigh, each with its source. The server's own observations
 * (runs, submission, verdict) are facts; the recording (pastes and whether they survived to the
 * final code, time away from the window, runs as the page saw them) comes from the candidate's
 * browser and can be forged, so it is labelled so, and where the two disagree (a run the browser
 * reports that the server never graded) the page says so. Never a score: that is the reviewer's call.
 */
export function integritySummary(events: readonly RecordedEvent[], finalFiles: ReadonlyMap<string, string>, detail: IntegrityDetail): IntegrityNote[] {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const sentences: string[] = [];

  const pastes = sorted.map((e, i) => [e, i] as const).filter(([e]) => e.type === 'paste') as Array<[Extract<RecordedEvent, { type: 'paste' }>, number]>;
  if (pastes.length === 0) sentences.push('Nothing was pasted into the editor.');
  else {
    const total = pastes.reduce((sum, [p]) => sum + p.size, 0);
    sentences.push(`Pasted ${pastes.length} time${pastes.length === 1 ? '' : 's'}, ${count(total)} characters in all.`);
    const [largest, index] = pastes.reduce((a, b) => (b[0].size > a[0].size ? b : a));
    const text = pastedRange(sorted, index)?.text ?? null;
    const share = text === null ? null : survival(text, finalFiles.get(largest.file) ?? '');
    sentences.push(
      `The largest paste (${count(largest.size)} characters, ${count(largest.lines)} lines, into ${largest.file} at ${at(largest.t)}) ` +
        (share === null ? 'could not be matched to an edit.' : `is ${Math.round(share * 100)}% still in the final code.`),
    );
  }

  let away = 0;
  let spells = 0;
  let leftAt: number | null = null;
  for (const event of sorted) {
    if (event.type !== 'focus') continue;
    if (!event.focused && leftAt === null) leftAt = event.t;
    if (event.focused && leftAt !== null) {
      away += event.t - leftAt;
      spells++;
      leftAt = null;
    }
  }
  sentences.push(spells === 0 && leftAt === null ? 'Never left the assessment window.' : `Left the assessment window ${spells + (leftAt === null ? 0 : 1)} time(s), ${minutes(away)} away in all${leftAt === null ? '' : ' (and had left it at the end)'}.`);

  // Runs are the server's to state (it graded them); the recording's runs are only checked against them.
  const runs = sorted.filter((e): e is Extract<RecordedEvent, { type: 'run' }> => e.type === 'run');
  const graded = new Map(detail.runs.map((r) => [r.id, r]));
  const disagreements: string[] = [];
  const unseen = runs.filter((r) => !graded.has(r.runId));
  if (unseen.length > 0) {
    disagreements.push(`The browser reports ${unseen.length} test run(s) the server never saw (${unseen.map((r) => `at ${at(r.t)}`).join(', ')}); those runs did not happen on Assay, whatever they claim to have passed.`);
  }
  const recorded = new Set(runs.map((r) => r.runId));
  const unrecorded = detail.runs.filter((r) => !recorded.has(r.id)).length;
  if (unrecorded > 0) {
    disagreements.push(`${unrecorded} run(s) the server graded are missing from the browser's recording (the page was closed or offline before it sent them); the server's count above stands.`);
  }
  for (const run of runs) {
    const server = graded.get(run.runId);
    if (server && run.total !== undefined && server.total !== null && (server.passed !== (run.passed ?? 0) || server.total !== run.total)) {
      disagreements.push(`The run at ${at(run.t)} is reported as ${run.passed ?? 0}/${run.total} passed; the server graded it ${server.passed ?? 0}/${server.total}.`);
    }
  }

  return [
    ...observed(detail).map((text) => ({ source: 'server' as const, text })),
    ...sentences.map((text) => ({ source: 'browser' as const, text })),
    ...disagreements.map((text) => ({ source: 'disagreement' as const, text })),
  ];
}
