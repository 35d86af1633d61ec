-- name: compare-districts
-- title: 各地区同一活动对比 | Compare regions on one activity
-- description: One activity in one year for one body: every region's value, ranked, with its
-- description: qualifier, its share of the total and how many regions report the activity.
-- description: Where a report states several figures for the activity, the largest total
-- description: (not a breakdown after 其中) stands for the region.
-- param: activity    required  activity code, e.g. standing_committee_meeting (see dim_activity)
-- param: year        2022      the year under review
-- param: body        npc       npc, cppcc, gov, court or procuratorate
-- param: province    null      only regions of this province (name, e.g. 湖北省), optional
-- param: prefecture  null      only regions of this prefecture (name, e.g. 武汉市), optional
WITH candidates AS (
    SELECT
        f.report_id,
        f.region_code,
        COALESCE(g.name, r.region_mention) AS region,
        g.province,
        g.prefecture,
        f.value,
        f.qualifier,
        f.unit,
        ROW_NUMBER() OVER (
            PARTITION BY COALESCE(f.region_code, 'report:' || f.report_id)
            ORDER BY f.is_part, f.is_combined, f.value DESC
        ) AS pick
    FROM fact_activity f
    JOIN report r ON r.report_id = f.report_id
    LEFT JOIN dim_region g ON g.region_code = f.region_code
    WHERE f.activity_code = :activity
      AND f.year = :year
      AND f.body_code = :body
      AND f.section = 'review'
      AND (:province IS NULL OR g.province = :province)
      AND (:prefecture IS NULL OR g.prefecture = :prefecture)
),
chosen AS (SELECT * FROM candidates WHERE pick = 1)
SELECT
    RANK() OVER (ORDER BY value DESC) AS rank,
    region,
    region_code,
    COALESCE(prefecture, province) AS within,
    value,
    qualifier,
    unit,
    round(100.0 * value / SUM(value) OVER (), 1) AS share_pct,
    COUNT(*) OVER () AS regions_reporting
FROM chosen
ORDER BY rank, region;
