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
--
-- How it stays fast: a region's figure is its best fact (a total before a part, a single figure
-- before a combined one, then the largest value, then the first found); `figure` keeps a fact only
-- when no better fact of the same activity and region exists (a report without a region stands
-- alone). Per activity, `floor` walks the fact_ranking index from the largest value down to the
-- `top`-th figure, and the result takes every figure at or above it: RANK() semantics (rank =
-- 1 + the figures strictly larger) without ranking every region of every activity.
WITH multi_year AS (
    SELECT report_id FROM report
    WHERE year = :year AND body_code = :body AND period_start < COALESCE(period_end, year)
),
figure AS NOT MATERIALIZED (
    SELECT
        f.fact_id, f.activity_code, f.region_code, f.report_id, f.value, f.unit,
        CASE WHEN f.is_part = 1 AND f.qualifier = 'exact' THEN 'at_least' ELSE f.qualifier END AS qualifier
    FROM fact_activity f
    WHERE f.year = :year
      AND f.body_code = :body
      AND f.section = 'review'
      AND f.activity_code <> 'other'  -- as the indexes fact_ranking and fact_year_body say
      AND f.report_id NOT IN (SELECT report_id FROM multi_year)
      AND NOT EXISTS (
          SELECT 1 FROM fact_activity b
          WHERE b.year = :year
            AND b.body_code = :body
            AND b.section = 'review'
            AND b.activity_code = f.activity_code
            AND b.activity_code <> 'other'
            AND b.region_code IS f.region_code
            AND (f.region_code IS NOT NULL OR b.report_id = f.report_id)
            AND b.report_id NOT IN (SELECT report_id FROM multi_year)
            AND (b.is_part, b.is_combined, -b.value, b.fact_id) < (f.is_part, f.is_combined, -f.value, f.fact_id)
      )
),
floor AS (
    SELECT
        a.activity_code, a.name_zh, a.category,
        (SELECT x.value FROM figure x WHERE x.activity_code = a.activity_code
         ORDER BY x.value DESC LIMIT 1 OFFSET :top - 1) AS value
    FROM dim_activity a
    WHERE a.activity_code <> 'other'
      AND (:activity IS NULL OR a.activity_code = :activity)
)
SELECT
    k.activity_code,
    t.name_zh AS activity_zh,
    1 + (SELECT count(*) FROM figure y WHERE y.activity_code = k.activity_code AND y.value > k.value) AS rank,
    COALESCE(g.name, (SELECT region_mention FROM report WHERE report_id = k.report_id), '?') AS region,
    k.region_code,
    k.value,
    k.qualifier,
    k.unit,
    k.fact_id
-- CROSS JOIN keeps the activities outside: SQLite would otherwise start from every figure.
FROM floor t
CROSS JOIN figure k
LEFT JOIN dim_region g ON g.region_code = k.region_code
WHERE k.activity_code = t.activity_code AND k.value >= COALESCE(t.value, -1e308)
ORDER BY t.category, k.activity_code, rank, k.region_code, k.fact_id;
