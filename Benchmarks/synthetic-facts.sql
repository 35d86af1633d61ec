-- synthetic-facts.sql: one million facts for timing the canned queries.
--
--   warehouse load --db /tmp/big.db                  # a migrated warehouse with its dimensions
--   sqlite3 /tmp/big.db < Benchmarks/synthetic-facts.sql
--   cd Benchmarks && swift run -c release warehouse-bench --queries-on /tmp/big.db
--
-- 2,500 county units × 10 years (2015–2024) × 2 bodies = 50,000 annual reports of 20 facts each:
-- 18 review totals, one breakdown (is_part) and one plan fact, activities rotating over the
-- vocabulary, values 1–300, one qualifier in ten at_least and one in ten approx. Every 200th unit
-- is left open (城关区 with two candidates). Replaces whatever the database held.
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
DELETE FROM fact_activity;
DELETE FROM report;
DELETE FROM source_file;
INSERT OR IGNORE INTO dim_year (year, label)
WITH RECURSIVE y(n) AS (SELECT 2015 UNION ALL SELECT n + 1 FROM y WHERE n < 2024) SELECT n, n || '年' FROM y;
INSERT INTO source_file (file_id, path, name, sha256, byte_count, encoding, loaded_at)
VALUES (1, '/synthetic', 'synthetic.txt', '', 0, 'utf-8', '2026-01-01T00:00:00Z');

WITH RECURSIVE
counties AS (SELECT region_code, ROW_NUMBER() OVER (ORDER BY region_code) AS n FROM dim_region WHERE level = 'county' LIMIT 2500),
years(y) AS (SELECT 2015 UNION ALL SELECT y + 1 FROM years WHERE y < 2024),
bodies(b) AS (VALUES ('npc'), ('cppcc'))
INSERT INTO report (file_id, ordinal, title, body_code, region_code, year, period_start, period_end, text)
SELECT 1, ROW_NUMBER() OVER (), 'synthetic', b, CASE WHEN c.n % 200 = 0 THEN NULL ELSE c.region_code END, y, y, y, ''
FROM counties c, years, bodies;
UPDATE report SET region_mention = '城关区', region_candidates = '["620102","540102"]' WHERE region_code IS NULL;

WITH RECURSIVE
k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 19),
acts AS (SELECT activity_code, ROW_NUMBER() OVER (ORDER BY activity_code) - 1 AS a, COUNT(*) OVER () AS total FROM dim_activity)
INSERT INTO fact_activity (report_id, body_code, region_code, year, activity_code, value, qualifier, unit, section,
                           is_part, is_combined, phrase, evidence, start_offset, end_offset)
SELECT r.report_id, r.body_code, r.region_code, r.year,
       (SELECT activity_code FROM acts WHERE a = (r.report_id * 7 + k.i) % acts.total),
       abs(random() % 300) + 1,
       CASE abs(random() % 10) WHEN 0 THEN 'at_least' WHEN 1 THEN 'approx' ELSE 'exact' END,
       '次', CASE WHEN k.i = 19 THEN 'plan' ELSE 'review' END, k.i = 18, 0,
       NULL, '召开会议' || k.i || '次', k.i * 10, k.i * 10 + 6
FROM report r, k;
UPDATE fact_activity SET phrase = '家企业' WHERE activity_code = 'other';
-- No ANALYZE: the loader gathers no statistics, so the plans timed here are those of a loaded
-- warehouse. (Full statistics of this regular synthetic data mislead the planner: export-facts
-- then starts from a cross product of the dimensions and takes a minute instead of 9 s.)
