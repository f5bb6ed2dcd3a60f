-- Times are epoch milliseconds (double precision): the same type and JavaScript number in
-- Postgres and PGlite. JSON columns are jsonb.
CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'reviewer')),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at double precision NOT NULL
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  expires_at double precision NOT NULL,
  created_at double precision NOT NULL
);

CREATE TABLE invites (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  candidate_name text NOT NULL,
  candidate_email text NOT NULL,
  challenge_id text NOT NULL,
  languages jsonb NOT NULL,
  time_limit_minutes integer NOT NULL,
  expires_at double precision NOT NULL,
  revoked_at double precision,
  created_by text NOT NULL REFERENCES users(id),
  created_at double precision NOT NULL
);

CREATE TABLE attempts (
  id text PRIMARY KEY,
  invite_id text NOT NULL UNIQUE REFERENCES invites(id),
  language text NOT NULL,
  content_hash text NOT NULL,
  started_at double precision NOT NULL,
  deadline double precision NOT NULL,
  submitted_at double precision,
  status text NOT NULL CHECK (status IN ('started', 'submitted', 'graded')),
  verdict text,
  score double precision,
  acked_seq integer NOT NULL DEFAULT -1
);

CREATE TABLE attempt_files (
  attempt_id text NOT NULL REFERENCES attempts(id),
  path text NOT NULL,
  content text NOT NULL,
  updated_at double precision NOT NULL,
  PRIMARY KEY (attempt_id, path)
);

CREATE TABLE events (
  attempt_id text NOT NULL REFERENCES attempts(id),
  seq integer NOT NULL,
  event jsonb NOT NULL,
  PRIMARY KEY (attempt_id, seq)
);

-- One row per grading (a submission, a re-grade, or a public run); the verdict is written once.
CREATE TABLE gradings (
  id text PRIMARY KEY,
  attempt_id text NOT NULL REFERENCES attempts(id),
  suite text NOT NULL CHECK (suite IN ('public', 'hidden')),
  status text NOT NULL CHECK (status IN ('queued', 'done')),
  content_hash text NOT NULL,
  files jsonb NOT NULL,
  created_at double precision NOT NULL,
  enqueued_at double precision,
  finished_at double precision,
  verdict text,
  score double precision,
  result jsonb
);
CREATE INDEX gradings_by_attempt ON gradings (attempt_id, created_at);
CREATE INDEX gradings_queued ON gradings (status, created_at);

CREATE TABLE scores (
  attempt_id text NOT NULL REFERENCES attempts(id),
  reviewer_id text NOT NULL REFERENCES users(id),
  criteria jsonb NOT NULL,
  recommendation text NOT NULL,
  note text NOT NULL,
  submitted_at double precision NOT NULL,
  PRIMARY KEY (attempt_id, reviewer_id)
);
