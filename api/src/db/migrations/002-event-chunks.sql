-- Recorded events, compacted: each row a run of consecutive seqs encoded column by column
-- (api/src/attempts/event-chunk-codec.ts). Events arrive as rows in `events`; once every seq up
-- to some point is stored they move here, and `compacted_seq` says how far that has gone.
CREATE TABLE event_chunks (
  attempt_id text NOT NULL REFERENCES attempts(id),
  first_seq integer NOT NULL,
  last_seq integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (attempt_id, first_seq)
);

ALTER TABLE attempts ADD COLUMN compacted_seq integer NOT NULL DEFAULT -1;
