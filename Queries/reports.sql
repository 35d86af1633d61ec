-- name: reports
-- title: 报告清单 | The reports held
-- description: One row per report: file and place in it, body, region, year (or period), the
-- description: earlier copy it repeats and its review facts. With open=1 only the reports whose
-- description: region the text did not settle, with the candidate codes and names and the note
-- description: saying why; settle them in data/reports/manifest.csv or with `load --region`.
-- description: `warehouse reports` prints this query.
-- param: open        0         1: only reports whose region is open
-- param: body        null      npc, cppcc, …; all when omitted
-- param: year        null      only this year, optional
-- json: region_candidates
WITH chosen AS (
    -- One year through the index report_year_body, without reading the report texts' pages.
    SELECT report_id FROM report
    WHERE :year IS NOT NULL AND year = :year AND (:body IS NULL OR body_code = :body)
    UNION ALL
    SELECT report_id FROM report
    WHERE :year IS NULL AND (:body IS NULL OR body_code = :body)
)
SELECT
    r.report_id,
    sf.name AS file,
    r.ordinal,
    r.body_code AS body,
    COALESCE(g.name, r.region_mention, '?') AS region,
    r.region_code,
    CASE WHEN r.period_start IS NOT NULL AND r.period_start <> COALESCE(r.period_end, r.year)
         THEN r.period_start || '–' || COALESCE(r.period_end, r.year) ELSE CAST(r.year AS TEXT) END AS period,
    CASE WHEN d.report_id IS NULL THEN NULL ELSE dsf.name || '#' || d.ordinal END AS duplicate_of,
    (SELECT COUNT(*) FROM fact_activity f WHERE f.report_id = r.report_id AND f.section = 'review') AS facts,
    json(r.region_candidates) AS region_candidates,
    (SELECT GROUP_CONCAT(j.value || ' ' || COALESCE(cg.full_name, '?'), '; ')
       FROM json_each(r.region_candidates) j
       LEFT JOIN dim_region cg ON cg.region_code = j.value) AS candidate_names,
    r.region_note,
    r.title
FROM chosen c
JOIN report r ON r.report_id = c.report_id
JOIN source_file sf ON sf.file_id = r.file_id
LEFT JOIN dim_region g ON g.region_code = r.region_code
LEFT JOIN report d ON d.report_id = r.duplicate_of
LEFT JOIN source_file dsf ON dsf.file_id = d.file_id
WHERE (:open = 0 OR r.region_code IS NULL)
ORDER BY sf.name, r.ordinal;
