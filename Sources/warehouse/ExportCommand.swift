import ArgumentParser
import WarehouseKit

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export every fact or every report (review section by default).",
        discussion: "Example: warehouse export facts --format jsonl > facts.jsonl")

    enum What: String, ExpressibleByArgument, CaseIterable { case facts, reports }

    @Argument(help: "facts or reports.")
    var what: What

    @OptionGroup var parameters: ParameterOptions
    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format: jsonl, csv, json, markdown or table.")
    var format: OutputFormat = .jsonl

    func run() throws {
        var args = ["export-\(what.rawValue)", "--format", format.rawValue, "--width", "0"]
        for p in parameters.param { args += ["--param", p] }
        if let db = database.db { args += ["--db", db] }
        let run = try RunCommand.parse(args)
        try run.run()
    }
}
