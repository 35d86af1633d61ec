import ArgumentParser
import WarehouseKit

struct QueriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queries", abstract: "List the canned queries with their titles and parameters.")

    @OptionGroup var folders: QueryFolderOptions

    func run() throws {
        let warehouse = reporting { try Warehouse.locate() }
        var out = ""
        for query in folders.catalog(warehouse).queries {
            out += "\(query.name)  \(query.title)\n"
            if !query.description.isEmpty { out += "  \(query.description)\n" }
            if !query.parameters.isEmpty { out += QueryRunner.usage(query) + "\n" }
            out += "\n"
        }
        write(out)
    }
}
