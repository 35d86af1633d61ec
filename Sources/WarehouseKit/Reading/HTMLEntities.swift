/// Character references in web pages: the named ones Chinese sites actually use, and numeric ones.
enum HTMLEntities {
    private static let named: [String: Unicode.Scalar] = [
        "nbsp": "\u{A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
        "shy": "\u{AD}", "middot": "·", "bull": "•", "hellip": "…", "mdash": "—", "ndash": "–",
        "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "laquo": "«", "raquo": "»",
        "lsaquo": "‹", "rsaquo": "›", "copy": "©", "reg": "®", "trade": "™", "deg": "°",
        "plusmn": "±", "times": "×", "divide": "÷", "yen": "¥", "cent": "¢", "pound": "£", "euro": "€",
        "sect": "§", "para": "¶", "permil": "‰", "prime": "′", "larr": "←", "rarr": "→",
        "uarr": "↑", "darr": "↓", "frac12": "½", "frac14": "¼", "frac34": "¾", "sup2": "²", "sup3": "³",
    ]

    /// Entities browsers accept without the closing semicolon, as old pages write them.
    private static let legacyWithoutSemicolon: Set<String> = ["nbsp", "amp", "lt", "gt", "quot", "copy", "reg"]

    /// Decodes the reference starting at `start` (which holds "&"): the scalar and the index after the reference.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (scalar: Unicode.Scalar, end: Int)? {
        var index = start + 1
        let limit = min(bytes.count, start + 34)
        if index < limit, bytes[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < limit && (bytes[index] | 0x20) == UInt8(ascii: "x")
            if hex { index += 1 }
            let digitsStart = index
            var value: UInt32 = 0
            while index < limit, let digit = digitValue(bytes[index], hex: hex) {
                value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < bytes.count, bytes[index] == UInt8(ascii: ";") { index += 1 }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (scalar ?? "\u{FFFD}", index)
        }
        let nameStart = index
        while index < limit, isASCIIAlphanumeric(bytes[index]) { index += 1 }
        guard index > nameStart else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]), as: UTF8.self)
        if index < bytes.count, bytes[index] == UInt8(ascii: ";") {
            return named[name].map { ($0, index + 1) }
        }
        return legacyWithoutSemicolon.contains(name) ? named[name].map { ($0, index) } : nil
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
