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
span AS (
    SELECT COALESCE(:from, MIN(year)) AS first_year, COALESCE(:to, MAX(year)) AS last_year FROM held
),
years (year) AS (
    SELECT first_year FROM span WHERE first_year IS NOT NULL
    UNION ALL
    SELECT year + 1 FROM years, span WHERE year < last_year
),
places AS (
    SELECT place, MIN(region_code) AS region_code, MIN(region) AS region, MIN(province) AS province
    FROM held GROUP BY place
),
bodies AS (SELECT DISTINCT body_code FROM held),
-- One row per place and body held, its years as ' 2016 2018 ': every place × body × year of the
-- span is then a string test, not a row (a grid of them took half a second at 5,000 reports).
counts AS (
    SELECT place, body_code, COUNT(*) AS reports, SUM(facts) AS facts,
           ' ' || GROUP_CONCAT(DISTINCT year) || ' ' AS years
    FROM held GROUP BY place, body_code
),
lines AS (
    SELECT p.province, p.region, p.region_code, b.body_code,
           COALESCE(c.reports, 0) AS reports, COALESCE(c.facts, 0) AS facts,
           REPLACE(COALESCE(c.years, ''), ',', ' ') AS years
    FROM places p
    CROSS JOIN bodies b
    LEFT JOIN counts c ON c.place = p.place AND c.body_code = b.body_code
)
SELECT
    province,
    region,
    region_code,
    body_code AS body,
    COALESCE((SELECT GROUP_CONCAT(y.year, ' ') FROM years y WHERE instr(l.years, ' ' || y.year || ' ') > 0), '') AS years_held,
    COALESCE((SELECT GROUP_CONCAT(y.year, ' ') FROM years y WHERE instr(l.years, ' ' || y.year || ' ') = 0), '') AS years_missing,
    reports,
    facts
FROM lines l
ORDER BY province, region, region_code, body;
