/// What one `warehouse load` did, for the summary line and `--format json`.
public struct LoadSummary: Sendable, Codable {
    public struct Failure: Sendable, Codable {
        public var path: String
        public var reason: String
    }

    public var filesSeen = 0
    public var filesLoaded = 0
    public var filesUnchanged = 0
    public var filesPruned = 0
    public var failures: [Failure] = []
    public var reports = 0
    public var duplicates = 0
    public var facts = 0
    public var openRegions = 0
    public var warnings: [String] = []
    public var bytesRead = 0

    public init() {}
}

/// Progress after each file, for a progress bar.
public struct LoadProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var bytesDone: Int
    public var bytesTotal: Int
    public var currentPath: String
}
