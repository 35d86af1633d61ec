-- name: export-facts
-- title: 导出全部事实 | Export every fact
-- description: One row per fact with its report, region, evidence and offsets; what
-- description: `warehouse export facts` prints. Facts of plan sections only with section=plan or all.
-- param: section     review    review, plan or all
SELECT
    sf.name AS file,
    r.ordinal,
    f.report_id,
    f.body_code AS body,
    COALESCE(g.name, r.region_mention) AS region,
    f.region_code,
    f.year,
    f.activity_code AS activity,
    f.value,
    f.qualifier,
    f.unit,
    f.section,
    f.is_part,
    f.is_combined,
    f.phrase,
    f.evidence,
    f.start_offset,
    f.end_offset
FROM fact_activity f
JOIN report r ON r.report_id = f.report_id
JOIN source_file sf ON sf.file_id = r.file_id
LEFT JOIN dim_region g ON g.region_code = f.region_code
WHERE :section = 'all' OR f.section = :section
ORDER BY sf.name, r.ordinal, f.start_offset, f.fact_id;
