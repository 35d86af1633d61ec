import Foundation
import GRDB

/// Loads report files into the warehouse: one transaction per file, unchanged files skipped.
///
/// Files are parsed in parallel in small batches (parsing is pure) and written by one writer,
/// so memory stays bounded by the batch, whatever the size of the corpus.
public struct Loader: Sendable {
    public typealias OverrideLookup = @Sendable (_ path: String, _ ordinal: Int, _ title: String) -> ReportOverride?

    public struct Options: Sendable {
        public var encoding: String?
        public var prune = false
        public var override: OverrideLookup = { _, _, _ in nil }

        public init(encoding: String? = nil, prune: Bool = false, override: @escaping OverrideLookup = { _, _, _ in nil }) {
            self.encoding = encoding
            self.prune = prune
            self.override = override
        }
    }

    public let pipeline: ReportPipeline
    public let activities: [Activity]
    public let gazetteer: Gazetteer

    public init(activities: [Activity], gazetteer: Gazetteer) {
        self.activities = activities
        self.gazetteer = gazetteer
        self.pipeline = ReportPipeline(activities: activities, gazetteer: gazetteer)
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
    static let ignoredNames: Set<String> = ["manifest.csv", "corrections.csv", "README.md"]

    public func load(
        _ paths: [URL], into queue: DatabaseQueue, databasePath: String, options: Options = Options(),
        progress: (LoadProgress) -> Void = { _ in }
    ) throws -> LoadSummary {
        var summary = LoadSummary()
        let (files, missing) = Self.files(in: paths)
        for path in missing {
            summary.failures.append(.init(path: path, reason: "\(path): no such file or folder"))
        }
        summary.filesSeen = files.count
        do {
            try queue.write { db in try DimensionSync.sync(activities: activities, gazetteer: gazetteer, in: db) }
        } catch {
            throw WarehouseDatabase.translate(error, path: databasePath)
        }
        let stored = try queue.read { db in
            try Dictionary(
                Row.fetchAll(db, sql: "SELECT path, sha256 FROM source_file").map { ($0["path"] as String, $0["sha256"] as String) },
                uniquingKeysWith: { a, _ in a })
        }
        let sizes = files.map { (try? $0.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0 }
        let bytesTotal = sizes.reduce(0, +)

        let batchSize = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        var done = 0
        for batchStart in stride(from: 0, to: files.count, by: batchSize) {
            let batch = Array(files[batchStart..<min(batchStart + batchSize, files.count)])
            let outcomes = parseInParallel(batch, stored: stored, options: options)
            for (url, outcome) in zip(batch, outcomes) {
                switch outcome {
                case .unchanged(let bytes):
                    summary.filesUnchanged += 1
                    summary.bytesRead += bytes
                case .failed(let reason):
                    summary.failures.append(.init(path: url.path, reason: reason))
                case .parsed(let parsed):
                    summary.bytesRead += parsed.byteCount
                    do {
                        let facts = try queue.write { db in try FileStore.replace(parsed, in: db) }
                        summary.filesLoaded += 1
                        summary.facts += facts
                        summary.reports += parsed.reports.count { $0.duplicateOf == nil }
                        summary.duplicates += parsed.reports.count { $0.duplicateOf != nil }
                        summary.openRegions += parsed.reports.count { $0.duplicateOf == nil && $0.region.code == nil }
                        summary.warnings += parsed.warnings
                    } catch {
                        let translated = WarehouseDatabase.translate(error, path: databasePath)
                        if case StorageError.busy = translated { throw translated }
                        if case StorageError.diskFull = translated { throw translated }
                        summary.failures.append(.init(path: url.path, reason: "\(url.path): not stored: \(translated)"))
                    }
                }
                done += 1
                progress(LoadProgress(
                    filesDone: done, filesTotal: files.count, bytesDone: sizes[0..<done].reduce(0, +),
                    bytesTotal: bytesTotal, currentPath: url.path))
            }
        }
        if options.prune {
            summary.filesPruned = try prune(keeping: Set(files.map(\.path)), under: paths, queue: queue)
        }
        return summary
    }

    private enum Outcome: Sendable {
        case unchanged(bytes: Int)
        case parsed(ParsedFile)
        case failed(String)
    }

    private func parseInParallel(_ batch: [URL], stored: [String: String], options: Options) -> [Outcome] {
        let results = OutcomeSlots<Outcome>(count: batch.count)
        DispatchQueue.concurrentPerform(iterations: batch.count) { i in
            results.set(i, parseOne(batch[i], stored: stored, options: options))
        }
        return results.values
    }

    private func parseOne(_ url: URL, stored: [String: String], options: Options) -> Outcome {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            return .failed("\(url.path): cannot read (\(error.localizedDescription))")
        }
        if let sha = stored[url.path], sha == SHA256.hex(data) { return .unchanged(bytes: data.count) }
        do {
            let path = url.path
            let lookup = options.override
            return .parsed(try pipeline.parse(data, path: path, encoding: options.encoding) { lookup(path, $0, $1) })
        } catch {
            return .failed(error.description)
        }
    }

    /// Removes files under the loaded folders that no longer exist on disk.
    private func prune(keeping present: Set<String>, under roots: [URL], queue: DatabaseQueue) throws -> Int {
        let prefixes = roots.map { $0.standardizedFileURL.path }
        return try queue.write { db in
            var removed = 0
            for path in try String.fetchAll(db, sql: "SELECT path FROM source_file") where !present.contains(path) {
                guard prefixes.contains(where: { path == $0 || path.hasPrefix($0 + "/") }),
                    !FileManager.default.fileExists(atPath: path)
                else { continue }
                try FileStore.remove(path: path, in: db)
                removed += 1
            }
            return removed
        }
    }
}

/// Result slots filled concurrently, one writer per index.
private final class OutcomeSlots<T: Sendable>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [T] { storage.map { $0! } }
}
