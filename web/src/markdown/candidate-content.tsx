import type { ReactNode } from 'react';

/**
 * What a candidate wrote, in a visibly marked frame that clips and contains everything inside
 * it (layout and paint containment, its own stacking context), so nothing in it can be mistaken
 * for, or drawn over, the app's own header, badges and tabs.
 */
export function CandidateContent({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section className="candidate-content" aria-label={label}>
      <p className="candidate-content-label">Written by the candidate</p>
      <div className="candidate-content-body">{children}</div>
    </section>
  );
}
