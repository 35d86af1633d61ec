import ArgumentParser
import Foundation
import WarehouseKit

struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Read report files and store their reports and facts.",
        discussion: """
            Files and folders (recursively); data/reports by default. One transaction per file:
            unchanged files are skipped, changed ones replace their earlier reports and facts.
            """)

    @Argument(help: "Report files or folders.")
    var paths: [String] = []

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Decode every file with this encoding instead of detecting it (utf-8, utf-16le, utf-16be, gb18030).")
    var encoding: String?

    @Option(help: "Region code of every report in the files loaded (overrides inference).")
    var region: String?

    @Option(help: "Year under review of every report in the files loaded.")
    var year: Int?

    @Option(help: "Body of every report in the files loaded (npc, cppcc, gov, court, procuratorate).")
    var body: String?

    @Flag(help: "Remove reports whose source files under the given folders are gone.")
    var prune = false

    @Option(help: "Summary format: text or json.")
    var format: String = "text"

    func run() throws {
        let warehouse = reporting { try Warehouse.locate() }
        let givenBody: Body? = reporting {
            guard let body else { return nil }
            guard let parsed = Body(rawValue: body) else {
                throw ValidationError("unknown body '\(body)' (use npc, cppcc, gov, court or procuratorate)")
            }
            return parsed
        }
        let given = ReportOverride(regionCode: region, body: givenBody, year: year)
        let sources = paths.isEmpty ? [warehouse.locator.reportsDirectory] : paths.map { URL(fileURLWithPath: $0) }
        let dbURL = warehouse.databaseURL(database.db)
        let summary = reporting {
            let loader = try warehouse.loader()
            let queue = try warehouse.openForWriting(dbURL)
            let override: Loader.OverrideLookup = { _, _, _ in
                given == ReportOverride() ? nil : given
            }
            return try loader.load(
                sources, into: queue, databasePath: dbURL.path,
                options: Loader.Options(encoding: encoding, prune: prune, override: override))
        }
        for failure in summary.failures { FileHandle.standardError.write(Data("warehouse: \(failure.reason)\n".utf8)) }
        for warning in summary.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            write(String(decoding: try encoder.encode(summary), as: UTF8.self) + "\n")
        } else {
            write("""
                Loaded \(summary.filesLoaded) of \(summary.filesSeen) files into \(dbURL.path) \
                (\(summary.filesUnchanged) unchanged, \(summary.failures.count) failed\(prune ? ", \(summary.filesPruned) pruned" : "")): \
                \(summary.reports) reports (\(summary.duplicates) duplicates), \(summary.facts) facts, \
                \(summary.openRegions) reports with an open region, \(summary.warnings.count) warnings.

                """)
        }
        if !summary.failures.isEmpty { throw ExitCode(2) }
    }
}
