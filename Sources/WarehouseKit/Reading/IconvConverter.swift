import Glibc

/// Glibc's iconv for the encodings Foundation on Linux cannot decode (GB18030, GBK, GB2312).
final class IconvConverter {
    /// Where conversion stopped on bytes that are not valid in the source encoding.
    struct Failure: Equatable {
        /// Byte offset into the input.
        var offset: Int
    }

    private let handle: iconv_t

    /// nil when this system's iconv does not know one of the encodings.
    init?(from source: String, to target: String) {
        // iconv_open reports failure as (iconv_t)-1.
        guard let handle = iconv_open(target, source), Int(bitPattern: handle) != -1 else { return nil }
        self.handle = handle
    }

    deinit { iconv_close(handle) }

    /// Converts all of `input`; with `replacingInvalid`, each undecodable byte becomes `replacement`
    /// and the failures are all listed, otherwise conversion stops at the first one.
    func convert(
        _ input: UnsafeBufferPointer<UInt8>, replacingInvalid: Bool = false, replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
    ) -> (output: [UInt8], failures: [Failure]) {
        iconv(handle, nil, nil, nil, nil)
        guard let base = input.baseAddress, !input.isEmpty else { return ([], []) }
        // GB18030 to UTF-8 grows at most 3:2; a margin covers the replacement characters.
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var failures: [Failure] = []
        var written = 0
        var consumed = 0
        while consumed < input.count {
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base + consumed)
                .assumingMemoryBound(to: CChar.self)
            var inLeft = input.count - consumed
            let (result, outLeft, code) = output.withUnsafeMutableBytes { raw -> (Int, Int, Int32) in
                var outPointer: UnsafeMutablePointer<CChar>? = (raw.baseAddress! + written).assumingMemoryBound(to: CChar.self)
                var outLeft = raw.count - written
                let result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                return (result, outLeft, result == -1 ? errno : 0)
            }
            written = output.count - outLeft
            consumed = input.count - inLeft
            guard result == -1 else { break }
            if code == E2BIG {
                output.append(contentsOf: repeatElement(0, count: output.count))
                continue
            }
            // EILSEQ (invalid sequence) or EINVAL (truncated at the end).
            failures.append(Failure(offset: consumed))
            guard replacingInvalid else { break }
            if written + replacement.count > output.count {
                output.append(contentsOf: repeatElement(0, count: replacement.count + output.count))
            }
            output.replaceSubrange(written..<(written + replacement.count), with: replacement)
            written += replacement.count
            consumed += 1
            iconv(handle, nil, nil, nil, nil)
        }
        output.removeSubrange(written...)
        return (output, failures)
    }

    func convert(_ input: [UInt8]) -> (output: [UInt8], failure: Failure?) {
        let (output, failures) = input.withUnsafeBufferPointer { convert($0) }
        return (output, failures.first)
    }
}
