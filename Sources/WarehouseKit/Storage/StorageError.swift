/// Why the warehouse database could not be opened or written. Messages name the file.
public enum StorageError: Error, Sendable, CustomStringConvertible {
    case schemaFolderMissing(path: String)
    case badMigrationName(path: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case notADatabase(path: String)
    case readOnly(path: String)
    case busy(path: String)
    case diskFull(path: String)
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
        case .readOnly(let path):
            "\(path): the database or its folder is read-only"
        case .busy(let path):
            "\(path): the database is locked by another process (another load?); try again when it has finished"
        case .diskFull(let path):
            "\(path): the disk is full; nothing of the current file was written"
        case .sqlite(let path, let message):
            "\(path): SQLite error: \(message)"
        case .writeRefused(let message):
            "refused: the database is opened read-only here (\(message)); use `warehouse load` to change it"
        }
    }
}
