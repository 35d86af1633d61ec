/// Everything the pipeline learned from one source file, ready to be stored in one transaction.
public struct ParsedFile: Sendable {
    public var path: String
    public var sha256: String
    public var byteCount: Int
    public var encoding: String
    public var reports: [Report]
    public var warnings: [String]

    public init(path: String, sha256: String, byteCount: Int, encoding: String, reports: [Report], warnings: [String]) {
        self.path = path
        self.sha256 = sha256
        self.byteCount = byteCount
        self.encoding = encoding
        self.reports = reports
        self.warnings = warnings
    }
}
