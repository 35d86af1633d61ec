-- 008_national_reports_and_paths.sql: reports of the whole country, and files told apart by path.
--
-- The State Council's government work report (and the NPC Standing Committee's or the CPPCC
-- National Committee's, if loaded) belongs to no region: it is stored with region_code NULL and
-- scope 'national', and the views show its region as 全国. Exports and views carry the file's
-- path as loaded, so two files named 2016.md in different folders can be told apart.
--
--   SELECT year, title FROM v_reports WHERE scope = 'national';

ALTER TABLE report ADD COLUMN scope TEXT NOT NULL DEFAULT 'local'
    CHECK (scope = 'local' OR scope = 'national'); -- national: the whole country's report, no region

DROP VIEW v_facts;
DROP VIEW v_reports;
DROP VIEW v_coverage;

CREATE VIEW v_facts AS
SELECT
    f.fact_id,
    f.report_id,
    sf.name                      AS file,
    sf.path                      AS path,
    r.ordinal                    AS report_ordinal, -- the report's place in its file (1, 2, …)
    r.title                      AS report_title,
    f.body_code,
    b.name_zh                    AS body_zh,
    b.name_en                    AS body_en,
    f.region_code,
    CASE WHEN r.scope = 'national' THEN '全国' ELSE COALESCE(g.name, r.region_mention) END AS region,
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

-- Every report with its file, readable region and body, and how many facts it gave.
CREATE VIEW v_reports AS
SELECT
    r.report_id,
    sf.name                      AS file,
    sf.path                      AS path,
    r.ordinal,
    r.title,
    r.body_code,
    b.name_zh                    AS body_zh,
    r.region_code,
    r.scope,
    CASE WHEN r.scope = 'national' THEN '全国' ELSE COALESCE(g.name, r.region_mention) END AS region,
    g.full_name                  AS region_full_name,
    r.region_candidates,
    r.region_given,
    r.region_note,
    r.year,
    r.period_start,
    r.period_end,
    r.duplicate_of,
    length(r.text)               AS text_length,
    (SELECT count(*) FROM fact_activity f WHERE f.report_id = r.report_id) AS fact_count
FROM report r
JOIN source_file sf ON sf.file_id = r.file_id
JOIN dim_body b     ON b.body_code = r.body_code
LEFT JOIN dim_region g ON g.region_code = r.region_code;

-- What the warehouse holds: one row per region, year and body, with report and fact counts.
CREATE VIEW v_coverage AS
SELECT
    r.region_code,
    CASE WHEN r.scope = 'national' THEN '全国' ELSE COALESCE(g.name, r.region_mention) END AS region,
    g.province,
    r.year,
    r.body_code,
    count(*)                     AS reports,
    sum((SELECT count(*) FROM fact_activity f WHERE f.report_id = r.report_id AND f.section = 'review')) AS review_facts
FROM report r
LEFT JOIN dim_region g ON g.region_code = r.region_code
WHERE r.duplicate_of IS NULL
GROUP BY r.region_code, region, g.province, r.year, r.body_code;
