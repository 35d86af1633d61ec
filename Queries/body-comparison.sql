-- name: body-comparison
-- title: 人大与政协对比 | People's congress and CPPCC side by side
-- description: For every region with both an npc and a cppcc annual report in the year, each
-- description: activity either body states, with the two figures side by side (as in
-- description: compare-districts: the largest total of each report), grouped by category.
-- param: year        2022      the year under review
-- param: region      null      one region only (name, full name or code), optional
-- param: province    null      only regions of this province (name), optional
WITH scope AS (
    SELECT r.region_code, r.body_code
    FROM report r
    JOIN dim_region g ON g.region_code = r.region_code
    WHERE r.year = :year
      AND r.body_code IN ('npc', 'cppcc')
      AND r.duplicate_of IS NULL
      AND (r.period_start IS NULL OR r.period_start = COALESCE(r.period_end, r.year))
      AND (:region IS NULL OR g.region_code = CAST(:region AS TEXT) OR g.name = :region OR g.full_name = :region)
      AND (:province IS NULL OR g.province = :province)
),
paired AS (
    SELECT region_code FROM scope GROUP BY region_code HAVING COUNT(DISTINCT body_code) = 2
),
multi_year AS (
    SELECT report_id FROM report
    WHERE year = :year AND body_code IN ('npc', 'cppcc') AND period_start < COALESCE(period_end, year)
),
candidates AS (
    SELECT
        f.fact_id, f.region_code, f.body_code, f.activity_code, f.value, f.unit,
        CASE WHEN f.is_part = 1 AND f.qualifier = 'exact' THEN 'at_least' ELSE f.qualifier END AS qualifier,
        ROW_NUMBER() OVER (
            PARTITION BY f.region_code, f.body_code, f.activity_code
            ORDER BY f.is_part, f.is_combined, f.value DESC, f.fact_id
        ) AS pick
    FROM fact_activity f
    WHERE f.year = :year
      AND f.body_code IN ('npc', 'cppcc')
      AND f.section = 'review'
      AND f.activity_code <> 'other'
      AND f.region_code IN (SELECT region_code FROM paired)
      AND f.report_id NOT IN (SELECT report_id FROM multi_year)
),
figures AS (SELECT * FROM candidates WHERE pick = 1)
SELECT
    g.name AS region,
    fg.region_code,
    a.category,
    fg.activity_code,
    a.name_zh AS activity_zh,
    MAX(fg.value) FILTER (WHERE fg.body_code = 'npc') AS npc,
    MAX(fg.qualifier) FILTER (WHERE fg.body_code = 'npc') AS npc_qualifier,
    MAX(fg.unit) FILTER (WHERE fg.body_code = 'npc') AS npc_unit,
    MAX(fg.value) FILTER (WHERE fg.body_code = 'cppcc') AS cppcc,
    MAX(fg.qualifier) FILTER (WHERE fg.body_code = 'cppcc') AS cppcc_qualifier,
    MAX(fg.unit) FILTER (WHERE fg.body_code = 'cppcc') AS cppcc_unit
FROM figures fg
-- Names from the gazetteer by key: joining the materialized `paired` would compare every figure
-- with every region (no index on it), a minute at one million facts.
JOIN dim_region g ON g.region_code = fg.region_code
JOIN dim_activity a ON a.activity_code = fg.activity_code
GROUP BY fg.region_code, g.name, a.category, fg.activity_code, a.name_zh
ORDER BY fg.region_code, a.category, fg.activity_code;
