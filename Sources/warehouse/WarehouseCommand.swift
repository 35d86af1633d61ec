import ArgumentParser
import Foundation
import WarehouseKit

@main
struct WarehouseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warehouse",
        abstract: "A local data warehouse of the work reports of China's people's congresses and CPPCC committees.",
        discussion: """
            Load report files into a SQLite star schema, then compare what the bodies did across \
            districts and years with canned queries, or open the database in sqlite3.
            """,
        subcommands: [
            LoadCommand.self, CorrectionsCommand.self, QueriesCommand.self, DescribeCommand.self, RunCommand.self,
            SQLCommand.self, ShowCommand.self, FactsCommand.self, ReportsCommand.self, ExportCommand.self,
        ])
}

/// Options every command shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The warehouse database.", valueName: "FILE"))
    var db: String?
}

/// Prints a one-line error to stderr and exits non-zero; for errors the user can act on.
func fail(_ message: String, code: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data("warehouse: \(message)\n".utf8))
    Foundation.exit(code)
}

/// Runs `body`, turning any error into a one-line message.
func reporting<T>(_ body: () throws -> T) -> T {
    do {
        return try body()
    } catch let error as CustomStringConvertible {
        fail(error.description)
    } catch {
        fail("\(error)")
    }
}

func warn(_ message: String) {
    FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
}

func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
