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
    public var sql: String
    /// The file it was read from.
    public var path: String

    public enum HeaderError: Error, Sendable, CustomStringConvertible {
        case missingName(path: String)
        case badParameter(path: String, line: String)

        public var description: String {
            switch self {
            case .missingName(let path): "\(path): the header has no '-- name:' line"
            case .badParameter(let path, let line): "\(path): cannot read the parameter line '\(line)'"
            }
        }
    }

    public init(parsing text: String, path: String) throws(HeaderError) {
        var name: String?
        var title = ""
        var description = ""
        var parameters: [Parameter] = []
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
            default: continue
            }
        }
        guard let name, !name.isEmpty else { throw .missingName(path: path) }
        self.name = name
        self.title = title
        self.description = description
        self.parameters = parameters
        self.sql = text
        self.path = path
    }
}
