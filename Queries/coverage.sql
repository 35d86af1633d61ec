-- name: coverage
-- title: 数据覆盖情况 | What the warehouse holds
-- description: Regions, years and bodies held, with report and fact counts; an open region
-- description: (not settled by the text) shows as the name written in the report with no code.
-- param: year        null      only this year, optional
SELECT
    COALESCE(g.province, '') AS province,
    COALESCE(g.name, r.region_mention, '?') AS region,
    r.region_code,
    r.year,
    r.body_code AS body,
    COUNT(*) AS reports,
    SUM((SELECT COUNT(*) FROM fact_activity f
          WHERE f.report_id = r.report_id AND f.section = 'review' AND f.activity_code <> 'other')) AS facts
FROM report r
LEFT JOIN dim_region g ON g.region_code = r.region_code
WHERE r.duplicate_of IS NULL
  AND (:year IS NULL OR r.year = :year)
GROUP BY province, region, r.region_code, r.year, r.body_code
ORDER BY province, region, r.year, r.body_code;
