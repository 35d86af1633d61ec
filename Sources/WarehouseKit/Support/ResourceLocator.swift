import Foundation

/// Finds the warehouse's home: the folder that holds `Schema/`, `Queries/` and `data/`.
///
/// SwiftPM resource bundles crash a binary copied without its bundle, so the folders are looked
/// up instead: `$WAREHOUSE_HOME`, then upwards from the working directory, then upwards from the
/// executable. A binary copied elsewhere works as long as one of those leads to a checkout.
public struct ResourceLocator: Sendable {
    public let home: URL

    public enum LocateError: Error, Sendable, CustomStringConvertible {
        case notFound(searched: [String])

        public var description: String {
            switch self {
            case .notFound(let searched):
                "cannot find the warehouse folder (with Schema/ and data/activities.csv); "
                    + "set WAREHOUSE_HOME to the checkout. Searched: " + searched.joined(separator: ", ")
            }
        }
    }

    public init(home: URL) {
        self.home = home
    }

    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        executable: URL? = Bundle.main.executableURL
    ) throws(LocateError) -> ResourceLocator {
        var searched: [String] = []
        if let env = environment["WAREHOUSE_HOME"], !env.isEmpty {
            let url = URL(fileURLWithPath: env)
            if isHome(url) { return ResourceLocator(home: url) }
            searched.append(url.path)
        }
        let starts = [workingDirectory, executable?.resolvingSymlinksInPath().deletingLastPathComponent()]
        for start in starts.compactMap({ $0 }) {
            var dir = start.standardizedFileURL
            while true {
                if isHome(dir) { return ResourceLocator(home: dir) }
                searched.append(dir.path)
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        throw .notFound(searched: Array(searched.prefix(4)))
    }

    private static func isHome(_ url: URL) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: url.appendingPathComponent("Schema").path)
            && fm.fileExists(atPath: url.appendingPathComponent("data/activities.csv").path)
    }

    public var schemaDirectory: URL { home.appendingPathComponent("Schema") }
    public var queriesDirectory: URL { home.appendingPathComponent("Queries") }
    public var dataDirectory: URL { home.appendingPathComponent("data") }
    public var activitiesFile: URL { dataDirectory.appendingPathComponent("activities.csv") }
    public var regionsFile: URL { dataDirectory.appendingPathComponent("regions.csv") }
    public var regionChangesFile: URL { dataDirectory.appendingPathComponent("region_changes.csv") }
    public var reportsDirectory: URL { dataDirectory.appendingPathComponent("reports") }
    public var defaultDatabase: URL { dataDirectory.appendingPathComponent("warehouse.db") }
}
