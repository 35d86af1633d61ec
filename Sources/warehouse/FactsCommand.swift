import ArgumentParser
import WarehouseKit

struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts", abstract: "List facts with the clause that states each one.",
        discussion: """
            Prints the `evidence` query. In a terminal each figure is highlighted in its clause \
            (not with NO_COLOR set, nor when piped). Example: warehouse facts --region 青山区 --year 2022
            """)

    @Option(help: "Region name, full name or six-digit code.")
    var region: String?
    @Option(help: "npc, cppcc, gov, court or procuratorate.")
    var body: String?
    @Option(help: "The year under review.")
    var year: Int?
    @Option(help: "Activity code (see dim_activity or data/activities.csv).")
    var activity: String?
    @Option(help: "review, plan or all.")
    var section: String = "review"
    @Option(help: "At most this many facts.")
    var limit: Int = 1000

    @OptionGroup var folders: QueryFolderOptions
    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "Output format: table (facts with their clauses), csv, json, jsonl or markdown.")
    var format: OutputFormat = .table

    func run() throws {
        let warehouse = reporting { try Warehouse.locate() }
        let query = folders.query(named: "evidence", in: warehouse)
        var given = ["section": section, "limit": String(limit)]
        given["region"] = region
        given["body"] = body
        given["year"] = year.map(String.init)
        given["activity"] = activity
        let table = reporting {
            let queue = try warehouse.openForReading(warehouse.databaseURL(database.db))
            return try queue.read { db in try QueryRunner.run(query, given: given, in: db) }
        }
        if format == .table {
            write(table.rows.isEmpty ? "(no facts)\n" : FactListRenderer(colour: Terminal.colour).render(table))
        } else {
            write(RecordWriters.render(table, as: format))
        }
    }
}
