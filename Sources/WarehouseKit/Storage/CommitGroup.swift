import Foundation
import GRDB

/// The transaction a load writes files into, committed every `interval`.
///
/// Each file goes into its own savepoint inside it (see `Loader`), so a file is stored whole
/// or not at all; the group only decides how often whole files become durable and visible.
struct CommitGroup {
    /// Long enough that a commit's page writes are shared by many files, short enough that
    /// readers (and a killed load) see the load advance steadily.
    static let interval: Duration = .milliseconds(500)

    private var started: ContinuousClock.Instant?
    /// The files written since the last commit, with what each added to the load's summary: kept
    /// (half a second of writing at most) so that they can be written again if SQLite rolls the
    /// group back.
    var pending: [(file: ParsedFile, contribution: LoadSummary)] = []

    /// Opens the transaction unless one is open.
    mutating func join(_ db: Database) throws {
        guard started == nil else { return }
        try db.beginTransaction(.immediate)
        started = .now
    }

    /// Commits the open transaction; with `onlyIfDue`, only once it has been open for `interval`.
    mutating func commit(_ db: Database, onlyIfDue: Bool = false) throws {
        guard let started else { return }
        if onlyIfDue, ContinuousClock.now - started < Self.interval { return }
        // Only a commit that succeeded closes the group: after a failed one, `abandon` rolls back.
        try db.commit()
        self.started = nil
        pending = []
    }

    /// Rolls back what is not committed (the load stopped on an error).
    mutating func abandon(_ db: Database) {
        guard started != nil else { return }
        started = nil
        try? db.rollback()
    }
}
