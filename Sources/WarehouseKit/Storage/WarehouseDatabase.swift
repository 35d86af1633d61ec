import Foundation
import GRDB

/// Opens the warehouse file with the settings every command relies on.
///
/// WAL lets an analyst read in `sqlite3` while a load writes; the busy timeout makes a second
/// writer wait, then fail with a clear message instead of corrupting anything.
public enum WarehouseDatabase {
    /// How long a writer waits for another writer before giving up, in seconds:
    /// `$WAREHOUSE_BUSY_TIMEOUT`, else 10.
    public static func busyTimeout(environment: [String: String] = ProcessInfo.processInfo.environment) -> TimeInterval {
        environment["WAREHOUSE_BUSY_TIMEOUT"].flatMap(TimeInterval.init).map { max(0, $0) } ?? 10
    }

    /// Opens (creating if needed) and migrates the database for writing.
    public static func openForWriting(
        at url: URL, migrator: SchemaMigrator, busyTimeout: TimeInterval = busyTimeout()
    ) throws -> DatabaseQueue {
        let path = url.path
        let folder = url.deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StorageError.cannotOpen(path: path)
            }
        }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 64 MiB of pages (the default is 2 MiB): a load inserts into several indexes at
            // scattered keys (year, body, activity …), which otherwise re-reads index pages.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            try migrator.migrate(queue, path: path)
            return queue
        } catch {
            throw translate(error, path: path, waited: busyTimeout)
        }
    }

    /// Opens an existing database read-only: ad-hoc SQL cannot change it.
    public static func openForReading(
        at url: URL, migrator: SchemaMigrator, busyTimeout: TimeInterval = busyTimeout()
    ) throws -> DatabaseQueue {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw StorageError.sqlite(path: path, message: "no such database; run `warehouse load` first")
        }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            try queue.read { db in try migrator.check(db, path: path) }
            return queue
        } catch {
            throw translate(error, path: path, waited: busyTimeout)
        }
    }

    /// Maps SQLite's result codes to messages a user can act on.
    public static func translate(_ error: Error, path: String, waited: TimeInterval = busyTimeout()) -> Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_NOTADB: return StorageError.notADatabase(path: path)
        case .SQLITE_READONLY: return StorageError.readOnly(path: path)
        case .SQLITE_CANTOPEN: return StorageError.cannotOpen(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StorageError.busy(path: path, waited: waited)
        case .SQLITE_FULL: return StorageError.diskFull(path: path)
        case .SQLITE_IOERR: return StorageError.ioError(path: path, message: error.message ?? "\(error.extendedResultCode)")
        case .SQLITE_CORRUPT: return StorageError.corrupt(path: path)
        default: return StorageError.sqlite(path: path, message: error.message ?? "\(error.resultCode)")
        }
    }
}
