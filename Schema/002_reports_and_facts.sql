-- 002_reports_and_facts.sql: where the reports and their facts come from, and the fact table.

-- One row per source file loaded. A file is known by its path and content hash:
-- reloading an unchanged file is a no-op, a changed one replaces its reports and facts.
CREATE TABLE source_file (
    file_id    INTEGER PRIMARY KEY,
    path       TEXT NOT NULL UNIQUE,     -- as given to `warehouse load`, made absolute
    name       TEXT NOT NULL,            -- the file name alone, e.g. 004_ab4a3668ffbb590e.txt
    sha256     TEXT NOT NULL,            -- hex digest of the file's bytes
    byte_count INTEGER NOT NULL,
    encoding   TEXT NOT NULL,            -- utf-8, utf-16le, gb18030, …
    warnings   TEXT NOT NULL DEFAULT '', -- problems met while reading, one per line
    loaded_at  TEXT NOT NULL             -- ISO 8601, UTC
) STRICT;

-- One row per report found in a file (a compilation holds many).
CREATE TABLE report (
    report_id         INTEGER PRIMARY KEY,
    file_id           INTEGER NOT NULL REFERENCES source_file (file_id) ON DELETE CASCADE,
    ordinal           INTEGER NOT NULL,  -- 1, 2, … order inside the file
    title             TEXT NOT NULL,
    body_code         TEXT NOT NULL REFERENCES dim_body (body_code),
    region_mention    TEXT,              -- the region as the report names it
    region_code       TEXT REFERENCES dim_region (region_code), -- NULL: not settled by the text
    region_candidates TEXT NOT NULL DEFAULT '[]', -- JSON array of codes it could be, when open
    region_given      INTEGER NOT NULL DEFAULT 0 CHECK (region_given BETWEEN 0 AND 1), -- 1: from the manifest or --region
    region_note       TEXT,              -- why the region was settled or left open
    year              INTEGER REFERENCES dim_year (year), -- the (last) year under review
    period_start      INTEGER,           -- first year under review (five-year reviews: year - 4)
    period_end        INTEGER,
    duplicate_of      INTEGER REFERENCES report (report_id) ON DELETE SET NULL, -- an earlier copy of this report
    text              TEXT NOT NULL,     -- the normalized text; fact offsets point into it
    UNIQUE (file_id, ordinal)
) STRICT;

CREATE INDEX report_region_year ON report (region_code, year, body_code);

-- CHECK constraints on the tables written per fact are spelled with OR and BETWEEN, not IN (…):
-- SQLite evaluates a CHECK with an IN list through a temporary b-tree on every insert.

-- One row per activity count. Body, region and year are copied from the report so that the
-- canned comparisons filter without joins. Facts of a report marked duplicate_of are not stored.
CREATE TABLE fact_activity (
    fact_id       INTEGER PRIMARY KEY,
    report_id     INTEGER NOT NULL REFERENCES report (report_id) ON DELETE CASCADE,
    body_code     TEXT NOT NULL REFERENCES dim_body (body_code),
    region_code   TEXT REFERENCES dim_region (region_code),
    year          INTEGER REFERENCES dim_year (year),
    activity_code TEXT NOT NULL REFERENCES dim_activity (activity_code),
    value         REAL NOT NULL,         -- normalized: 两次 → 2, 1.2万 → 12000, 98% → 98
    qualifier     TEXT NOT NULL CHECK (qualifier = 'exact' OR qualifier = 'at_least' OR qualifier = 'approx'), -- 多/余 → at_least, 近/约 → approx
    unit          TEXT NOT NULL,         -- as written: 次, 项, 件, 人次, %
    section       TEXT NOT NULL CHECK (section = 'review' OR section = 'plan'), -- plan: next year's intentions, not achievements
    is_part       INTEGER NOT NULL DEFAULT 0 CHECK (is_part BETWEEN 0 AND 1),     -- a breakdown (其中…) of a total also stored
    is_combined   INTEGER NOT NULL DEFAULT 0 CHECK (is_combined BETWEEN 0 AND 1), -- one count covering several activities
    phrase        TEXT,                  -- for 'other': what was counted
    evidence      TEXT NOT NULL,         -- the clause stating the fact
    start_offset  INTEGER NOT NULL,      -- substr(report.text, start_offset + 1, end_offset - start_offset) = evidence
    end_offset    INTEGER NOT NULL,
    origin        TEXT NOT NULL DEFAULT 'extracted'  -- extracted, or an analyst's correction (data/corrections.csv)
                  CHECK (origin = 'extracted' OR origin = 'corrected' OR origin = 'added'),
    correction_reason TEXT                -- the analyst's reason, for corrected and added facts
) STRICT;

CREATE INDEX fact_activity_compare ON fact_activity (activity_code, year, body_code, region_code);
CREATE INDEX fact_region_year ON fact_activity (region_code, year);
CREATE INDEX fact_report ON fact_activity (report_id);
