import Foundation

/// A file's bytes as text, before any normalization: what "as written" means for evidence.
struct DecodedText: Sendable {
    /// The text as valid UTF-8, line endings unified to "\n" (CR LF and lone CR) so lines split the
    /// same everywhere. For UTF-8 files this shares the file's bytes.
    var utf8: Data
    /// Canonical name of the encoding used (utf-8, utf-16le, utf-16be, gb18030, gbk).
    var encoding: String
    var warnings: [String]
}

/// Finds the encoding of a file from its bytes (or takes the one the user named) and decodes it.
///
/// Order: byte-order mark, then NUL bytes (UTF-16 without a mark, or binary), then UTF-8, then GB18030.
/// UTF-8 comes first because Chinese UTF-8 text often also decodes as (wrong) GB18030, never the reverse.
enum TextDecoder {
    /// Names accepted for `encoding:` and the canonical name reported for each.
    static let encodingNames: [String: String] = [
        "utf-8": "utf-8", "utf8": "utf-8",
        "utf-16le": "utf-16le", "utf16le": "utf-16le", "utf-16be": "utf-16be", "utf16be": "utf-16be",
        "gb18030": "gb18030", "gbk": "gbk", "cp936": "gbk", "gb2312": "gbk",
    ]

    static func decode(_ data: Data, path: String, encoding requested: String?) throws(ReadError) -> DecodedText {
        var forced: String?
        if let requested {
            guard let name = encodingNames[requested.lowercased()] else {
                throw .unknownEncoding(path: path, name: requested)
            }
            forced = name
        }
        let result = data.withUnsafeBytes { raw -> Result<Decoded, ReadError> in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(ReadError) {
                return .success(try decode(bytes, path: path, forced: forced))
            } catch {
                return .failure(error)
            }
        }
        let decoded: Decoded
        switch result {
        case .success(let value): decoded = value
        case .failure(let error): throw error
        }
        let utf8 = switch decoded.body {
        case .original(let skip): data.dropFirst(skip)
        case .converted(let bytes): Data(bytes)
        }
        let (blank, noisy) = utf8.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return (!bytes.contains { $0 != 0x20 && !(0x09...0x0D).contains($0) }, BinarySniffer.hasControlCharacterNoise(bytes))
        }
        if blank { throw .empty(path: path) }
        if noisy { throw .binary(path: path, kind: "binary data (control characters)") }
        return DecodedText(utf8: utf8, encoding: decoded.encoding, warnings: decoded.warnings)
    }

    /// Text bytes found inside the file, or made from it.
    private enum Body {
        /// Valid UTF-8 with "\n" line ends from this byte offset on: used as it is.
        case original(skip: Int)
        case converted([UInt8])
    }

    private struct Decoded {
        var body: Body
        var encoding: String
        var warnings: [String] = []
    }

    private static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, path: String, forced: String?
    ) throws(ReadError) -> Decoded {
        if bytes.isEmpty { throw .empty(path: path) }
        if let kind = BinarySniffer.signatureKind(of: bytes) { throw .binary(path: path, kind: kind) }
        let mark = ByteOrderMark(bytes)
        let encoding: String
        if let known = forced ?? mark?.encoding {
            encoding = known
        } else {
            encoding = try guessWithoutMark(bytes, path: path)
        }
        let skip = mark?.encoding == encoding ? mark!.length : 0
        let body = UnsafeBufferPointer(rebasing: bytes[skip...])
        switch encoding {
        case "utf-16le", "utf-16be":
            return try decodeUTF16(body, bigEndian: encoding == "utf-16be", skipped: skip, path: path)
        case "gb18030", "gbk":
            return try decodeGB18030(body, name: encoding, skipped: skip, path: path)
        default:
            return try decodeUTF8(body, skipped: skip, path: path, forced: forced != nil)
        }
    }

    private struct ByteOrderMark {
        var encoding: String
        var length: Int

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                (encoding, length) = ("utf-8", 3)
            } else if bytes.starts(with: [0xFF, 0xFE]) {
                (encoding, length) = ("utf-16le", 2)
            } else if bytes.starts(with: [0xFE, 0xFF]) {
                (encoding, length) = ("utf-16be", 2)
            } else {
                return nil
            }
        }
    }

    /// NUL bytes never occur in UTF-8 or GB18030 text. In UTF-16 they are the high bytes of ASCII
    /// (line breaks, digits), all on one side of each code unit; anywhere else they mean binary data.
    private static func guessWithoutMark(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(ReadError) -> String {
        guard memchr(bytes.baseAddress!, 0, bytes.count) != nil else { return "utf-8" }
        var evenNulls = 0
        var oddNulls = 0
        for index in bytes.indices where bytes[index] == 0 {
            if index % 2 == 0 { evenNulls += 1 } else { oddNulls += 1 }
        }
        if bytes.count % 2 == 0 {
            // Characters like 开 (U+5F00) put a few NULs on the other side too.
            if oddNulls > 0, evenNulls * 3 < oddNulls { return "utf-16le" }
            if evenNulls > 0, oddNulls * 3 < evenNulls { return "utf-16be" }
        }
        throw .binary(path: path, kind: "binary data (NUL bytes)")
    }

    /// Whether a few bad bytes can be replaced with a warning instead of refusing the file.
    private static func tolerable(invalid: Int, of total: Int) -> Bool {
        invalid * 1000 <= total
    }

    private static func decodeUTF8(
        _ bytes: UnsafeBufferPointer<UInt8>, skipped: Int, path: String, forced: Bool
    ) throws(ReadError) -> Decoded {
        if UTF8Bytes.isValid(bytes) {
            let body = unifyingLineEndings(bytes).map(Body.converted) ?? .original(skip: skipped)
            return Decoded(body: body, encoding: "utf-8")
        }
        let scan = UTF8Scan(bytes)
        // In GB18030 text only a small share of multi-byte sequences happen to be valid UTF-8;
        // damaged UTF-8 is mostly valid.
        let looksLikeUTF8 = forced || scan.validMultibyte >= 2 * scan.invalid
        if looksLikeUTF8, tolerable(invalid: scan.invalid, of: bytes.count), scan.validMultibyte >= 10 * scan.invalid {
            let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
            return Decoded(
                body: .converted(repaired.withUnsafeBufferPointer(unifyingLineEndings) ?? repaired), encoding: "utf-8",
                warnings: [replacementWarning(path: path, count: scan.invalid, first: scan.firstInvalid + skipped, encoding: "utf-8")])
        }
        if looksLikeUTF8 { throw .invalidBytes(path: path, offset: scan.firstInvalid + skipped, encoding: "utf-8") }
        return try decodeGB18030(bytes, name: "gb18030", skipped: skipped, path: path)
    }

    private static func decodeGB18030(
        _ bytes: UnsafeBufferPointer<UInt8>, name: String, skipped: Int, path: String
    ) throws(ReadError) -> Decoded {
        // GBK and GB2312 are subsets of GB18030, which Glibc decodes more completely.
        guard let converter = IconvConverter(from: "GB18030", to: "UTF-8") else {
            throw .unknownEncoding(path: path, name: name)
        }
        let (output, failures) = converter.convert(bytes, replacingInvalid: true)
        var warnings: [String] = []
        if let first = failures.first {
            guard tolerable(invalid: failures.count, of: bytes.count) else {
                throw .invalidBytes(path: path, offset: first.offset + skipped, encoding: name)
            }
            warnings.append(replacementWarning(path: path, count: failures.count, first: first.offset + skipped, encoding: name))
        }
        let unified = output.withUnsafeBufferPointer(unifyingLineEndings) ?? output
        return Decoded(body: .converted(unified), encoding: name, warnings: warnings)
    }

    private static func decodeUTF16(
        _ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool, skipped: Int, path: String
    ) throws(ReadError) -> Decoded {
        let name = bigEndian ? "utf-16be" : "utf-16le"
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        var invalid = bytes.count % 2
        var firstInvalid = invalid == 1 ? bytes.count - 1 : Int.max
        var output = [UInt8]()
        output.reserveCapacity(bytes.count * 3 / 2)
        var unitIndex = 0
        var iterator = units.makeIterator()
        var decoder = UTF16()
        decodeLoop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                output.append(contentsOf: UTF8.encode(scalar)!)
                unitIndex += scalar.value > 0xFFFF ? 2 : 1
            case .emptyInput:
                break decodeLoop
            case .error:
                invalid += 1
                firstInvalid = min(firstInvalid, unitIndex * 2)
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                unitIndex += 1
            }
        }
        var warnings: [String] = []
        if invalid > 0 {
            guard tolerable(invalid: invalid, of: bytes.count) else {
                throw .invalidBytes(path: path, offset: firstInvalid + skipped, encoding: name)
            }
            warnings.append(replacementWarning(path: path, count: invalid, first: firstInvalid + skipped, encoding: name))
        }
        let unified = output.withUnsafeBufferPointer(unifyingLineEndings) ?? output
        return Decoded(body: .converted(unified), encoding: name, warnings: warnings)
    }

    private static func replacementWarning(path: String, count: Int, first: Int, encoding: String) -> String {
        "\(path): \(count) invalid \(encoding) byte sequence(s) replaced with U+FFFD, the first at byte offset \(first)"
    }

    /// CR LF and lone CR become LF; nil when there is no CR.
    private static func unifyingLineEndings(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let base = utf8.baseAddress, memchr(base, 0x0D, utf8.count) != nil else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(utf8.count)
        var previousWasCR = false
        for byte in utf8 {
            if byte == 0x0D {
                bytes.append(0x0A)
                previousWasCR = true
                continue
            }
            if !(byte == 0x0A && previousWasCR) { bytes.append(byte) }
            previousWasCR = false
        }
        return bytes
    }
}
