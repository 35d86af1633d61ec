/// Why the warehouse database could not be opened or written. Messages name the file.
public enum StorageError: Error, Sendable, CustomStringConvertible {
    case schemaFolderMissing(path: String)
    case badMigrationName(path: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case notADatabase(path: String)
    case cannotOpen(path: String)
    case readOnly(path: String)
    case busy(path: String, waited: Double)
    case diskFull(path: String)
    case ioError(path: String, message: String)
    case corrupt(path: String)
    case sqlite(path: String, message: String)
    case writeRefused(message: String)

    public var description: String {
        switch self {
        case .schemaFolderMissing(let path):
            "\(path): no schema files (NNN_name.sql) found"
        case .badMigrationName(let path):
            "\(path): a schema file must be named NNN_description.sql"
        case .newerSchema(let path, let found, let supported):
            "\(path): the database has schema version \(found), newer than this warehouse knows (\(supported)); use a newer warehouse or another --db"
        case .notADatabase(let path):
            "\(path): not an SQLite database (choose another --db or remove the file)"
        case .cannotOpen(let path):
            "\(path): cannot open or create the database; check that its folder exists and is writable"
        case .readOnly(let path):
            "\(path): the database or its folder is read-only; choose a writable --db"
        case .busy(let path, let waited):
            "\(path): the database is locked by another process (another load?) after waiting \(waited.shortDescription)s; try again when it has finished, or raise --busy-timeout"
        case .diskFull(let path):
            "\(path): the disk is full; nothing of the current file was written"
        case .ioError(let path, let message):
            "\(path): I/O error (\(message)); the disk may be failing, full or gone; nothing of the current file was written"
        case .corrupt(let path):
            "\(path): the database file is damaged; restore a copy or load into a new --db"
        case .sqlite(let path, let message):
            "\(path): SQLite error: \(message)"
        case .writeRefused(let message):
            "refused: the database is opened read-only here (\(message)); use `warehouse load` to change it"
        }
    }

    /// Errors after which no later file could be stored either, so a load stops rather than
    /// naming every remaining file with the same reason.
    public var stopsLoad: Bool {
        switch self {
        case .busy, .diskFull, .ioError, .corrupt, .readOnly, .notADatabase, .cannotOpen: true
        default: false
        }
    }
}
