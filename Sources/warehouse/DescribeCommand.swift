import ArgumentParser
import WarehouseKit

struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe", abstract: "Print one canned query: its file, header and SQL.")

    @Argument(help: "The query's name (see `warehouse queries`).")
    var name: String

    @OptionGroup var folders: QueryFolderOptions

    func run() throws {
        let warehouse = reporting { try Warehouse.locate() }
        let query = folders.query(named: name, in: warehouse)
        write("-- file: \(query.path)\n" + query.sql + (query.sql.hasSuffix("\n") ? "" : "\n"))
    }
}
