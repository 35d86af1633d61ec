import ArgumentParser
import Foundation
import WarehouseKit

struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql", abstract: "Run your own read-only SQL against the warehouse.",
        discussion: """
            The database is opened read-only: a statement that would change it is refused.
            Example: warehouse sql "SELECT region, value FROM v_facts WHERE activity_code = 'appointment'" \
            Use - to read the SQL from stdin.
            """)

    @Argument(help: "One SQL statement, or - to read it from stdin.")
    var sql: String

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let text = sql == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : sql
        let warehouse = reporting { try Warehouse.locate() }
        let table = reporting {
            let url = warehouse.databaseURL(database.db)
            let queue = try warehouse.openForReading(url)
            do {
                return try queue.read { db in try QueryRunner.runReadOnly(sql: text, in: db) }
            } catch {
                throw WarehouseDatabase.translate(error, path: url.path)
            }
        }
        write(reporting { try output.render(table) })
    }
}
