import ArgumentParser
import WarehouseKit

struct ReportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports", abstract: "List the reports held; --open: those whose region is open.",
        discussion: """
            Prints the `reports` query. With --open, each report whose region the text did not \
            settle is listed with its candidate codes and the note saying why; settle one in \
            data/reports/manifest.csv or with `warehouse load --region CODE FILE`.
            """)

    @Flag(help: "Only reports whose region is open, with their candidates and note.")
    var open = false
    @Option(help: "npc, cppcc, gov, court or procuratorate.")
    var body: String?
    @Option(help: "The year under review.")
    var year: Int?

    @OptionGroup var folders: QueryFolderOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let warehouse = reporting { try Warehouse.locate() }
        let query = folders.query(named: "reports", in: warehouse)
        var given = ["open": open ? "1" : "0"]
        given["body"] = body
        given["year"] = year.map(String.init)
        var table = reporting {
            let queue = try warehouse.openForReading(warehouse.databaseURL(database.db))
            return try queue.read { db in try QueryRunner.run(query, given: given, in: db) }
        }
        // The table shows what matters for the question asked; the other formats keep every column.
        if output.format == .table {
            table = table.dropping(open ? ["region_code", "facts", "duplicate_of"] : ["region_candidates", "candidate_names", "region_note"])
        }
        write(reporting { try output.render(table) })
    }
}
