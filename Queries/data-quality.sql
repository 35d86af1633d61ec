-- name: data-quality
-- title: 数据质量检查 | What to check before trusting the numbers
-- description: One row per problem: reports whose region is open (with the candidate codes and
-- description: the note), copies of earlier reports, reports with fewer than `min_facts` review
-- description: facts, reports without a year, reports with facts from plan sections (next
-- description: year's intentions, kept apart from the review and never compared), and annual
-- description: reports of the same body, region and year in more than one place (the same report
-- description: in two files, or a second version: comparisons take the larger figure of the two).
-- param: min_facts   3         a report with fewer review facts than this is listed
WITH counts AS (
    SELECT report_id, SUM(section = 'review') AS review_facts, SUM(section = 'plan') AS plan_facts
    FROM fact_activity
    GROUP BY report_id
),
problems AS (
    SELECT 'open region' AS issue, report_id,
           'mention ' || COALESCE(region_mention, '(none)') || '; candidates ' || region_candidates
               || COALESCE('; ' || region_note, '') AS detail
    FROM report WHERE region_code IS NULL
    UNION ALL
    SELECT 'duplicate', r.report_id, 'copy of ' || sf.name || '#' || d.ordinal
    FROM report r
    JOIN report d ON d.report_id = r.duplicate_of
    JOIN source_file sf ON sf.file_id = d.file_id
    UNION ALL
    SELECT 'no year', report_id, 'the year under review is not known'
    FROM report WHERE year IS NULL
    UNION ALL
    SELECT 'few facts', r.report_id, COALESCE(c.review_facts, 0) || ' review facts'
    FROM report r
    LEFT JOIN counts c ON c.report_id = r.report_id
    WHERE r.duplicate_of IS NULL AND COALESCE(c.review_facts, 0) < :min_facts
    UNION ALL
    SELECT 'plan facts', report_id, plan_facts || ' facts from plan sections'
    FROM counts WHERE plan_facts > 0
    UNION ALL
    SELECT 'same region and year', r.report_id, 'also ' || osf.name || '#' || o.ordinal
    FROM report r
    JOIN report o ON o.region_code = r.region_code AND o.year = r.year AND o.body_code = r.body_code
                 AND o.report_id <> r.report_id AND o.duplicate_of IS NULL
                 AND (o.period_start IS NULL OR o.period_start = COALESCE(o.period_end, o.year))
    JOIN source_file osf ON osf.file_id = o.file_id
    WHERE r.duplicate_of IS NULL
      AND (r.period_start IS NULL OR r.period_start = COALESCE(r.period_end, r.year))
)
SELECT
    p.issue,
    p.report_id,
    sf.name AS file,
    r.ordinal,
    r.body_code AS body,
    COALESCE(g.name, r.region_mention, '?') AS region,
    r.year,
    r.title,
    p.detail
FROM problems p
JOIN report r ON r.report_id = p.report_id
JOIN source_file sf ON sf.file_id = r.file_id
LEFT JOIN dim_region g ON g.region_code = r.region_code
ORDER BY p.issue, sf.name, r.ordinal;
