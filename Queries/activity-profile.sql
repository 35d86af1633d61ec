-- name: activity-profile
-- title: 地区活动概况 | Activity profile of one region
-- description: Every activity of one region (name or code) in one year, grouped by category:
-- description: the figure stated for it and how many facts give evidence.
-- param: region      required  region name (青山区) or six-digit code (420107)
-- param: year        2022      the year under review
-- param: body        null      npc, cppcc, …; all bodies when omitted
SELECT
    a.category,
    f.activity_code,
    a.name_zh AS activity_zh,
    f.body_code AS body,
    MAX(f.value) FILTER (WHERE f.is_part = 0) AS value,
    (SELECT f2.qualifier FROM fact_activity f2
      WHERE f2.report_id = f.report_id AND f2.activity_code = f.activity_code AND f2.section = 'review'
      ORDER BY f2.is_part, f2.value DESC LIMIT 1) AS qualifier,
    MIN(f.unit) AS unit,
    COUNT(*) AS evidence_count
FROM fact_activity f
JOIN report r ON r.report_id = f.report_id
JOIN dim_activity a ON a.activity_code = f.activity_code
LEFT JOIN dim_region g ON g.region_code = f.region_code
WHERE f.year = :year
  AND f.section = 'review'
  AND f.activity_code <> 'other'
  AND (f.region_code = :region OR g.name = :region OR g.full_name = :region
       OR (f.region_code IS NULL AND r.region_mention = :region))
  AND (:body IS NULL OR f.body_code = :body)
GROUP BY a.category, f.activity_code, a.name_zh, f.body_code, f.report_id
ORDER BY a.category, f.activity_code, f.body_code;
