import Foundation

/// What the user has settled about reports, kept beside them (`data/reports/manifest.csv`) and
/// read on every load, so a region settled once stays settled.
///
/// Columns: `file,ordinal,title,region_code,body,year,note`. `file` is a path relative to the
/// manifest's folder or a bare file name; `ordinal` and `title` narrow a row to one report of a
/// compilation (either may be empty; both empty means every report of the file).
public struct Manifest: Sendable {
    public struct Entry: Sendable, Hashable {
        public var file: String
        public var ordinal: Int?
        public var title: String?
        public var override: ReportOverride
        /// 1-based line in the manifest, for messages.
        public var line: Int
    }

    public enum LoadError: Error, Sendable, CustomStringConvertible, Equatable {
        case unreadable(path: String, reason: String)
        case malformed(path: String, reason: String)
        case badRow(path: String, line: Int, reason: String)
        case unknownRegion(path: String, line: Int, code: String)
        case repeated(path: String, line: Int, firstLine: Int)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "\(path): cannot read the manifest (\(reason))"
            case .malformed(let path, let reason): "\(path): \(reason)"
            case .badRow(let path, let line, let reason): "\(path): line \(line): \(reason)"
            case .unknownRegion(let path, let line, let code):
                "\(path): line \(line): region code \(code) is not in data/regions.csv; use a six-digit code of today's units"
            case .repeated(let path, let line, let firstLine):
                "\(path): line \(line) names the same report as line \(firstLine); keep one of them"
            }
        }
    }

    /// The name the loader looks for in each folder of reports.
    public static let fileName = "manifest.csv"

    public let entries: [Entry]
    /// The folder that relative `file` values start from.
    public let folder: URL

    public init(entries: [Entry], folder: URL) {
        self.entries = entries
        self.folder = folder
    }

    /// A missing manifest is an empty one: most folders of reports need none.
    public static func load(at url: URL, gazetteer: Gazetteer) throws(LoadError) -> Manifest {
        let folder = url.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: url.path) else { return Manifest(entries: [], folder: folder) }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        let table: CSVTable
        do { table = try CSVTable(parsing: text, source: url.path) } catch { throw .malformed(path: url.path, reason: error.description) }
        for column in ["file", "region_code"] where !table.header.contains(column) {
            throw .malformed(path: url.path, reason: "the header has no '\(column)' column")
        }
        var entries: [Entry] = []
        var lineOfKey: [String: Int] = [:]
        // Line numbers count one line per row: CSVTable keeps no positions, and a manifest's
        // fields have no line breaks in practice.
        for (i, row) in table.records.enumerated() {
            let line = i + 2
            let cell = { (name: String) in row[name, default: ""].trimmingSpaces }
            let file = cell("file")
            guard !file.isEmpty else { throw .badRow(path: url.path, line: line, reason: "the file column is empty") }
            var ordinal: Int?
            if !cell("ordinal").isEmpty {
                guard let n = Int(cell("ordinal")), n >= 1 else {
                    throw .badRow(path: url.path, line: line, reason: "ordinal '\(cell("ordinal"))' is not a number from 1 up")
                }
                ordinal = n
            }
            var override = ReportOverride()
            let code = cell("region_code")
            if !code.isEmpty {
                guard gazetteer.region(code: code) != nil else { throw .unknownRegion(path: url.path, line: line, code: code) }
                override.regionCode = code
            }
            let bodyText = cell("body")
            if !bodyText.isEmpty {
                guard let body = Body(rawValue: bodyText) else {
                    let known = Body.allCases.map(\.rawValue).joined(separator: ", ")
                    throw .badRow(path: url.path, line: line, reason: "body '\(bodyText)' is not one of \(known)")
                }
                override.body = body
            }
            let yearText = cell("year")
            if !yearText.isEmpty {
                guard let year = Int(yearText), (1949...2100).contains(year) else {
                    throw .badRow(path: url.path, line: line, reason: "year '\(yearText)' is not a four-digit year")
                }
                override.year = year
            }
            let note = cell("note")
            override.note = note.isEmpty ? nil : note
            guard override.regionCode != nil || override.body != nil || override.year != nil else {
                throw .badRow(path: url.path, line: line, reason: "the row sets none of region_code, body, year")
            }
            let title = cell("title")
            let key = "\(file)\u{1}\(ordinal.map(String.init) ?? "")\u{1}\(title)"
            if let first = lineOfKey[key] { throw .repeated(path: url.path, line: line, firstLine: first) }
            lineOfKey[key] = line
            entries.append(Entry(file: file, ordinal: ordinal, title: title.isEmpty ? nil : title, override: override, line: line))
        }
        return Manifest(entries: entries, folder: folder)
    }

    /// What the user stated for one report: rows for the whole file first, then rows that name the
    /// report by ordinal or title, so the most specific row wins field by field.
    /// - Parameter file: the report file's path (absolute, or relative to the working directory) or bare name.
    public func override(file: String, ordinal: Int, title: String) -> ReportOverride? {
        let wanted = title.trimmingSpaces
        let matching = entries.filter { entry in
            matches(entry.file, file)
                && (entry.ordinal.map { $0 == ordinal } ?? true)
                && (entry.title.map { $0 == wanted } ?? true)
        }
        guard !matching.isEmpty else { return nil }
        let specificity = { (e: Entry) in (e.ordinal == nil ? 0 : 1) + (e.title == nil ? 0 : 1) }
        var result = ReportOverride()
        for entry in matching.sorted(by: { specificity($0) < specificity($1) }) {
            if let code = entry.override.regionCode { result.regionCode = code }
            if let body = entry.override.body { result.body = body }
            if let year = entry.override.year { result.year = year }
            if let note = entry.override.note { result.note = note }
        }
        return result
    }

    /// The rows that name a file, in the manifest's order.
    public func entries(forFile file: String) -> [Entry] {
        entries.filter { matches($0.file, file) }
    }

    private func matches(_ listed: String, _ file: String) -> Bool {
        let fileURL = URL(fileURLWithPath: file).standardizedFileURL
        if !listed.contains("/") && listed == fileURL.lastPathComponent { return true }
        let listedURL = URL(fileURLWithPath: listed, relativeTo: folder).standardizedFileURL
        return listedURL.path == fileURL.path
    }
}
