import Foundation
import GRDB

/// The warehouse as the command line sees it: its home folder, its reference data and its
/// database, opened the right way for each command.
public struct Warehouse: Sendable {
    public let locator: ResourceLocator
    public let migrator: SchemaMigrator

    public init(locator: ResourceLocator) throws {
        self.locator = locator
        self.migrator = try SchemaMigrator.load(from: locator.schemaDirectory)
    }

    /// Finds the home folder (see `ResourceLocator`) and reads its schema.
    public static func locate() throws -> Warehouse {
        try Warehouse(locator: ResourceLocator.locate())
    }

    public func databaseURL(_ given: String?) -> URL {
        given.map { URL(fileURLWithPath: $0) } ?? locator.defaultDatabase
    }

    public func openForWriting(_ url: URL) throws -> DatabaseQueue {
        try WarehouseDatabase.openForWriting(at: url, migrator: migrator)
    }

    public func openForReading(_ url: URL) throws -> DatabaseQueue {
        try WarehouseDatabase.openForReading(at: url, migrator: migrator)
    }

    public func loader() throws -> Loader {
        Loader(
            activities: try Vocabulary.activities(at: locator.activitiesFile),
            gazetteer: try Gazetteer.load(regionsAt: locator.regionsFile, changesAt: locator.regionChangesFile))
    }

    /// Built-in queries, then the user's folders (`--queries DIR`, `$WAREHOUSE_QUERIES`).
    public func catalog(extraFolders: [URL] = []) -> QueryCatalog {
        var folders = [locator.queriesDirectory]
        if let env = ProcessInfo.processInfo.environment["WAREHOUSE_QUERIES"], !env.isEmpty {
            folders += env.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        }
        return QueryCatalog(folders: folders + extraFolders)
    }
}
