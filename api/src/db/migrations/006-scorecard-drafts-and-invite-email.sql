-- Scorecard drafts, saved as a reviewer types (one per reviewer and attempt; a submission
-- removes it), and every submitted version of a scorecard: `scores` holds the current one,
-- `score_history` each one ever submitted, so an amendment keeps what it replaced.
CREATE TABLE score_drafts (
  attempt_id text NOT NULL REFERENCES attempts(id),
  reviewer_id text NOT NULL REFERENCES users(id),
  draft jsonb NOT NULL,
  saved_at double precision NOT NULL,
  PRIMARY KEY (attempt_id, reviewer_id)
);

CREATE TABLE score_history (
  attempt_id text NOT NULL REFERENCES attempts(id),
  reviewer_id text NOT NULL REFERENCES users(id),
  criteria jsonb NOT NULL,
  recommendation text NOT NULL,
  note text NOT NULL,
  submitted_at double precision NOT NULL,
  PRIMARY KEY (attempt_id, reviewer_id, submitted_at)
);

INSERT INTO score_history (attempt_id, reviewer_id, criteria, recommendation, note, submitted_at)
  SELECT attempt_id, reviewer_id, criteria, recommendation, note, submitted_at FROM scores;

-- How an invite's current link reached the candidate: emailed (`sent`, accepted by the mail
-- server), `failed` (with the reason), or `manual` (no mail server configured).
ALTER TABLE invites ADD COLUMN delivery text NOT NULL DEFAULT 'manual' CHECK (delivery IN ('manual', 'sent', 'failed'));
ALTER TABLE invites ADD COLUMN delivery_at double precision;
ALTER TABLE invites ADD COLUMN delivery_error text;
