-- name: year-over-year
-- title: 逐年变化 | One region's activity year over year
-- description: One region and activity across the years: the figure of each year (as in
-- description: compare-districts), and its change and percent change against the previous year
-- description: that has a figure. Years in between without a figure are listed with their
-- description: status: 'no figure' (a report is held but does not state it) or 'no report'.
-- description: A change involving an at-least or approximate figure is approximate.
-- param: region      required  region name (青山区), full name or six-digit code (420107)
-- param: activity    required  activity code, e.g. law_enforcement_inspection
-- param: body        npc       npc, cppcc, gov, court or procuratorate
-- param: from        null      first year shown; the first year held when omitted
-- param: to          null      last year shown; the last year held when omitted
-- chart: year value
WITH places AS MATERIALIZED (
    SELECT region_code, name FROM dim_region
    WHERE region_code = CAST(:region AS TEXT) OR name = :region OR full_name = :region
),
reports AS (
    -- Two branches, so that each uses its index: reports with a code, and open reports by mention.
    SELECT r.report_id, r.region_code, p.name AS region, r.year, r.body_code, r.duplicate_of, r.period_start, r.period_end
    FROM report r JOIN places p ON p.region_code = r.region_code
    UNION ALL
    SELECT r.report_id, NULL, r.region_mention, r.year, r.body_code, r.duplicate_of, r.period_start, r.period_end
    FROM report r
    WHERE r.region_code IS NULL AND r.region_mention = :region
),
held AS MATERIALIZED (
    SELECT report_id, region_code, region, year FROM reports
    WHERE body_code = :body
      AND duplicate_of IS NULL
      AND year IS NOT NULL
      AND (period_start IS NULL OR period_start = COALESCE(period_end, year))
      AND (:from IS NULL OR year >= :from)
      AND (:to IS NULL OR year <= :to)
),
candidates AS (
    SELECT
        f.fact_id, f.report_id, f.region_code, f.year, f.value, f.unit,
        CASE WHEN f.is_part = 1 AND f.qualifier = 'exact' THEN 'at_least' ELSE f.qualifier END AS qualifier,
        ROW_NUMBER() OVER (
            PARTITION BY f.region_code, f.year
            ORDER BY f.is_part, f.is_combined, f.value DESC, f.fact_id
        ) AS pick
    FROM fact_activity f
    -- IN, not a join: a join makes SQLite scan the whole fact index for a Bloom filter first.
    WHERE f.report_id IN (SELECT report_id FROM held)
      AND f.activity_code = :activity
      AND f.section = 'review'
),
figures AS MATERIALIZED (
    SELECT
        c.*,
        LAG(year) OVER per_place AS previous_year,
        LAG(value) OVER per_place AS previous_value,
        LAG(qualifier) OVER per_place AS previous_qualifier
    FROM (SELECT c.*, s.region FROM candidates c JOIN held s ON s.report_id = c.report_id WHERE c.pick = 1) c
    WINDOW per_place AS (PARTITION BY COALESCE(region_code, region) ORDER BY year)
),
places_held AS (
    SELECT region_code, region, MIN(year) AS first_year, MAX(year) AS last_year
    FROM held GROUP BY COALESCE(region_code, region)
),
years (region_code, region, year, last_year) AS (
    SELECT region_code, region, COALESCE(:from, first_year), COALESCE(:to, last_year) FROM places_held
    UNION ALL
    SELECT region_code, region, year + 1, last_year FROM years WHERE year < last_year
)
SELECT
    y.region,
    y.region_code,
    y.year,
    CASE WHEN fg.fact_id IS NOT NULL THEN 'figure'
         WHEN EXISTS (SELECT 1 FROM held s
                      WHERE s.year = y.year AND COALESCE(s.region_code, s.region) = COALESCE(y.region_code, y.region))
         THEN 'no figure' ELSE 'no report' END AS status,
    fg.value,
    fg.qualifier,
    fg.unit,
    fg.previous_year,
    fg.previous_value,
    fg.previous_qualifier,
    fg.value - fg.previous_value AS change,
    CASE WHEN fg.previous_value IS NULL THEN NULL
         WHEN fg.qualifier = 'exact' AND fg.previous_qualifier = 'exact' THEN 'exact' ELSE 'approx' END AS change_qualifier,
    CASE WHEN fg.previous_value > 0
         THEN round(100.0 * (fg.value - fg.previous_value) / fg.previous_value, 1) END AS change_pct,
    fg.fact_id
FROM years y
LEFT JOIN figures fg
       ON COALESCE(fg.region_code, fg.region) = COALESCE(y.region_code, y.region) AND fg.year = y.year
ORDER BY y.region_code, y.region, y.year;
