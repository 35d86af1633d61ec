import Foundation
import GRDB

/// Applies the numbered `.sql` files of `Schema/` in order, recording the version in
/// `PRAGMA user_version`, so that `sqlite3` users and the code agree on what a file holds.
///
/// Each file runs in one transaction with its new version number: a crash mid-migration
/// leaves the previous version intact. A database whose version is above the newest file
/// was written by a newer warehouse and is refused rather than misread.
public struct SchemaMigrator: Sendable {
    public struct Migration: Sendable {
        public var version: Int
        public var name: String
        public var sql: String
    }

    public let migrations: [Migration]

    public var latestVersion: Int { migrations.last?.version ?? 0 }

    public init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    public static func load(from folder: URL) throws(StorageError) -> SchemaMigrator {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var migrations: [Migration] = []
        for name in names.sorted() where name.hasSuffix(".sql") {
            let path = folder.appendingPathComponent(name)
            guard let version = Int(name.prefix { $0.isNumber }), version > 0 else {
                throw .badMigrationName(path: path.path)
            }
            guard let sql = try? String(contentsOf: path, encoding: .utf8) else {
                throw .sqlite(path: path.path, message: "cannot read the schema file")
            }
            migrations.append(Migration(version: version, name: name, sql: sql))
        }
        if migrations.isEmpty { throw .schemaFolderMissing(path: folder.path) }
        return SchemaMigrator(migrations: migrations)
    }

    /// The schema version the database is at.
    public static func version(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
    }

    /// Brings the database up to the newest version; refuses a database from a newer warehouse.
    public func migrate(_ writer: some DatabaseWriter, path: String) throws {
        try writer.writeWithoutTransaction { db in
            let current = try Self.version(db)
            if current > latestVersion {
                throw StorageError.newerSchema(path: path, found: current, supported: latestVersion)
            }
            for migration in migrations where migration.version > current {
                try db.inTransaction {
                    try db.execute(sql: migration.sql)
                    try db.execute(sql: "PRAGMA user_version = \(migration.version)")
                    return .commit
                }
            }
        }
    }

    /// Refuses a database whose version this warehouse cannot read (for read-only use).
    public func check(_ db: Database, path: String) throws {
        let current = try Self.version(db)
        if current > latestVersion {
            throw StorageError.newerSchema(path: path, found: current, supported: latestVersion)
        }
    }
}
