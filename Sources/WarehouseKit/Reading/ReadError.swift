import Foundation

/// Why a file could not be read as text. Each message names the file and says what to do.
public enum ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty(path: String)
    case binary(path: String, kind: String)
    case invalidBytes(path: String, offset: Int, encoding: String)
    case unknownEncoding(path: String, name: String)

    public var description: String {
        switch self {
        case .empty(let path):
            "\(path): the file is empty"
        case .binary(let path, let kind):
            "\(path): not a text file (\(kind)); convert it to text first"
        case .invalidBytes(let path, let offset, let encoding):
            "\(path): invalid \(encoding) bytes at byte offset \(offset); pass --encoding if the guess is wrong"
        case .unknownEncoding(let path, let name):
            "\(path): unknown encoding '\(name)' (use utf-8, utf-16le, utf-16be or gb18030)"
        }
    }
}
