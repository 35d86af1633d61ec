-- 005_query_indexes.sql: indexes that let the canned queries of Queries/ run in milliseconds on
-- a warehouse of millions of facts (checked with EXPLAIN QUERY PLAN on one million facts).
-- (004 is the loader's corrections.)

-- Comparisons across regions start from one year and body: compare-districts, leaders, rollup
-- and body-comparison read every figure they weigh from this index alone (it covers the columns
-- they read), so that a million facts scattered over the table cost no random reads.
CREATE INDEX fact_year_body ON fact_activity
    (year, body_code, section, activity_code, region_code, is_part, is_combined, value, qualifier, unit, report_id);

-- Counting a report's facts by section (coverage, data-quality, reports) reads this index only.
-- It starts with report_id, so it also serves every lookup the old fact_report index served.
CREATE INDEX fact_report_section ON fact_activity (report_id, section, activity_code);
DROP INDEX IF EXISTS fact_report;

-- The reports of one year and body: the regions held, which comparisons count beside the figures,
-- and the multi-year reviews they leave out; covering, so the report texts are never read.
CREATE INDEX report_year_body ON report (year, body_code, region_code, duplicate_of, period_start, period_end);
