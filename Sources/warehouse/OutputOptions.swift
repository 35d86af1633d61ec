import Foundation
import ArgumentParser
import WarehouseKit

/// Output options of every command that prints a result table.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, csv, json, jsonl or markdown.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp(
        "Fit the table into N columns (0: no limit). Default: the terminal's width; no limit when piped.",
        valueName: "N"))
    var width: Int?

    @Flag(help: "Draw a horizontal bar chart of the result's measure instead of the table.")
    var chart = false

    @Option(help: ArgumentHelp("The column --chart draws (default: the query's chart line, else `value`).", valueName: "COLUMN"))
    var measure: String?

    /// The width tables and charts are fitted into; nil for no limit.
    var maxWidth: Int? {
        if let width { return width > 0 ? width : nil }
        return Terminal.width
    }

    func render(_ table: ResultTable) throws -> String {
        if chart {
            guard format == .table else { throw ValidationError("--chart draws in the terminal; leave out --format \(format.rawValue)") }
            return try BarChart(width: maxWidth ?? 80).render(table, measure: measure)
        }
        return RecordWriters.render(table, as: format, maxWidth: maxWidth)
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// `--param KEY=VALUE`, repeatable: the named parameters of a canned query.
struct ParameterOptions: ParsableArguments {
    @Option(name: [.customShort("p"), .long], help: ArgumentHelp("A parameter, KEY=VALUE; repeatable.", valueName: "KEY=VALUE"))
    var param: [String] = []

    func values() throws -> [String: String] {
        var given: [String: String] = [:]
        for pair in param {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw ValidationError("--param takes KEY=VALUE, not '\(pair)'")
            }
            given[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
        }
        return given
    }
}

/// `--queries DIR`, repeatable: folders of the user's own queries, after the built-in ones.
struct QueryFolderOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A folder of your own .sql queries (same header convention); also $WAREHOUSE_QUERIES.", valueName: "DIR"))
    var queries: [String] = []

    func catalog(_ warehouse: Warehouse) -> QueryCatalog {
        let catalog = warehouse.catalog(extraFolders: queries.map { URL(fileURLWithPath: $0) })
        for problem in catalog.problems { warn(problem) }
        return catalog
    }

    func query(named name: String, in warehouse: Warehouse) -> CannedQuery {
        let catalog = catalog(warehouse)
        guard let query = catalog.query(named: name) else {
            fail("no query named '\(name)'; `warehouse queries` lists them: \(catalog.queries.map(\.name).joined(separator: ", "))")
        }
        return query
    }
}
