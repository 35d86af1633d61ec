/// What one `warehouse load` did, for the summary line and `--format json`.
public struct LoadSummary: Sendable, Codable {
    public struct Failure: Sendable, Codable {
        public var path: String
        public var reason: String
    }

    public var filesSeen = 0
    public var filesLoaded = 0
    public var filesUnchanged = 0
    /// Stored files under the loaded folders that are gone from disk; removed only with `--prune`.
    public var filesGone = 0
    public var filesPruned = 0
    public var failures: [Failure] = []
    public var reports = 0
    public var duplicates = 0
    public var facts = 0
    public var openRegions = 0
    public var correctionsApplied = 0
    public var correctionsUnmatched = 0
    public var warnings: [String] = []
    public var bytesRead = 0

    public init() {}

    /// Adds (or with `times: -1` takes back) the counts of another summary; lists are appended
    /// only when adding.
    mutating func add(_ other: LoadSummary, times: Int = 1) {
        filesSeen += times * other.filesSeen
        filesLoaded += times * other.filesLoaded
        filesUnchanged += times * other.filesUnchanged
        filesGone += times * other.filesGone
        filesPruned += times * other.filesPruned
        reports += times * other.reports
        duplicates += times * other.duplicates
        facts += times * other.facts
        openRegions += times * other.openRegions
        correctionsApplied += times * other.correctionsApplied
        correctionsUnmatched += times * other.correctionsUnmatched
        bytesRead += times * other.bytesRead
        if times > 0 {
            failures += other.failures
            warnings += other.warnings
        }
    }
}

/// Progress after each file, for a progress bar and `--verbose`.
public struct LoadProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var bytesDone: Int
    public var bytesTotal: Int
    public var currentPath: String
    /// What happened to the file just handled.
    public var outcome: FileOutcome
}

/// What a load did with one file.
public enum FileOutcome: Sendable {
    case stored([ReportListing])
    case unchanged
    case failed(String)
}

/// One stored report as `--verbose` lists it.
public struct ReportListing: Sendable, Hashable {
    public var ordinal: Int
    public var body: Body
    public var regionCode: String?
    public var regionMention: String?
    public var year: Int?
    public var facts: Int
    public var duplicateOf: Int?

    /// `#2 cppcc 620102 (城关区) 2022: 31 facts`; a duplicate names the report it repeats.
    public var line: String {
        var region = regionCode ?? "region open"
        if let regionMention { region += " (\(regionMention))" }
        let counted = duplicateOf.map { "repeats #\($0)" } ?? "\(facts) facts"
        return "#\(ordinal) \(body.rawValue) \(region) \(year.map(String.init) ?? "year unknown"): \(counted)"
    }
}

extension LoadProgress {
    /// The `--verbose` lines for this file: its path and outcome, then one line per report.
    public var verboseLines: [String] {
        switch outcome {
        case .unchanged: ["\(currentPath): unchanged"]
        case .failed(let reason): ["\(currentPath): failed: \(reason)"]
        case .stored(let reports):
            ["\(currentPath): \(reports.count) report\(reports.count == 1 ? "" : "s")"] + reports.map { "  " + $0.line }
        }
    }
}
