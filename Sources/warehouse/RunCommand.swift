import ArgumentParser
import WarehouseKit

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a canned query.",
        discussion: """
            Example: warehouse run compare-districts --param activity=standing_committee_meeting --param year=2022
            Add --chart for a bar chart of the figures.
            """)

    @Argument(help: "The query's name (see `warehouse queries`).")
    var name: String

    @OptionGroup var parameters: ParameterOptions
    @OptionGroup var folders: QueryFolderOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let warehouse = reporting { try Warehouse.locate() }
        let query = folders.query(named: name, in: warehouse)
        let given = reporting { try parameters.values() }
        let table = reporting {
            let queue = try warehouse.openForReading(warehouse.databaseURL(database.db))
            return try queue.read { db in try QueryRunner.run(query, given: given, in: db) }
        }
        write(reporting { try output.render(table) })
    }
}
