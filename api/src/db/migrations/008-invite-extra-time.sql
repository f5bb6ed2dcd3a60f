-- Extra time granted to one candidate as an accommodation, in minutes, on top of the invite's
-- time limit: it moves their deadline and countdown, and is never shown to reviewers.
ALTER TABLE invites ADD COLUMN extra_minutes integer NOT NULL DEFAULT 0;
