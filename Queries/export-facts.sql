-- name: export-facts
-- title: 导出全部事实 | Export every fact
-- description: One row per fact with its report, region, evidence, offsets and origin (extracted,
-- description: corrected, added); what `warehouse export facts` prints. Facts of plan sections only
-- description: with section=plan or all. `path` is the file as loaded.
-- param: section     review    review, plan or all
SELECT
    file,
    path,
    report_ordinal AS ordinal,
    report_id,
    body_code AS body,
    region,
    region_code,
    year,
    activity_code AS activity,
    value,
    qualifier,
    unit,
    section,
    is_part,
    is_combined,
    phrase,
    evidence,
    start_offset,
    end_offset,
    origin
FROM v_facts
WHERE :section = 'all' OR section = :section
ORDER BY path, report_ordinal, start_offset, fact_id;
