-- name: compare-districts
-- title: 各地区同一活动对比 | Compare regions on one activity
-- description: One activity in one year for one body: every region's figure, ranked, with its
-- description: qualifier, its share of the total, how many regions state the activity and how
-- description: many regions have a report of that body and year at all (regions_held).
-- description: A region's figure is the largest total its annual report states (a breakdown after
-- description: 其中 stands in only where no total is given, and then as an at-least value).
-- description: Review sections of single-year reports only: five-year reviews are not compared.
-- param: activity    required  activity code, e.g. standing_committee_meeting (see dim_activity)
-- param: year        2022      the year under review
-- param: body        npc       npc, cppcc, gov, court or procuratorate
-- param: province    null      only regions of this province (name, e.g. 湖北省)
-- param: prefecture  null      only regions of this prefecture (name, e.g. 武汉市)
-- chart: region value
WITH multi_year AS (
    SELECT report_id FROM report
    WHERE year = :year AND body_code = :body AND period_start < COALESCE(period_end, year)
),
candidates AS (
    SELECT
        f.fact_id,
        f.report_id,
        f.region_code,
        g.name,
        COALESCE(g.prefecture, g.province) AS within,
        f.value,
        CASE WHEN f.is_part = 1 AND f.qualifier = 'exact' THEN 'at_least' ELSE f.qualifier END AS qualifier,
        f.unit,
        ROW_NUMBER() OVER (
            PARTITION BY COALESCE(f.region_code, 'report:' || f.report_id)
            ORDER BY f.is_part, f.is_combined, f.value DESC, f.fact_id
        ) AS pick
    FROM fact_activity f
    LEFT JOIN dim_region g ON g.region_code = f.region_code
    WHERE f.year = :year
      AND f.body_code = :body
      AND f.activity_code = :activity
      AND f.activity_code <> 'other'  -- not compared; lets SQLite use the index fact_year_body
      AND f.section = 'review'
      AND f.report_id NOT IN (SELECT report_id FROM multi_year)
      AND (:province IS NULL OR g.province = :province)
      AND (:prefecture IS NULL OR g.prefecture = :prefecture)
),
chosen AS (SELECT * FROM candidates WHERE pick = 1),
held AS (
    SELECT COUNT(DISTINCT COALESCE(r.region_code, 'report:' || r.report_id)) AS regions
    FROM report r
    LEFT JOIN dim_region g ON g.region_code = r.region_code
    WHERE r.year = :year
      AND r.body_code = :body
      AND r.duplicate_of IS NULL
      AND (r.period_start IS NULL OR r.period_start = COALESCE(r.period_end, r.year))
      AND (:province IS NULL OR g.province = :province)
      AND (:prefecture IS NULL OR g.prefecture = :prefecture)
)
SELECT
    RANK() OVER (ORDER BY value DESC) AS rank,
    -- An open region shows the name its report writes.
    COALESCE(name, (SELECT region_mention FROM report WHERE report_id = chosen.report_id), '?') AS region,
    region_code,
    within,
    value,
    qualifier,
    unit,
    round(100.0 * value / SUM(value) OVER (), 1) AS share_pct,
    COUNT(*) OVER () AS regions_reporting,
    (SELECT regions FROM held) AS regions_held,
    fact_id
FROM chosen
ORDER BY rank, region_code, region;
