-- name: evidence
-- title: 事实及其依据 | Facts with their evidence
-- description: The facts of a region, activity, year and body (each optional), with the clause
-- description: that states each one and where it is in its report, in report order: what to read
-- description: before trusting a comparison. `warehouse facts` prints this query.
-- param: region      null      region name (青山区), full name or six-digit code; all when omitted
-- param: activity    null      activity code; all when omitted
-- param: year        null      the year under review; all when omitted
-- param: body        null      npc, cppcc, …; all when omitted
-- param: section     review    review, plan or all
-- param: limit       1000      at most this many facts
WITH places AS (
    SELECT region_code FROM dim_region
    WHERE region_code = CAST(:region AS TEXT) OR name = :region OR full_name = :region
),
picked AS (
    -- The reports of the region, by index: those with its code, and open ones that write its name.
    SELECT r.report_id FROM report r WHERE r.region_code IN (SELECT region_code FROM places)
    UNION ALL
    SELECT r.report_id FROM report r WHERE r.region_code IS NULL AND r.region_mention = :region
),
chosen AS (
    SELECT f.* FROM fact_activity f
    WHERE :region IS NOT NULL AND f.report_id IN (SELECT report_id FROM picked)
    UNION ALL
    -- Every region of one year and body: through the indexes of a year and body, which hold
    -- classified facts (fact_year_body) and `other` facts (fact_unclassified) apart.
    SELECT f.* FROM fact_activity f
    WHERE :region IS NULL AND f.year = :year AND f.body_code = :body AND f.activity_code <> 'other'
    UNION ALL
    SELECT f.* FROM fact_activity f
    WHERE :region IS NULL AND f.year = :year AND f.body_code = :body AND f.activity_code = 'other'
    UNION ALL
    SELECT f.* FROM fact_activity f
    WHERE :region IS NULL AND (:year IS NULL OR :body IS NULL)
)
SELECT
    f.fact_id,
    f.report_id,
    COALESCE(g.name, r.region_mention, '?') AS region,
    f.region_code,
    f.year,
    f.body_code AS body,
    f.activity_code AS activity,
    f.value,
    f.qualifier,
    f.unit,
    f.section,
    f.is_part,
    f.is_combined,
    f.evidence,
    f.start_offset
FROM chosen f
JOIN report r ON r.report_id = f.report_id
LEFT JOIN dim_region g ON g.region_code = f.region_code
WHERE (:activity IS NULL OR f.activity_code = :activity)
  AND (:year IS NULL OR f.year = :year)
  AND (:body IS NULL OR f.body_code = :body)
  AND (:section = 'all' OR f.section = :section)
ORDER BY f.year, f.region_code, f.body_code, f.report_id, f.start_offset, f.fact_id
LIMIT :limit;
