import ArgumentParser
import Foundation
import WarehouseKit

struct CorrectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corrections", abstract: "Work with the analysts' corrections file (data/corrections.csv).",
        subcommands: [CorrectionsCheckCommand.self])
}

struct CorrectionsCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List corrections that no longer match any fact, or are not applied yet.",
        discussion: """
            Exit status: 0 every correction applied at the last load; 2 some match nothing, name a file \
            not loaded, or wait for the next load; 1 the corrections file or the database is unusable.
            """)

    @Option(help: ArgumentHelp("The corrections file (default data/corrections.csv).", valueName: "FILE"))
    var corrections: String?

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format: text or json.")
    var format: LoadCommand.SummaryFormat = .text

    func run() throws {
        let warehouse = reporting { try Warehouse.locate() }
        let url = corrections.map { URL(fileURLWithPath: $0) } ?? Corrections.defaultURL(in: warehouse.locator)
        let findings = reporting {
            let fixes = try Corrections.read(at: url, activityCodes: Set(try warehouse.loader().activities.map(\.code)))
            let queue = try warehouse.openForReading(warehouse.databaseURL(database.db))
            return try queue.read { db in try CorrectionsCheck.run(fixes, in: db) }
        }
        let problems = findings.filter { $0.state != .applied }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            write(String(decoding: try encoder.encode(findings), as: UTF8.self) + "\n")
        case .text:
            let lines = problems.map { "\(url.lastPathComponent) \($0.message)" }
            write((lines + ["\(findings.count - problems.count) of \(findings.count) corrections applied."])
                .joined(separator: "\n") + "\n")
        }
        if !problems.isEmpty { throw ExitCode(2) }
    }
}
