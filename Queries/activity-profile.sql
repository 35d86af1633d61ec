-- name: activity-profile
-- title: 地区活动概况 | Activity profile of one region
-- description: Every activity of one region (name, full name or six-digit code) in one year,
-- description: grouped by category: the figure that stands for it (the largest total, as in
-- description: compare-districts) and how many facts state it. A name shared by several units
-- description: (青山区) lists each unit; a report whose region is open matches the name it writes.
-- description: Multi-year reviews show their period.
-- param: region      required  region name (青山区), full name or six-digit code (420107)
-- param: year        2022      the year under review
-- param: body        null      npc, cppcc, …; all bodies when omitted
-- chart: activity_zh value
WITH places AS (
    SELECT region_code FROM dim_region
    WHERE region_code = CAST(:region AS TEXT) OR name = :region OR full_name = :region
),
reports AS (
    SELECT r.report_id FROM report r
    WHERE r.region_code IN (SELECT region_code FROM places) AND r.year = :year
    UNION
    SELECT r.report_id FROM report r
    WHERE r.region_code IS NULL AND r.region_mention = :region AND r.year = :year
),
ranked AS (
    SELECT
        f.fact_id, f.report_id, f.region_code, f.body_code, f.activity_code, f.value, f.unit,
        CASE WHEN f.is_part = 1 AND f.qualifier = 'exact' THEN 'at_least' ELSE f.qualifier END AS qualifier,
        ROW_NUMBER() OVER (
            PARTITION BY COALESCE(f.region_code, 'report:' || f.report_id), f.body_code, f.activity_code
            ORDER BY f.is_part, f.is_combined, f.value DESC, f.fact_id
        ) AS pick,
        COUNT(*) OVER (
            PARTITION BY COALESCE(f.region_code, 'report:' || f.report_id), f.body_code, f.activity_code
        ) AS evidence_count
    FROM fact_activity f
    WHERE f.report_id IN (SELECT report_id FROM reports)
      AND f.section = 'review'
      AND f.activity_code <> 'other'
      AND (:body IS NULL OR f.body_code = :body)
)
SELECT
    COALESCE(g.name, r.region_mention, '?') AS region,
    k.region_code,
    k.body_code AS body,
    CASE WHEN r.period_start IS NOT NULL AND r.period_start <> COALESCE(r.period_end, r.year)
         THEN r.period_start || '–' || COALESCE(r.period_end, r.year) ELSE CAST(r.year AS TEXT) END AS period,
    a.category,
    k.activity_code,
    a.name_zh AS activity_zh,
    k.value,
    k.qualifier,
    k.unit,
    k.evidence_count,
    k.fact_id
FROM ranked k
JOIN report r ON r.report_id = k.report_id
JOIN dim_activity a ON a.activity_code = k.activity_code
LEFT JOIN dim_region g ON g.region_code = k.region_code
WHERE k.pick = 1
ORDER BY k.region_code, region, body, a.category, k.activity_code;
