import ArgumentParser
import Foundation
import WarehouseKit

struct QueriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queries", abstract: "List the canned queries with their titles and parameters.")

    @Option(help: ArgumentHelp("A folder of your own .sql queries (same header convention).", valueName: "DIR"))
    var queries: [String] = []

    func run() throws {
        let warehouse = reporting { try Warehouse.locate() }
        let catalog = warehouse.catalog(extraFolders: queries.map { URL(fileURLWithPath: $0) })
        for problem in catalog.problems { FileHandle.standardError.write(Data("warning: \(problem)\n".utf8)) }
        var out = ""
        for query in catalog.queries {
            out += "\(query.name)  \(query.title)\n"
            if !query.description.isEmpty { out += "  \(query.description)\n" }
            if !query.parameters.isEmpty { out += QueryRunner.usage(query) + "\n" }
            out += "\n"
        }
        write(out)
    }
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a canned query.",
        discussion: "Example: warehouse run compare-districts --param activity=standing_committee_meeting --param year=2022")

    @Argument(help: "The query's name (see `warehouse queries`).")
    var name: String

    @Option(name: [.customShort("p"), .long], help: ArgumentHelp("A parameter, KEY=VALUE; repeatable.", valueName: "KEY=VALUE"))
    var param: [String] = []

    @Option(help: ArgumentHelp("A folder of your own .sql queries.", valueName: "DIR"))
    var queries: [String] = []

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let warehouse = reporting { try Warehouse.locate() }
        let catalog = warehouse.catalog(extraFolders: queries.map { URL(fileURLWithPath: $0) })
        guard let query = catalog.query(named: name) else {
            fail("no query named '\(name)'; `warehouse queries` lists them: \(catalog.queries.map(\.name).joined(separator: ", "))")
        }
        var given: [String: String] = [:]
        for pair in param {
            guard let eq = pair.firstIndex(of: "=") else { fail("--param takes KEY=VALUE, not '\(pair)'") }
            given[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
        }
        let table = reporting {
            let queue = try warehouse.openForReading(warehouse.databaseURL(database.db))
            return try queue.read { db in try QueryRunner.run(query, given: given, in: db) }
        }
        write(RecordWriters.render(table, as: output.format))
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export every fact or every report (review section by default).",
        discussion: "Example: warehouse export facts --format jsonl > facts.jsonl")

    enum What: String, ExpressibleByArgument, CaseIterable { case facts, reports }

    @Argument(help: "facts or reports.")
    var what: What

    @Option(name: [.customShort("p"), .long], help: ArgumentHelp("A parameter of the export query, KEY=VALUE.", valueName: "KEY=VALUE"))
    var param: [String] = []

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format: jsonl, csv, json, markdown or table.")
    var format: OutputFormat = .jsonl

    func run() throws {
        var args = ["export-\(what.rawValue)", "--format", format.rawValue]
        for p in param { args += ["--param", p] }
        if let db = database.db { args += ["--db", db] }
        var run = try RunCommand.parse(args)
        try run.run()
    }
}
