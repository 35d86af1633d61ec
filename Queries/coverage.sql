-- name: coverage
-- title: 数据覆盖情况 | What the warehouse holds and what is missing
-- description: One row per region and body: the years held (with a report that is not a copy),
-- description: the years missing within the span, and how many reports and review facts
-- description: (classified ones) the warehouse holds. Every body held anywhere is listed for every
-- description: region, so a region with a people's congress report but no CPPCC report shows the gap.
-- description: A report whose region is open shows the name it writes, with no code.
-- param: from        null      first year of the span; the first year held when omitted
-- param: to          null      last year of the span; the last year held when omitted
-- chart: region body facts
WITH fact_counts AS (
    SELECT report_id, COUNT(*) AS facts
    FROM fact_activity
    WHERE section = 'review' AND activity_code <> 'other'
    GROUP BY report_id
),
held AS (
    SELECT
        COALESCE(r.region_code, 'open:' || COALESCE(r.region_mention, '?')) AS place,
        r.region_code,
        COALESCE(g.name, r.region_mention, '?') AS region,
        COALESCE(g.province, '') AS province,
        r.body_code,
        r.year,
        COALESCE(c.facts, 0) AS facts
    FROM report r
    LEFT JOIN dim_region g ON g.region_code = r.region_code
    LEFT JOIN fact_counts c ON c.report_id = r.report_id
    WHERE r.duplicate_of IS NULL
      AND r.year IS NOT NULL
      AND (:from IS NULL OR r.year >= :from)
      AND (:to IS NULL OR r.year <= :to)
),
span (year, last_year) AS (
    SELECT COALESCE(:from, MIN(year)), COALESCE(:to, MAX(year)) FROM held WHERE EXISTS (SELECT 1 FROM held)
    UNION ALL
    SELECT year + 1, last_year FROM span WHERE year < last_year
),
places AS (SELECT DISTINCT place, region_code, region, province FROM held),
bodies AS (SELECT DISTINCT body_code FROM held),
counts AS (
    SELECT place, body_code, year, COUNT(*) AS reports, SUM(facts) AS facts
    FROM held GROUP BY place, body_code, year
),
grid AS (
    SELECT p.place, p.region_code, p.region, p.province, b.body_code, s.year,
           COALESCE(c.reports, 0) AS reports, COALESCE(c.facts, 0) AS facts
    FROM places p
    CROSS JOIN bodies b
    CROSS JOIN span s
    LEFT JOIN counts c ON c.place = p.place AND c.body_code = b.body_code AND c.year = s.year
),
lines AS (
    SELECT
        place, province, region, region_code, body_code,
        -- A window with ORDER BY keeps the years in order inside each list.
        GROUP_CONCAT(year, ' ') FILTER (WHERE reports > 0) OVER per_place AS years_held,
        GROUP_CONCAT(year, ' ') FILTER (WHERE reports = 0) OVER per_place AS years_missing,
        SUM(reports) OVER per_place AS reports,
        SUM(facts) OVER per_place AS facts,
        ROW_NUMBER() OVER (PARTITION BY place, body_code ORDER BY year) AS nth
    FROM grid
    WINDOW per_place AS (PARTITION BY place, body_code ORDER BY year
                         ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
)
SELECT
    province,
    region,
    region_code,
    body_code AS body,
    COALESCE(years_held, '') AS years_held,
    COALESCE(years_missing, '') AS years_missing,
    reports,
    COALESCE(facts, 0) AS facts
FROM lines
WHERE nth = 1
ORDER BY province, region, region_code, body;
