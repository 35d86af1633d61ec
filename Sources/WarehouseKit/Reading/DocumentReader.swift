import Foundation

/// A source file turned into clean, normalized text.
public struct ReadDocument: Sendable {
    /// Normalized text: half-width, simplified, without web noise. Segmenting works on this.
    public var text: String
    /// The encoding the bytes were decoded from (utf-8, utf-16le, gb18030 …).
    public var encoding: String
    /// Non-fatal problems (replaced bytes, stripped HTML), for the load summary.
    public var warnings: [String]

    public init(text: String, encoding: String, warnings: [String] = []) {
        self.text = text
        self.encoding = encoding
        self.warnings = warnings
    }
}

/// Decode → (HTML to text) → normalize, for one file's bytes.
public enum DocumentReader {
    /// - Parameter encoding: forces an encoding instead of detecting it from the bytes.
    public static func read(_ data: Data, path: String, encoding: String? = nil) throws(ReadError) -> ReadDocument {
        // STUB: UTF-8 only; replaced by the reading stage.
        if data.isEmpty { throw .empty(path: path) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalidBytes(path: path, offset: 0, encoding: "utf-8")
        }
        return ReadDocument(text: text, encoding: "utf-8")
    }
}
