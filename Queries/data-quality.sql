-- name: data-quality
-- title: 数据质量检查 | What to check before trusting the numbers
-- description: One row per problem: reports whose region is open (with the candidate codes and
-- description: the note), copies of earlier reports, reports with fewer than `min_facts` review
-- description: facts, reports without a year, and reports with facts from plan sections (next
-- description: year's intentions, kept apart from the review and never compared).
-- param: min_facts   3         a report with fewer review facts than this is listed
WITH reports AS (
    SELECT r.*, sf.name AS file,
           (SELECT COUNT(*) FROM fact_activity f WHERE f.report_id = r.report_id AND f.section = 'review') AS review_facts,
           (SELECT COUNT(*) FROM fact_activity f WHERE f.report_id = r.report_id AND f.section = 'plan') AS plan_facts
    FROM report r
    JOIN source_file sf ON sf.file_id = r.file_id
),
problems AS (
    SELECT 'open region' AS issue, report_id,
           'mention ' || COALESCE(region_mention, '(none)') || '; candidates ' || region_candidates
               || COALESCE('; ' || region_note, '') AS detail
    FROM reports WHERE region_code IS NULL
    UNION ALL
    SELECT 'duplicate', r.report_id, 'copy of ' || d.file || '#' || d.ordinal
    FROM reports r JOIN reports d ON d.report_id = r.duplicate_of
    UNION ALL
    SELECT 'no year', report_id, 'the year under review is not known'
    FROM reports WHERE year IS NULL
    UNION ALL
    SELECT 'few facts', report_id, review_facts || ' review facts'
    FROM reports WHERE duplicate_of IS NULL AND review_facts < :min_facts
    UNION ALL
    SELECT 'plan facts', report_id, plan_facts || ' facts from plan sections'
    FROM reports WHERE plan_facts > 0
)
SELECT
    p.issue,
    p.report_id,
    r.file,
    r.ordinal,
    r.body_code AS body,
    COALESCE(g.name, r.region_mention, '?') AS region,
    r.year,
    r.title,
    p.detail
FROM problems p
JOIN reports r ON r.report_id = p.report_id
LEFT JOIN dim_region g ON g.region_code = r.region_code
ORDER BY p.issue, r.file, r.ordinal;
