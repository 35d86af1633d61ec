-- 006_report_overrides.sql: remember what the user stated about each file's reports (rows of
-- the manifest beside the reports, `warehouse load --region/--year/--body`), so that a changed
-- statement reloads the file on the next load although its bytes did not change.

ALTER TABLE source_file ADD COLUMN overrides_sha256 TEXT NOT NULL DEFAULT ''; -- digest of the statements naming the file; '' when none
