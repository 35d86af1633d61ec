import ArgumentParser
import WarehouseKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one report: its metadata and its facts with their evidence, in text order.",
        discussion: "Example: warehouse show report 12   (ids from `warehouse reports`)")

    enum What: String, ExpressibleByArgument, CaseIterable { case report }

    @Argument(help: "What to show: report.")
    var what: What

    @Argument(help: "The report's id.")
    var id: Int64

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let warehouse = reporting { try Warehouse.locate() }
        let detail = reporting {
            let queue = try warehouse.openForReading(warehouse.databaseURL(database.db))
            return try queue.read { db in try ReportDetail.fetch(reportID: id, in: db) }
        }
        let facts = detail.facts.rows.isEmpty
            ? "(no facts)\n" : FactListRenderer(colour: Terminal.colour).render(detail.facts)
        write(detail.summary + "\n\(detail.facts.rows.count) facts:\n" + facts)
    }
}
