-- name: unclassified
-- title: 未归类的计数 | Counts no activity code matched
-- description: The phrases most often counted under 'other' (a number with a counting unit that no
-- description: cue of data/activities.csv matched), with how many facts, reports and regions state
-- description: them and one example: candidates for new activity codes or cues.
-- param: body        null      npc, cppcc, …; all bodies when omitted
-- param: year        null      only this year, optional
-- param: section     review    review, plan or all
-- param: limit       30        how many phrases
-- chart: phrase facts
WITH other AS (
    -- A year (and body) through the index fact_unclassified, which holds every column read here;
    -- every year by reading all of it.
    SELECT f.fact_id, f.phrase, f.unit, f.report_id, f.region_code
    FROM fact_activity f
    WHERE :year IS NOT NULL AND :body IS NOT NULL AND f.year = :year AND f.body_code = :body
      AND f.activity_code = 'other' AND (:section = 'all' OR f.section = :section)
    UNION ALL
    SELECT f.fact_id, f.phrase, f.unit, f.report_id, f.region_code
    FROM fact_activity f
    WHERE :year IS NOT NULL AND :body IS NULL AND f.year = :year
      AND f.activity_code = 'other' AND (:section = 'all' OR f.section = :section)
    UNION ALL
    SELECT f.fact_id, f.phrase, f.unit, f.report_id, f.region_code
    FROM fact_activity f
    WHERE :year IS NULL AND (:body IS NULL OR f.body_code = :body)
      AND f.activity_code = 'other' AND (:section = 'all' OR f.section = :section)
),
phrases AS (
    SELECT
        COALESCE(phrase, '') AS phrase,
        unit,
        COUNT(*) AS facts,
        COUNT(DISTINCT report_id) AS reports,
        COUNT(DISTINCT region_code) AS regions,
        MIN(fact_id) AS first_fact
    FROM other
    GROUP BY COALESCE(phrase, ''), unit
    ORDER BY facts DESC, reports DESC, phrase, unit
    LIMIT :limit
)
SELECT p.phrase, p.unit, p.facts, p.reports, p.regions, f.evidence AS example
FROM phrases p
JOIN fact_activity f ON f.fact_id = p.first_fact
ORDER BY p.facts DESC, p.reports DESC, p.phrase, p.unit;
