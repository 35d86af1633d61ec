-- name: rollup
-- title: 按省或地市汇总 | One activity rolled up by province or prefecture
-- description: One activity in one year for one body, summed and averaged over the reporting
-- description: regions of each province (by=province) or prefecture (by=prefecture; a
-- description: municipality's districts roll up to the municipality). Each region counts once,
-- description: with the figure of compare-districts, so a breakdown is never added to its total.
-- description: Qualifiers are honest: the sum is exact only when every figure is; with at-least
-- description: figures (and no approximate ones) it is an at-least sum, otherwise approximate.
-- description: Regions left open (no code) cannot be placed and are left out.
-- param: activity    required  activity code, e.g. law_enforcement_inspection
-- param: year        2022      the year under review
-- param: body        npc       npc, cppcc, gov, court or procuratorate
-- param: by          province  province or prefecture
-- param: level       county    only regions of this level: county, prefecture or province
-- param: province    null      only this province (name), optional
-- chart: area total
WITH scope AS (
    SELECT r.report_id, r.region_code,
           CASE :by WHEN 'prefecture' THEN COALESCE(g.prefecture, g.province) ELSE g.province END AS area,
           g.province
    FROM report r
    JOIN dim_region g ON g.region_code = r.region_code
    WHERE r.year = :year
      AND r.body_code = :body
      AND r.duplicate_of IS NULL
      AND (r.period_start IS NULL OR r.period_start = COALESCE(r.period_end, r.year))
      AND (:level IS NULL OR g.level = :level)
      AND (:province IS NULL OR g.province = :province)
),
candidates AS (
    SELECT
        s.region_code, s.area, s.province, f.value, f.unit,
        CASE WHEN f.is_part = 1 AND f.qualifier = 'exact' THEN 'at_least' ELSE f.qualifier END AS qualifier,
        ROW_NUMBER() OVER (
            PARTITION BY s.region_code
            ORDER BY f.is_part, f.is_combined, f.value DESC, f.fact_id
        ) AS pick
    FROM fact_activity f
    JOIN scope s ON s.report_id = f.report_id
    WHERE f.activity_code = :activity
      AND f.year = :year
      AND f.body_code = :body
      AND f.section = 'review'
),
figures AS (SELECT * FROM candidates WHERE pick = 1),
areas AS (
    SELECT
        area,
        MIN(province) AS province,
        COUNT(*) AS regions_reporting,
        (SELECT COUNT(DISTINCT s.region_code) FROM scope s WHERE s.area = fg.area) AS regions_held,
        SUM(value) AS total,
        CASE WHEN SUM(qualifier = 'approx') > 0 THEN 'approx'
             WHEN SUM(qualifier = 'at_least') > 0 THEN 'at_least' ELSE 'exact' END AS total_qualifier,
        MIN(value) AS min_value,
        MAX(value) AS max_value,
        GROUP_CONCAT(DISTINCT unit) AS unit
    FROM figures fg
    GROUP BY area
)
SELECT
    area,
    CASE WHEN :by = 'prefecture' THEN province END AS province,
    regions_reporting,
    regions_held,
    total,
    total_qualifier,
    round(total / regions_reporting, 1) AS average,
    total_qualifier AS average_qualifier,
    min_value,
    max_value,
    unit
FROM areas
ORDER BY total DESC, area;
