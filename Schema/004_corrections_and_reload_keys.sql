-- 004_corrections_and_reload_keys.sql: analysts' corrections of facts (data/corrections.csv),
-- applied on every load, and what else besides a file's bytes decides whether it is re-read.
--
-- A correction is re-applied each time its file is stored, in the file's transaction, so it
-- survives reloads. Corrected and added facts are marked; dropped facts are deleted and the
-- drop is recorded in correction_outcome.

-- Corrected and added facts are marked in fact_activity.origin and correction_reason (002).

-- Digest of the corrections that name this file, as applied when it was stored ('' when none).
-- A file whose bytes are unchanged is still reloaded when this digest no longer matches, so that
-- a changed corrections file re-applies to the files it names, old and new.
ALTER TABLE source_file ADD COLUMN corrections_sha256 TEXT NOT NULL DEFAULT '';

-- Digest of the vocabulary and gazetteer (data/activities.csv, data/regions.csv) the file was
-- extracted with: after a user adds a cue or a region, the next load re-reads every file.
ALTER TABLE source_file ADD COLUMN vocabulary_sha256 TEXT NOT NULL DEFAULT '';

-- What became of each correction the last time its file was stored.
--   SELECT * FROM v_corrections WHERE status <> 'applied';   -- corrections that match nothing
CREATE TABLE correction_outcome (
    outcome_id    INTEGER PRIMARY KEY,
    file_id       INTEGER NOT NULL REFERENCES source_file (file_id) ON DELETE CASCADE,
    line          INTEGER NOT NULL,      -- line of the corrections file
    ordinal       INTEGER NOT NULL,      -- the report's ordinal in the file
    action        TEXT NOT NULL CHECK (action IN ('fix', 'add', 'drop')),
    activity_code TEXT NOT NULL,
    value         REAL NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('applied', 'no_report', 'duplicate_report', 'no_fact', 'ambiguous', 'no_evidence')),
    fact_id       INTEGER REFERENCES fact_activity (fact_id) ON DELETE SET NULL, -- the fact fixed or added
    reason        TEXT NOT NULL
) STRICT;

CREATE INDEX correction_outcome_file ON correction_outcome (file_id);

CREATE VIEW v_corrections AS
SELECT
    sf.name AS file,
    sf.path,
    c.line,
    c.ordinal,
    c.action,
    c.activity_code,
    c.value,
    c.status,
    c.fact_id,
    c.reason
FROM correction_outcome c
JOIN source_file sf ON sf.file_id = c.file_id;
