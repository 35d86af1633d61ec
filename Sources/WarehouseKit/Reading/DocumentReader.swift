import Foundation

/// Decode → (HTML to text) → normalize → drop web noise, for one file's bytes.
public enum DocumentReader {
    /// - Parameter encoding: forces an encoding (utf-8, utf-16le, utf-16be, gb18030, gbk) instead of
    ///   detecting it from the bytes.
    public static func read(_ data: Data, path: String, encoding: String? = nil) throws(ReadError) -> ReadDocument {
        let decoded = try TextDecoder.decode(data, path: path, encoding: encoding)
        let isHTML = HTMLText.isHTML(decoded.text, path: path)
        let source = isHTML ? HTMLText.text(fromHTML: decoded.text) : decoded.text
        var normalized = Normalizer.normalize(source)
        let noise = normalized.utf8.withUnsafeBufferPointer(Boilerplate.noiseLines)
        normalized.blank(noise)
        return ReadDocument(
            text: normalized.text, source: source, encoding: decoded.encoding, warnings: decoded.warnings,
            offsets: normalized.offsets, wasHTML: isHTML, wasTraditional: normalized.wasTraditional)
    }
}
