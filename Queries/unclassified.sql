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
SELECT
    COALESCE(f.phrase, '') AS phrase,
    f.unit,
    COUNT(*) AS facts,
    COUNT(DISTINCT f.report_id) AS reports,
    COUNT(DISTINCT f.region_code) AS regions,
    MIN(f.evidence) AS example
FROM fact_activity f
WHERE f.activity_code = 'other'
  AND (:body IS NULL OR f.body_code = :body)
  AND (:year IS NULL OR f.year = :year)
  AND (:section = 'all' OR f.section = :section)
GROUP BY COALESCE(f.phrase, ''), f.unit
ORDER BY facts DESC, reports DESC, phrase, f.unit
LIMIT :limit;
