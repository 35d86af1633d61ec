import Foundation
import GRDB

/// Loads report files into the warehouse: each file stored whole or not at all, unchanged files skipped.
///
/// Files are parsed on every core (parsing is pure) ahead of one writer, so memory stays bounded
/// by what is parsed ahead (`parseAheadBytes`), whatever the size of the corpus.
///
/// Each file is written inside its own savepoint, so it is stored whole or not at all; files are
/// committed together for up to `CommitGroup.interval`, because a commit per file rewrote the
/// index pages every file touches (most of the write time for a folder of small files). A
/// killed load loses at most that last fraction of a second of files, each of them whole.
public struct Loader: Sendable {
    public struct Options: Sendable {
        public var encoding: String?
        public var prune = false
        public var overrides: ReportOverrides = .none
        public var corrections: Corrections = .none
        /// Re-reads files even when nothing recorded about them changed (after upgrading the warehouse).
        public var force = false

        public init(
            encoding: String? = nil, prune: Bool = false, overrides: ReportOverrides = .none,
            corrections: Corrections = .none, force: Bool = false
        ) {
            self.encoding = encoding
            self.prune = prune
            self.overrides = overrides
            self.corrections = corrections
            self.force = force
        }
    }

    public let pipeline: ReportPipeline
    public let activities: [Activity]
    public let gazetteer: Gazetteer

    /// Digest of what extraction depends on besides a file's bytes: the vocabulary, the gazetteer
    /// and its table of retired units. When a user adds a cue, every file is re-read on the next load.
    public let vocabularyDigest: String

    public init(activities: [Activity], gazetteer: Gazetteer) {
        self.activities = activities
        self.gazetteer = gazetteer
        self.pipeline = ReportPipeline(activities: activities, gazetteer: gazetteer)
        // Only what extraction reads: renaming an activity or editing its notes re-reads nothing.
        var canonical = ""
        for a in activities {
            canonical += [a.code, a.bodies.joined(separator: "|"), a.unit, a.cues.joined(separator: "|")]
                .joined(separator: "\u{1F}") + "\u{1E}"
        }
        self.vocabularyDigest = SHA256.hex(Data((canonical + DimensionSync.canonicalRows(of: gazetteer)).utf8))
    }

    /// Files named by the user: files as given, folders recursively (hidden files and the
    /// manifest and corrections files skipped), in a stable order.
    public static func files(in paths: [URL]) -> (files: [URL], missing: [String]) {
        var files: [URL] = []
        var missing: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
                missing.append(path.path)
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path.standardizedFileURL)
                continue
            }
            let found = fm.enumerator(at: path, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            var inFolder: [URL] = []
            while let url = found?.nextObject() as? URL {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
                guard !ignoredNames.contains(url.lastPathComponent) else { continue }
                inFolder.append(url.standardizedFileURL)
            }
            files += inFolder.sorted { $0.path < $1.path }
        }
        return (files, missing)
    }

    /// Files beside the reports that are settings, not reports.
    static let ignoredNames: Set<String> = [Manifest.fileName, "corrections.csv", "README.md"]

    /// Loads `paths`; per-file problems are collected in the summary, while an error after which
    /// no file could be stored (disk full, database locked …) stops the load with `LoadStopped`.
    public func load(
        _ paths: [URL], into queue: DatabaseQueue, databasePath: String, options: Options = Options(),
        observe: (LoadProgress) -> Void = { _ in }
    ) throws -> LoadSummary {
        var summary = LoadSummary()
        let (files, missing) = Self.files(in: paths)
        for path in missing {
            summary.failures.append(.init(path: path, reason: "\(path): no such file or folder"))
        }
        summary.filesSeen = files.count
        let stored: [String: FileStore.StoredFile]
        do {
            try queue.write { db in try DimensionSync.sync(activities: activities, gazetteer: gazetteer, in: db) }
            stored = try queue.read { db in try FileStore.storedFiles(in: db) }
        } catch {
            throw WarehouseDatabase.translate(error, path: databasePath)
        }
        let sizes = files.map { (try? $0.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0 }
        let bytesTotal = sizes.reduce(0, +)

        // A file that fails keeps the version an earlier load stored; the message says so.
        let keptNote = { (url: URL) in stored[url.path] == nil ? "" : "; the version loaded earlier is kept" }
        var bytesDone = 0
        // Files are parsed on every core ahead of this thread, which writes them in order.
        let ahead = ParseAhead<Outcome>(
            sizes: sizes, budgetBytes: Self.parseAheadBytes, workers: ProcessInfo.processInfo.activeProcessorCount
        ) { [self] i in parseOne(files[i], stored: stored, options: options) }
        defer { ahead.stop() }
        do {
            try queue.writeWithoutTransaction { db in
                var group = CommitGroup()
                defer { group.abandon(db) }
                // A failing commit (a full disk) stops the load, keeping what it can of the group.
                func commit(onlyIfDue: Bool) throws {
                    do {
                        try group.commit(db, onlyIfDue: onlyIfDue)
                    } catch {
                        keepWholeFiles(of: &group, in: db, options: options, summary: &summary)
                        throw error
                    }
                }
                for (index, url) in files.enumerated() {
                    let fileOutcome: FileOutcome
                    switch ahead.outcome(index) {
                    case .unchanged(let bytes):
                        summary.filesUnchanged += 1
                        summary.bytesRead += bytes
                        fileOutcome = .unchanged
                    case .failed(let reason):
                        summary.failures.append(.init(path: url.path, reason: reason + keptNote(url)))
                        fileOutcome = .failed(reason + keptNote(url))
                    case .parsed(let parsed):
                        summary.bytesRead += parsed.byteCount
                        do {
                            try group.join(db)
                            var written: (FileStore.Written, [Corrections.Outcome])?
                            try db.inSavepoint {
                                written = try write(parsed, corrections: options.corrections, overrides: options.overrides, in: db)
                                return .commit
                            }
                            var contribution = LoadSummary()
                            fileOutcome = .stored(record(parsed, written!.0, written!.1, summary: &contribution))
                            summary.add(contribution)
                            group.pending.append((parsed, contribution))
                        } catch {
                            let translated = WarehouseDatabase.translate(error, path: databasePath)
                            if let cause = translated as? StorageError, cause.stopsLoad {
                                keepWholeFiles(of: &group, in: db, options: options, summary: &summary)
                                throw LoadStopped(cause: cause, summary: summary)
                            }
                            // An error SQLite answered by rolling back the transaction took the group with it.
                            if !db.isInsideTransaction { keepWholeFiles(of: &group, in: db, options: options, summary: &summary) }
                            let reason = "\(url.path): not stored: \(translated)\(keptNote(url))"
                            summary.failures.append(.init(path: url.path, reason: reason))
                            fileOutcome = .failed(reason)
                        }
                    }
                    bytesDone += sizes[index]
                    observe(LoadProgress(
                        filesDone: index + 1, filesTotal: files.count, bytesDone: bytesDone, bytesTotal: bytesTotal,
                        currentPath: url.path, outcome: fileOutcome))
                    try commit(onlyIfDue: true)
                }
                try commit(onlyIfDue: false)
            }
        } catch let stopped as LoadStopped {
            throw stopped
        } catch {
            let translated = WarehouseDatabase.translate(error, path: databasePath)
            throw (translated as? StorageError).map { LoadStopped(cause: $0, summary: summary) } ?? translated
        }
        do {
            let gone = try goneFiles(keeping: Set(files.map(\.path)), under: paths, queue: queue)
            summary.filesGone = gone.count
            if options.prune, !gone.isEmpty {
                try queue.write { db in
                    for path in gone { try FileStore.remove(path: path, in: db) }
                }
                summary.filesPruned = gone.count
            }
        } catch {
            let translated = WarehouseDatabase.translate(error, path: databasePath)
            throw (translated as? StorageError).map { LoadStopped(cause: $0, summary: summary) } ?? translated
        }
        return summary
    }

    /// After an error, keeps the files written since the last commit: SQLite
    /// rolls the whole transaction back on some errors (a full disk), so they are then written
    /// again one transaction each, as far as the database lets; the summary drops those it lost.
    private func keepWholeFiles(of group: inout CommitGroup, in db: Database, options: Options, summary: inout LoadSummary) {
        if db.isInsideTransaction, (try? group.commit(db)) != nil { return }
        group.abandon(db)
        var lost = false
        for (parsed, contribution) in group.pending {
            if !lost {
                do {
                    try db.inTransaction {
                        _ = try write(parsed, corrections: options.corrections, overrides: options.overrides, in: db)
                        return .commit
                    }
                    continue
                } catch {
                    lost = true
                }
            }
            summary.add(contribution, times: -1)
            summary.failures.append(.init(path: parsed.path, reason: "\(parsed.path): not stored: the load stopped before it was committed"))
        }
        group.pending = []
    }

    /// Stores one parsed file and applies its corrections, in one transaction: on any error
    /// nothing of it is written and an earlier version stays as it was.
    public func store(
        _ parsed: ParsedFile, corrections: Corrections, overrides: ReportOverrides = .none, into queue: DatabaseQueue,
        summary: inout LoadSummary
    ) throws -> [ReportListing] {
        let (written, outcomes) = try queue.write { db in
            try write(parsed, corrections: corrections, overrides: overrides, in: db)
        }
        return record(parsed, written, outcomes, summary: &summary)
    }

    /// Writes one parsed file and applies its corrections; the caller holds the transaction.
    private func write(
        _ parsed: ParsedFile, corrections: Corrections, overrides: ReportOverrides, in db: Database
    ) throws -> (FileStore.Written, [Corrections.Outcome]) {
        let written = try FileStore.replace(
            parsed, vocabularyDigest: vocabularyDigest, overridesDigest: overrides.digest(forFile: parsed.path), in: db)
        let name = URL(fileURLWithPath: parsed.path).lastPathComponent
        return (written, try corrections.apply(toFile: written.fileID, named: name, in: db))
    }

    /// Counts a stored file into the summary and lists its reports.
    private func record(
        _ parsed: ParsedFile, _ written: FileStore.Written, _ outcomes: [Corrections.Outcome], summary: inout LoadSummary
    ) -> [ReportListing] {
        var factDelta: [Int: Int] = [:]
        for outcome in outcomes where outcome.status == .applied {
            switch outcome.entry.action {
            case .add: factDelta[outcome.entry.ordinal, default: 0] += 1
            case .drop: factDelta[outcome.entry.ordinal, default: 0] -= 1
            case .fix: break
            }
        }
        let unique = parsed.reports.filter { $0.duplicateOf == nil }
        summary.filesLoaded += 1
        summary.facts += written.facts + factDelta.values.reduce(0, +)
        summary.reports += unique.count
        summary.duplicates += parsed.reports.count - unique.count
        summary.openRegions += unique.count { $0.region.code == nil }
        summary.warnings += parsed.warnings + outcomes.compactMap(\.problem)
        summary.correctionsApplied += outcomes.count { $0.status == .applied }
        summary.correctionsUnmatched += outcomes.count { $0.status != .applied }
        return parsed.reports.map { r in
            ReportListing(
                ordinal: r.ordinal, body: r.body, regionCode: r.region.code, regionMention: r.regionMention,
                year: r.period?.year, facts: r.duplicateOf == nil ? r.facts.count + factDelta[r.ordinal, default: 0] : 0,
                duplicateOf: r.duplicateOf)
        }
    }

    /// Input bytes parsed ahead of the writer, unless a single file is larger: with what parsing
    /// makes of them (text, reports, facts), they bound the load's memory.
    static let parseAheadBytes = 32 << 20

    private enum Outcome: Sendable {
        case unchanged(bytes: Int)
        case parsed(ParsedFile)
        case failed(String)
    }

    private func parseOne(_ url: URL, stored: [String: FileStore.StoredFile], options: Options) -> Outcome {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            return .failed("\(url.path): cannot read (\(error.localizedDescription))")
        }
        // Hashed once: the digest decides "unchanged" and is stored with a changed file.
        let digest = SHA256.hex(data)
        if !options.force, let known = stored[url.path], known.vocabularySHA256 == vocabularyDigest,
            known.correctionsSHA256 == options.corrections.digest(forFile: url.lastPathComponent),
            known.overridesSHA256 == options.overrides.digest(forFile: url.path),
            known.sha256 == digest
        {
            return .unchanged(bytes: data.count)
        }
        do {
            let path = url.path
            let overrides = options.overrides
            return .parsed(try pipeline.parse(data, path: path, encoding: options.encoding, sha256: digest) {
                overrides.lookup(path: path, ordinal: $0, title: $1)
            })
        } catch {
            return .failed(error.description)
        }
    }

    /// Stored files under the loaded folders that no longer exist on disk.
    private func goneFiles(keeping present: Set<String>, under roots: [URL], queue: DatabaseQueue) throws -> [String] {
        let prefixes = roots.map { $0.standardizedFileURL.path }
        return try queue.read { db in
            try String.fetchAll(db, sql: "SELECT path FROM source_file ORDER BY path").filter { path in
                !present.contains(path) && prefixes.contains { path == $0 || path.hasPrefix($0 + "/") }
                    && !FileManager.default.fileExists(atPath: path)
            }
        }
    }
}
