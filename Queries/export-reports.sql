-- name: export-reports
-- title: 导出全部报告 | Export every report
-- description: One row per report found, with its body, region (code or open with candidates),
-- description: period and the earlier copy it repeats; what `warehouse export reports` prints.
-- description: `path` is the file as loaded (two 2016.md in different folders differ there);
-- description: `scope` is national for a report of the whole country (region 全国, no code);
-- description: `region_note` says what settled the region or why it stays open.
-- json: region_candidates
SELECT
    sf.name AS file,
    sf.path AS path,
    r.ordinal,
    r.report_id,
    r.title,
    r.body_code AS body,
    CASE WHEN r.scope = 'national' THEN '全国' ELSE COALESCE(g.name, r.region_mention) END AS region,
    r.region_code,
    r.scope,
    json(r.region_candidates) AS region_candidates,
    r.region_given,
    r.region_note,
    r.year,
    r.period_start,
    r.period_end,
    CASE WHEN d.report_id IS NULL THEN NULL ELSE dsf.name || '#' || d.ordinal END AS duplicate_of,
    (SELECT COUNT(*) FROM fact_activity f WHERE f.report_id = r.report_id) AS facts
FROM report r
JOIN source_file sf ON sf.file_id = r.file_id
LEFT JOIN dim_region g ON g.region_code = r.region_code
LEFT JOIN report d ON d.report_id = r.duplicate_of
LEFT JOIN source_file dsf ON dsf.file_id = d.file_id
ORDER BY sf.path, r.ordinal;
