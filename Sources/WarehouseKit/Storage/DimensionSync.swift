import GRDB

/// Keeps `dim_activity` and `dim_region` equal to the CSV files under `data/`, so that a user
/// who adds a cue or a code to `activities.csv` sees it after the next load.
///
/// Rows are upserted, never deleted: facts already stored keep their dimension rows.
public enum DimensionSync {
    public static func sync(activities: [Activity], gazetteer: Gazetteer, in db: Database) throws {
        let activity = try db.cachedStatement(sql: """
            INSERT INTO dim_activity (activity_code, category, name_zh, name_en, unit, bodies, cues, notes)
            VALUES (:code, :category, :nameZh, :nameEn, :unit, :bodies, :cues, :notes)
            ON CONFLICT (activity_code) DO UPDATE SET
                category = excluded.category, name_zh = excluded.name_zh, name_en = excluded.name_en,
                unit = excluded.unit, bodies = excluded.bodies, cues = excluded.cues, notes = excluded.notes
            """)
        for a in activities {
            try activity.execute(arguments: [
                "code": a.code, "category": a.category, "nameZh": a.nameZh, "nameEn": a.nameEn,
                "unit": a.unit, "bodies": a.bodies.joined(separator: "|"),
                "cues": a.cues.joined(separator: "|"), "notes": a.notes,
            ])
        }
        let region = try db.cachedStatement(sql: """
            INSERT INTO dim_region (region_code, name, level, parent_code, province, prefecture, full_name)
            VALUES (:code, :name, :level, :parent, :province, :prefecture, :fullName)
            ON CONFLICT (region_code) DO UPDATE SET
                name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
                province = excluded.province, prefecture = excluded.prefecture, full_name = excluded.full_name
            """)
        for r in gazetteer.regions {
            try region.execute(arguments: [
                "code": r.code, "name": r.name, "level": r.level.rawValue, "parent": r.parentCode,
                "province": r.province, "prefecture": r.prefecture, "fullName": r.fullName,
            ])
        }
    }
}
