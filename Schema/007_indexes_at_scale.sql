-- 007_indexes_at_scale.sql: the fact indexes of 005, smaller to keep up and faster to query at
-- millions of facts.
--
-- More than half of all facts are `other` (counts no cue matched: 家企业, 个村 …) and no comparison
-- weighs them, so the comparison indexes leave them out (partial indexes), and `other` facts get
-- an index of their own for `unclassified`. A load then writes two or three index entries per
-- fact instead of five.
-- A query uses a partial index only when its WHERE clause says the same condition; the canned
-- queries that compare activities therefore say `activity_code <> 'other'`.

-- compare-districts, rollup, body-comparison, leaders: every figure of one year and body.
DROP INDEX fact_year_body;
CREATE INDEX fact_year_body ON fact_activity
    (year, body_code, section, activity_code, region_code, is_part, is_combined, value, qualifier, unit, report_id)
    WHERE activity_code <> 'other';

-- leaders: the figures of one activity, year and body in order of value, so that the top ranks
-- are read from the largest value down instead of ranking every region of every activity
-- (46 thousand rows a year at one million facts: 0.3 s against 10 ms).
CREATE INDEX fact_ranking ON fact_activity (year, body_code, activity_code, value)
    WHERE section = 'review' AND activity_code <> 'other';

-- No query reads facts by region and year any more: the region's reports are found first
-- (report_region_year) and their facts by report (fact_report_section).
DROP INDEX fact_region_year;

-- unclassified: the `other` facts of a year, with every column it reads (activity_code too, or
-- SQLite would fetch each row to check the condition the index already implies).
-- report_id comes third: a load appends its facts in report order, so their entries go to the end
-- of each year's and body's part of the index instead of being scattered by phrase, which made
-- every load markedly slower. Replaces an index of every fact by activity.
DROP INDEX fact_activity_compare;
CREATE INDEX fact_unclassified ON fact_activity (year, body_code, report_id, section, phrase, unit, region_code, activity_code)
    WHERE activity_code = 'other';
