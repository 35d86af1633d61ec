import Foundation
import GRDB

/// Keeps `dim_activity` and `dim_region` equal to the CSV files under `data/`, so that a user
/// who adds a cue or a code to `activities.csv` sees it after the next load.
///
/// Rows are upserted, never deleted: facts already stored keep their dimension rows. A digest of
/// what was copied is kept in `warehouse_meta`, so an unchanged vocabulary costs one lookup.
public enum DimensionSync {
    public static func sync(activities: [Activity], gazetteer: Gazetteer, in db: Database) throws {
        let digest = digest(activities: activities, gazetteer: gazetteer)
        let copied = try String.fetchOne(db, sql: "SELECT value FROM warehouse_meta WHERE key = 'dimensions_sha256'")
        guard copied != digest else { return }
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
        try db.execute(
            sql: "INSERT INTO warehouse_meta (key, value) VALUES ('dimensions_sha256', :digest) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            arguments: ["digest": digest])
    }

    /// Every field copied into the two dimensions.
    static func digest(activities: [Activity], gazetteer: Gazetteer) -> String {
        var canonical = ""
        for a in activities {
            canonical += [a.code, a.category, a.nameZh, a.nameEn, a.unit, a.bodies.joined(separator: "|"),
                          a.cues.joined(separator: "|"), a.notes].joined(separator: "\u{1F}") + "\u{1E}"
        }
        return SHA256.hex(Data((canonical + canonicalRows(of: gazetteer)).utf8))
    }

    /// The gazetteer's units and retired units, one record each, for digests.
    static func canonicalRows(of gazetteer: Gazetteer) -> String {
        var canonical = ""
        for r in gazetteer.regions {
            canonical += [r.code, r.name, r.level.rawValue, r.parentCode ?? "", r.province, r.prefecture ?? "", r.fullName]
                .joined(separator: "\u{1F}") + "\u{1E}"
        }
        for c in gazetteer.changes {
            canonical += [String(c.year), c.oldCode, c.fullName, c.successors.joined(separator: "|")]
                .joined(separator: "\u{1F}") + "\u{1E}"
        }
        return canonical
    }
}
