-- name: leaders
-- title: 各项活动领先地区 | Leading regions per activity
-- description: For each activity, the regions with the highest figures in one year for one body
-- description: (ties share a rank, so a rank may list more regions than `top`). Figures as in
-- description: compare-districts: the largest total of each single-year report, review sections only.
-- param: year        2022      the year under review
-- param: body        npc       npc, cppcc, gov, court or procuratorate
-- param: top         3         how many ranks per activity
-- param: activity    null      one activity only, optional
-- chart: activity_zh region value
WITH multi_year AS (
    SELECT report_id FROM report
    WHERE year = :year AND body_code = :body AND period_start < COALESCE(period_end, year)
),
candidates AS (
    SELECT
        f.fact_id, f.activity_code, f.region_code, f.report_id, f.value, f.unit,
        CASE WHEN f.is_part = 1 AND f.qualifier = 'exact' THEN 'at_least' ELSE f.qualifier END AS qualifier,
        ROW_NUMBER() OVER (
            PARTITION BY f.activity_code, COALESCE(f.region_code, 'report:' || f.report_id)
            ORDER BY f.is_part, f.is_combined, f.value DESC, f.fact_id
        ) AS pick
    FROM fact_activity f
    WHERE f.year = :year
      AND f.body_code = :body
      AND f.section = 'review'
      AND f.activity_code <> 'other'
      AND (:activity IS NULL OR f.activity_code = :activity)
      AND f.report_id NOT IN (SELECT report_id FROM multi_year)
),
ranked AS (
    SELECT *, RANK() OVER (PARTITION BY activity_code ORDER BY value DESC) AS rank
    FROM candidates WHERE pick = 1
)
SELECT
    k.activity_code,
    a.name_zh AS activity_zh,
    k.rank,
    COALESCE(g.name, (SELECT region_mention FROM report WHERE report_id = k.report_id), '?') AS region,
    k.region_code,
    k.value,
    k.qualifier,
    k.unit,
    k.fact_id
FROM ranked k
JOIN dim_activity a ON a.activity_code = k.activity_code
LEFT JOIN dim_region g ON g.region_code = k.region_code
WHERE k.rank <= :top
ORDER BY a.category, k.activity_code, k.rank, k.region_code;
