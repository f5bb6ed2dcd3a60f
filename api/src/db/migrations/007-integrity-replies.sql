-- A candidate's reply to the integrity facts recorded about their session, written after they
-- submitted; reviewers read it beside those facts. One per attempt; a later save replaces it.
CREATE TABLE integrity_replies (
  attempt_id text PRIMARY KEY REFERENCES attempts(id),
  note text NOT NULL,
  saved_at double precision NOT NULL
);
