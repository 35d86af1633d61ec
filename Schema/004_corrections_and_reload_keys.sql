-- 004_corrections_and_reload_keys.sql: analysts' corrections of facts (data/corrections.csv),
-- applied on every load, and what else besides a file's bytes decides whether it is re-read.
--
-- A correction is re-applied each time its file is stored, in the file's transaction, so it
-- survives reloads. Corrected and added facts are marked; dropped facts are deleted and the
-- drop is recorded in correction_outcome.

-- Where a fact comes from: the extractor, or an analyst's correction of it or addition.
ALTER TABLE fact_activity ADD COLUMN origin TEXT NOT NULL DEFAULT 'extracted'
    CHECK (origin = 'extracted' OR origin = 'corrected' OR origin = 'added');
ALTER TABLE fact_activity ADD COLUMN correction_reason TEXT; -- the analyst's reason, for corrected and added facts

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

-- v_facts again, with the origin of each fact.
DROP VIEW v_facts;
CREATE VIEW v_facts AS
SELECT
    f.fact_id,
    f.report_id,
    sf.name                      AS file,
    r.ordinal                    AS report_ordinal, -- the report's place in its file (1, 2, …)
    r.title                      AS report_title,
    f.body_code,
    b.name_zh                    AS body_zh,
    b.name_en                    AS body_en,
    f.region_code,
    COALESCE(g.name, r.region_mention) AS region,
    g.full_name                  AS region_full_name,
    g.province,
    g.prefecture,
    f.year,
    r.period_start,
    r.period_end,
    f.activity_code,
    a.name_zh                    AS activity_zh,
    a.name_en                    AS activity_en,
    a.category,
    f.value,
    f.qualifier,
    CASE f.qualifier WHEN 'at_least' THEN '' WHEN 'approx' THEN '≈' ELSE '' END
        || CASE WHEN f.value = CAST(f.value AS INTEGER) THEN CAST(CAST(f.value AS INTEGER) AS TEXT)
                ELSE CAST(f.value AS TEXT) END
        || CASE f.qualifier WHEN 'at_least' THEN '+' ELSE '' END AS value_display,
    f.unit,
    f.section,
    f.is_part,
    f.is_combined,
    f.phrase,
    f.evidence,
    f.start_offset,
    f.end_offset,
    f.origin,
    f.correction_reason
FROM fact_activity f
JOIN report r        ON r.report_id = f.report_id
JOIN source_file sf  ON sf.file_id = r.file_id
JOIN dim_body b      ON b.body_code = f.body_code
JOIN dim_activity a  ON a.activity_code = f.activity_code
LEFT JOIN dim_region g ON g.region_code = f.region_code;
