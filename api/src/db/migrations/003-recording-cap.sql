-- The per-attempt recording cap (contract RECORDING_LIMITS): bytes of events stored so far (their
-- JSON), and when a batch was first refused for going past the cap (null: never).
ALTER TABLE attempts ADD COLUMN recorded_bytes integer NOT NULL DEFAULT 0;
ALTER TABLE attempts ADD COLUMN recording_full_at double precision;
