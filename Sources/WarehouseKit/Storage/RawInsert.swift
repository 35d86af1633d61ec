import GRDB
import GRDBSQLite

/// An INSERT run once per fact or report, bound through SQLite's C API.
///
/// GRDB's arguments box every value (`StatementArguments` of `DatabaseValue`s): for the load's
/// hot inserts that cost more than SQLite's own work on the row (about 15 % of the writer's time
/// at 100 MB). The statement is still prepared and cached by GRDB; only binding and stepping go
/// around it. Values are bound by position, in the order the SQL first names its parameters.
struct RawInsert {
    private let statement: Statement
    private let connection: SQLiteConnection

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        connection = db.sqliteConnection!
    }

    /// Binds the values `bind` gives, runs the insert and returns the new row's id.
    @discardableResult
    func run(_ bind: (inout Binder) -> Void) throws -> Int64 {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var binder = Binder(handle: handle)
        bind(&binder)
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        return sqlite3_last_insert_rowid(connection)
    }

    /// Binds parameters 1, 2, 3 … in the order of the calls.
    struct Binder {
        let handle: SQLiteStatement
        private var index: Int32 = 0

        init(handle: SQLiteStatement) { self.handle = handle }

        mutating func bind(_ value: String?) { bind(value.map { Substring($0) }) }

        mutating func bind(_ value: Substring?) {
            index += 1
            guard var value else {
                sqlite3_bind_null(handle, index)
                return
            }
            let position = index
            // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            value.withUTF8 { utf8 in
                if let start = utf8.baseAddress {
                    _ = UnsafeRawPointer(start).withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                        sqlite3_bind_text(handle, position, $0, Int32(utf8.count), transient)
                    }
                } else {
                    sqlite3_bind_text(handle, position, "", 0, transient)
                }
            }
        }

        mutating func bind(_ value: Int?) { bind(value.map(Int64.init)) }

        mutating func bind(_ value: Int64?) {
            index += 1
            if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
        }

        mutating func bind(_ value: Double) {
            index += 1
            sqlite3_bind_double(handle, index, value)
        }

        mutating func bind(_ value: Bool) { bind(Int64(value ? 1 : 0)) }
    }
}
