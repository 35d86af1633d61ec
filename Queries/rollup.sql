-- name: rollup
-- title: 按省或地市汇总 | One activity rolled up by province or prefecture
-- description: One activity in one year for one body, summed and averaged over the reporting
-- description: regions of each province (by=province) or prefecture (by=prefecture; a
-- description: municipality's districts roll up to the municipality). Each region counts once,
-- description: with the figure of compare-districts, so a breakdown is never added to its total.
-- description: Qualifiers are honest: the sum is exact only when every figure is; with at-least
-- description: figures (and no approximate ones) it is an at-least sum, otherwise approximate.
-- description: Regions left open (no code) cannot be placed and are left out. Only regions of one
-- description: level are added up: by default the lowest level whose regions state the activity
-- description: (a warehouse of cities' reports rolls up its cities, one of districts its districts).
-- param: activity    required  activity code, e.g. law_enforcement_inspection
-- param: year        2022      the year under review
-- param: body        npc       npc, cppcc, gov, court or procuratorate
-- param: by          province  province or prefecture
-- param: level       lowest    county, prefecture, province, or lowest: the lowest level stating it
-- param: province    null      only this province (name), optional
-- chart: area total
WITH chosen_level AS (
    SELECT CASE WHEN :level IS NOT NULL AND :level <> 'lowest' THEN :level ELSE (
        SELECT g.level
        FROM fact_activity f
        JOIN dim_region g ON g.region_code = f.region_code
        WHERE f.year = :year AND f.body_code = :body AND f.activity_code = :activity
          AND f.activity_code <> 'other' AND f.section = 'review'
        ORDER BY CASE g.level WHEN 'county' THEN 0 WHEN 'prefecture' THEN 1 ELSE 2 END
        LIMIT 1) END AS level
),
multi_year AS (
    SELECT report_id FROM report
    WHERE year = :year AND body_code = :body AND period_start < COALESCE(period_end, year)
),
candidates AS (
    SELECT
        f.region_code,
        CASE :by WHEN 'prefecture' THEN COALESCE(g.prefecture, g.province) ELSE g.province END AS area,
        g.province,
        f.value,
        f.unit,
        CASE WHEN f.is_part = 1 AND f.qualifier = 'exact' THEN 'at_least' ELSE f.qualifier END AS qualifier,
        ROW_NUMBER() OVER (
            PARTITION BY f.region_code
            ORDER BY f.is_part, f.is_combined, f.value DESC, f.fact_id
        ) AS pick
    FROM fact_activity f
    JOIN dim_region g ON g.region_code = f.region_code
    WHERE f.year = :year
      AND f.body_code = :body
      AND f.activity_code = :activity
      AND f.activity_code <> 'other'  -- not compared; lets SQLite use the index fact_year_body
      AND f.section = 'review'
      AND f.report_id NOT IN (SELECT report_id FROM multi_year)
      AND (:level IS NULL OR g.level = (SELECT level FROM chosen_level))
      AND (:province IS NULL OR g.province = :province)
),
figures AS (SELECT * FROM candidates WHERE pick = 1),
held AS (
    SELECT
        CASE :by WHEN 'prefecture' THEN COALESCE(g.prefecture, g.province) ELSE g.province END AS area,
        COUNT(DISTINCT r.region_code) AS regions
    FROM report r
    JOIN dim_region g ON g.region_code = r.region_code
    WHERE r.year = :year
      AND r.body_code = :body
      AND r.duplicate_of IS NULL
      AND (r.period_start IS NULL OR r.period_start = COALESCE(r.period_end, r.year))
      AND (:level IS NULL OR g.level = (SELECT level FROM chosen_level))
      AND (:province IS NULL OR g.province = :province)
    GROUP BY 1
),
areas AS (
    SELECT
        area,
        MIN(province) AS province,
        COUNT(*) AS regions_reporting,
        SUM(value) AS total,
        CASE WHEN SUM(qualifier = 'approx') > 0 THEN 'approx'
             WHEN SUM(qualifier = 'at_least') > 0 THEN 'at_least' ELSE 'exact' END AS total_qualifier,
        MIN(value) AS min_value,
        MAX(value) AS max_value,
        GROUP_CONCAT(DISTINCT unit) AS unit
    FROM figures
    GROUP BY area
)
SELECT
    a.area,
    CASE WHEN :by = 'prefecture' THEN a.province END AS province,
    a.regions_reporting,
    h.regions AS regions_held,
    a.total,
    a.total_qualifier,
    round(a.total / a.regions_reporting, 1) AS average,
    a.total_qualifier AS average_qualifier,
    a.min_value,
    a.max_value,
    a.unit
FROM areas a
LEFT JOIN held h ON h.area = a.area
ORDER BY a.total DESC, a.area;
