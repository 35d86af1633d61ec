import Foundation

/// Reads the two reference files every load needs: the activity vocabulary and the gazetteer.
public enum Vocabulary {
    public enum LoadError: Error, Sendable, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case csv(CSVTable.ParseError)
        case badRow(path: String, line: Int, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "\(path): cannot read (\(reason))"
            case .csv(let error): error.description
            case .badRow(let path, let line, let reason): "\(path): line \(line): \(reason)"
            }
        }
    }

    static func table(at url: URL) throws(LoadError) -> CSVTable {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        do { return try CSVTable(parsing: text, source: url.path) } catch { throw .csv(error) }
    }

    /// `data/activities.csv`: code, bodies, category, name_zh, name_en, unit, cues, notes.
    public static func activities(at url: URL) throws(LoadError) -> [Activity] {
        let table = try table(at: url)
        for column in ["code", "bodies", "category", "name_zh", "name_en", "unit", "cues"] where !table.header.contains(column) {
            throw .csv(.missingColumn(source: url.path, column: column))
        }
        var result: [Activity] = []
        for (i, row) in table.records.enumerated() {
            let code = row["code", default: ""].trimmingSpaces
            guard !code.isEmpty else { continue }
            guard code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), code != Activity.otherCode else {
                throw .badRow(path: url.path, line: i + 2, reason: "'\(code)' is not a usable activity code")
            }
            let split: (String) -> [String] = {
                $0.split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            }
            result.append(Activity(
                code: code, bodies: split(row["bodies", default: "any"]),
                category: row["category", default: ""], nameZh: row["name_zh", default: ""],
                nameEn: row["name_en", default: ""], unit: row["unit", default: ""],
                cues: split(row["cues", default: ""]), notes: row["notes", default: ""]))
        }
        return result
    }

    /// `data/regions.csv` alone, without the table of retired units (tests, tools).
    public static func gazetteer(at url: URL) throws(LoadError) -> Gazetteer {
        Gazetteer(regions: try regions(at: url))
    }

    /// `data/regions.csv`: code, name, level, parent_code, province, prefecture, full_name.
    public static func regions(at url: URL) throws(LoadError) -> [Region] {
        let table = try table(at: url)
        var regions: [Region] = []
        regions.reserveCapacity(table.rows.count)
        for (i, row) in table.records.enumerated() {
            guard let level = Region.Level(rawValue: row["level", default: ""]) else {
                throw .badRow(path: url.path, line: i + 2, reason: "unknown level '\(row["level", default: ""])'")
            }
            let parent = row["parent_code", default: ""]
            let prefecture = row["prefecture", default: ""]
            regions.append(Region(
                code: row["code", default: ""], name: row["name", default: ""], level: level,
                parentCode: parent.isEmpty ? nil : parent, province: row["province", default: ""],
                prefecture: prefecture.isEmpty ? nil : prefecture, fullName: row["full_name", default: ""]))
        }
        return regions
    }
}
