/// Cuts substrings out of a text by Unicode-scalar offsets, walking its UTF-8 once.
///
/// Report spans come as scalar offsets (what SQLite's `substr` counts); building each report's
/// text scalar by scalar cost more than all the extraction, so the offsets are turned into byte
/// offsets by a cursor that moves forward through the bytes, and the bytes are copied whole.
/// The text's own UTF-8 storage is read in place: a 100 MB file is not copied once more.
struct ScalarSlicer {
    private var text: String
    private var scalar = 0
    private var byte = 0

    init(_ text: String) {
        self.text = text
    }

    /// The text between two scalar offsets; cheapest when called in increasing order.
    mutating func slice(_ range: Range<Int>) -> Substring {
        var cursor: (scalar: Int, byte: Int) = (scalar, byte)
        let (start, end) = text.withUTF8 { utf8 in
            (Self.byteOffset(ofScalar: range.lowerBound, in: utf8, cursor: &cursor),
             Self.byteOffset(ofScalar: range.upperBound, in: utf8, cursor: &cursor))
        }
        (scalar, byte) = cursor
        // A substring sharing the text's storage: no copy, no second UTF-8 validation.
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
    }

    private static func byteOffset(
        ofScalar target: Int, in utf8: UnsafeBufferPointer<UInt8>, cursor: inout (scalar: Int, byte: Int)
    ) -> Int {
        if target < cursor.scalar { cursor = (0, 0) }
        while cursor.scalar < target && cursor.byte < utf8.count {
            let lead = utf8[cursor.byte]
            cursor.byte += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            cursor.scalar += 1
        }
        return min(cursor.byte, utf8.count)
    }
}
