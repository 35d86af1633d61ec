import Foundation

/// Decode → (HTML to text) → normalize → drop web noise → join hard-wrapped lines, for one
/// file's bytes.
public enum DocumentReader {
    /// - Parameter encoding: forces an encoding (utf-8, utf-16le, utf-16be, gb18030, gbk) instead of
    ///   detecting it from the bytes.
    public static func read(_ data: Data, path: String, encoding: String? = nil) throws(ReadError) -> ReadDocument {
        let decoded = try TextDecoder.decode(data, path: path, encoding: encoding)
        var source = decoded.utf8
        let isHTML = source.withUnsafeBytes { HTMLText.isHTML($0.bindMemory(to: UInt8.self), path: path) }
        if isHTML { source = Data(source.withUnsafeBytes { HTMLText.text(fromHTML: $0.bindMemory(to: UInt8.self)) }) }
        let normalized = source.withUnsafeBytes { raw in
            var normalized = Normalizer.normalize(raw.bindMemory(to: UInt8.self))
            normalized.blank(normalized.utf8.withUnsafeBufferPointer(Boilerplate.noiseLines))
            normalized.remove(normalized.utf8.withUnsafeBufferPointer(HardWraps.breaks))
            return normalized
        }
        return ReadDocument(
            text: normalized.text, sourceUTF8: source, encoding: decoded.encoding, warnings: decoded.warnings,
            offsets: normalized.offsets, wasHTML: isHTML, wasTraditional: normalized.wasTraditional)
    }
}
