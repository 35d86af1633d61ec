-- 001_dimensions.sql: the dimensions of the star schema.
--
-- Shipped migrations are never edited: a change to the schema is the next numbered file.
-- The migrator applies each file whose number is above PRAGMA user_version, in one
-- transaction with the new user_version.

-- The kinds of body whose reports are loaded.
CREATE TABLE dim_body (
    body_code TEXT PRIMARY KEY,          -- npc, cppcc, gov, court, procuratorate
    name_zh   TEXT NOT NULL,             -- 人大常委会, 政协常委会, …
    name_en   TEXT NOT NULL
) STRICT;

INSERT INTO dim_body (body_code, name_zh, name_en) VALUES
    ('npc',           '人大常委会', 'People''s congress standing committee'),
    ('cppcc',         '政协常委会', 'CPPCC standing committee'),
    ('gov',           '人民政府',   'People''s government'),
    ('court',         '人民法院',   'People''s court'),
    ('procuratorate', '人民检察院', 'People''s procuratorate');

-- The national gazetteer (GB/T 2260), filled from data/regions.csv on every load.
CREATE TABLE dim_region (
    region_code TEXT PRIMARY KEY,        -- six digits, e.g. 420107
    name        TEXT NOT NULL,           -- 青山区
    level       TEXT NOT NULL CHECK (level = 'province' OR level = 'prefecture' OR level = 'county'),
    parent_code TEXT,                    -- the prefecture, or the province where there is none
    province    TEXT NOT NULL,           -- 湖北省
    prefecture  TEXT,                    -- 武汉市; NULL for provinces and municipal districts
    full_name   TEXT NOT NULL            -- 湖北省武汉市青山区
) STRICT;

CREATE INDEX dim_region_name ON dim_region (name);
CREATE INDEX dim_region_parent ON dim_region (parent_code);

-- Years that reports review. Multi-year reviews keep their span on the report (period_start/end).
CREATE TABLE dim_year (
    year  INTEGER PRIMARY KEY,           -- 2022
    label TEXT NOT NULL                  -- 2022年
) STRICT;

-- The activity vocabulary, filled from data/activities.csv on every load, plus 'other'
-- for counts that match no code (kept so that nothing is dropped silently).
CREATE TABLE dim_activity (
    activity_code TEXT PRIMARY KEY,      -- law_enforcement_inspection
    category      TEXT NOT NULL,         -- oversight, meetings, proposals, …
    name_zh       TEXT NOT NULL,         -- 执法检查
    name_en       TEXT NOT NULL,
    unit          TEXT NOT NULL,         -- the usual unit (项, 次, 件, 人次, %)
    bodies        TEXT NOT NULL,         -- body codes it applies to, '|'-separated, or 'any'
    cues          TEXT NOT NULL,         -- the Chinese cue words, '|'-separated
    notes         TEXT NOT NULL DEFAULT ''
) STRICT;

INSERT INTO dim_activity (activity_code, category, name_zh, name_en, unit, bodies, cues, notes) VALUES
    ('other', 'unclassified', '未归类', 'Unclassified count', '', 'any', '',
     'A number with a counting unit that matches no activity code; see the phrase column of fact_activity.');
