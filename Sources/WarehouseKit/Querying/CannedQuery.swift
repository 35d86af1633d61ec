import Foundation

/// A prepared analytic query: a `.sql` file whose header comment names and documents it.
///
/// ```sql
/// -- name: compare-districts
/// -- title: 各地区同一活动对比 | Compare regions on one activity
/// -- description: One activity in one year for one body: every region's value, ranked.
/// -- param: activity    required  activity code, e.g. law_enforcement_inspection
/// -- param: year        2022      the year under review
/// SELECT … WHERE activity_code = :activity AND year = :year
/// ```
/// A parameter's default is a literal, `required`, or `null`.
///
/// Two optional lines tell the renderers how to present the result:
/// `-- json: region_candidates` names columns that hold JSON text, written as JSON (not as a
/// string) by the json and jsonl formats; `-- chart: region value` names the label column(s)
/// and, last, the measure that `--chart` draws.
public struct CannedQuery: Sendable, Hashable {
    public struct Parameter: Sendable, Hashable {
        public var name: String
        /// nil when the parameter is required.
        public var defaultValue: String?
        public var isRequired: Bool
        public var help: String
    }

    public var name: String
    public var title: String
    public var description: String
    public var parameters: [Parameter]
    public var hints: ResultTable.Hints
    public var sql: String
    /// The file it was read from.
    public var path: String

    public enum HeaderError: Error, Sendable, CustomStringConvertible {
        case missingName(path: String)
        case badParameter(path: String, line: String)
        case badChart(path: String, line: String)

        public var description: String {
            switch self {
            case .missingName(let path): "\(path): the header has no '-- name:' line"
            case .badParameter(let path, let line): "\(path): cannot read the parameter line '\(line)'"
            case .badChart(let path, let line):
                "\(path): '\(line)' must name a label column and a measure column, e.g. '-- chart: region value'"
            }
        }
    }

    public init(parsing text: String, path: String) throws(HeaderError) {
        var name: String?
        var title = ""
        var description = ""
        var parameters: [Parameter] = []
        var hints = ResultTable.Hints()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("--") else {
                if trimmed.isEmpty { continue } else { break }
            }
            let content = trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces)
            guard let colon = content.firstIndex(of: ":") else { continue }
            let key = content[..<colon].lowercased()
            let value = content[content.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "name": name = value
            case "title": title = value
            case "description": description = description.isEmpty ? value : description + " " + value
            case "param":
                let fields = value.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
                guard fields.count >= 2 else { throw .badParameter(path: path, line: String(line)) }
                let spec = String(fields[1])
                parameters.append(Parameter(
                    name: String(fields[0]),
                    defaultValue: spec == "required" || spec == "null" ? nil : spec,
                    isRequired: spec == "required",
                    help: fields.count > 2 ? String(fields[2]).trimmingCharacters(in: .whitespaces) : ""))
            case "json":
                hints.jsonColumns.formUnion(Self.names(value))
            case "chart":
                let names = Self.names(value)
                guard names.count >= 2 else { throw .badChart(path: path, line: String(line)) }
                hints.chartLabels = Array(names.dropLast())
                hints.chartMeasure = names.last
            default: continue
            }
        }
        guard let name, !name.isEmpty else { throw .missingName(path: path) }
        self.name = name
        self.title = title
        self.description = description
        self.parameters = parameters
        self.hints = hints
        self.sql = text
        self.path = path
    }

    /// The header: the leading comment lines, as written.
    public var header: String {
        sql.split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
            .joined(separator: "\n")
    }

    private static func names(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }
}
