-- 006_load_state.sql: what a load needs to remember between runs.

-- What the user stated about each file's reports (rows of the manifest beside the reports,
-- `warehouse load --region/--year/--body`), so that a changed statement reloads the file on the
-- next load although its bytes did not change.
ALTER TABLE source_file ADD COLUMN overrides_sha256 TEXT NOT NULL DEFAULT ''; -- digest of the statements naming the file; '' when none

-- Settings of the warehouse as a whole, by key.
CREATE TABLE warehouse_meta (
    key   TEXT PRIMARY KEY,              -- dimensions_sha256: digest of activities.csv and regions.csv as last copied into dim_activity and dim_region
    value TEXT NOT NULL
) STRICT;
