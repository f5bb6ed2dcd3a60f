import { RecordedEvent, type EventPage } from '@assay/contract';
import { useEffect, useState } from 'react';
import type { z } from 'zod';

const PAGE = 5_000;

export interface RecordingState {
  events: RecordedEvent[];
  done: boolean;
  error?: unknown;
}

/** Every recorded event, page by page through `loadPage`, with how far it has got. */
export function useRecording(loadPage: (after: number, limit: number, signal: AbortSignal) => Promise<z.infer<typeof EventPage>>, key: string): RecordingState {
  const [state, setState] = useState<RecordingState>({ events: [], done: false });
  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const events: RecordedEvent[] = [];
      for (;;) {
        const page = await loadPage(events.at(-1)?.seq ?? -1, PAGE, controller.signal);
        events.push(...page.events.map((e) => RecordedEvent.parse(e)));
        setState({ events: [...events], done: page.done });
        if (page.done) return;
      }
    })().catch((error: unknown) => !controller.signal.aborted && setState((s) => ({ ...s, error })));
    return () => controller.abort();
    // `key` names what is loaded; a new loadPage function each render is the same source.
  }, [key]);
  return state;
}
