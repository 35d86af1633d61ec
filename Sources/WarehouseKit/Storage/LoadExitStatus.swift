/// The exit statuses of `warehouse load`, which scripts rely on.
public enum LoadExitStatus: Int32, Sendable, CaseIterable {
    /// Every file was stored or unchanged; warnings (such as a text without a report) allowed.
    case success = 0
    /// The load could not start: the warehouse folder, the vocabulary or the corrections file is unusable.
    case setupError = 1
    /// Some files were not stored (each named on stderr with the reason); all others were.
    case someFilesFailed = 2
    /// The database cannot be opened or written: not SQLite, a newer schema, read-only, disk
    /// full, I/O error, damaged. Files stored before the error are kept.
    case databaseUnusable = 3
    /// Another load (or another writer) kept the database locked past the busy timeout; retry later.
    case busy = 4

    public init(_ summary: LoadSummary) {
        self = summary.failures.isEmpty ? .success : .someFilesFailed
    }

    public init(_ error: Error) {
        switch error {
        case let stopped as LoadStopped: self.init(stopped.cause)
        case StorageError.busy: self = .busy
        case StorageError.schemaFolderMissing, StorageError.badMigrationName: self = .setupError
        case is StorageError: self = .databaseUnusable
        default: self = .setupError
        }
    }
}

/// A load that stopped part way because no further file could be stored (disk full, lock lost …).
/// Files stored before stay stored; `summary` says what they were.
public struct LoadStopped: Error, Sendable, CustomStringConvertible {
    public var cause: StorageError
    public var summary: LoadSummary

    public var description: String {
        "\(cause) (the load stopped; \(summary.filesLoaded) file\(summary.filesLoaded == 1 ? "" : "s") stored before are kept)"
    }
}
