/// Cuts substrings out of a text by Unicode-scalar offsets, walking its UTF-8 once.
///
/// Report spans come as scalar offsets (what SQLite's `substr` counts); building each report's
/// text scalar by scalar cost more than all the extraction, so the offsets are turned into byte
/// offsets by a cursor that moves forward through the bytes, and the bytes are copied whole.
struct ScalarSlicer {
    private let utf8: [UInt8]
    private var scalar = 0
    private var byte = 0

    init(_ text: String) {
        utf8 = Array(text.utf8)
    }

    /// The text between two scalar offsets; cheapest when called in increasing order.
    mutating func slice(_ range: Range<Int>) -> String {
        let start = byteOffset(ofScalar: range.lowerBound)
        let end = byteOffset(ofScalar: range.upperBound)
        return utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    private mutating func byteOffset(ofScalar target: Int) -> Int {
        if target < scalar { (scalar, byte) = (0, 0) }
        while scalar < target && byte < utf8.count {
            let lead = utf8[byte]
            byte += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            scalar += 1
        }
        return min(byte, utf8.count)
    }
}
