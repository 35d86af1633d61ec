import Foundation

/// A unit that was abolished, merged or renamed after 2014 (`data/region_changes.csv`).
///
/// Reports from before a change name the unit as it was; the gazetteer holds only today's
/// units, so the old name is kept here with the units that took over its area.
public struct RegionChange: Sendable, Hashable {
    /// Year of the first year-end code list without the old unit.
    public var year: Int
    public var oldCode: String
    public var province: String
    /// The prefecture the old unit belonged to, as it was then (empty for provinces,
    /// prefectures and units directly under a province).
    public var prefecture: String?
    public var name: String
    /// Units that received the old area; one for a rename or a merger, several for a split.
    /// A successor may itself have changed later: the gazetteer follows the chain.
    public var successors: [String]

    public init(
        year: Int, oldCode: String, province: String, prefecture: String?, name: String, successors: [String]
    ) {
        self.year = year
        self.oldCode = oldCode
        self.province = province
        self.prefecture = prefecture
        self.name = name
        self.successors = successors
    }

    public var fullName: String { province + (prefecture ?? "") + name }

    /// Reads `data/region_changes.csv`: year, old_code, province, prefecture, name, successors
    /// (codes separated by `;`).
    public static func table(at url: URL) throws(Vocabulary.LoadError) -> [RegionChange] {
        let table = try Vocabulary.table(at: url)
        for column in ["year", "old_code", "province", "prefecture", "name", "successors"]
        where !table.header.contains(column) {
            throw .csv(.missingColumn(source: url.path, column: column))
        }
        var result: [RegionChange] = []
        for (i, row) in table.records.enumerated() {
            let line = i + 2
            let code = row["old_code", default: ""].trimmingSpaces
            guard let year = Int(row["year", default: ""].trimmingSpaces), code.count == 6, code.allSatisfy(\.isNumber)
            else {
                throw .badRow(path: url.path, line: line, reason: "needs a year and a six-digit old_code")
            }
            let successors = row["successors", default: ""].split(separator: ";").map { String($0).trimmingSpaces }
            guard !successors.isEmpty, successors.allSatisfy({ $0.count == 6 && $0.allSatisfy(\.isNumber) }) else {
                throw .badRow(path: url.path, line: line, reason: "successors must be six-digit codes separated by ';'")
            }
            let prefecture = row["prefecture", default: ""].trimmingSpaces
            result.append(RegionChange(
                year: year, oldCode: code, province: row["province", default: ""].trimmingSpaces,
                prefecture: prefecture.isEmpty ? nil : prefecture, name: row["name", default: ""].trimmingSpaces,
                successors: successors))
        }
        return result
    }
}
