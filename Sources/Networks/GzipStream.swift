import CZlib

/// Inflates gzip data as a reader asks for it, so that reading stops where the reader does: a
/// small file that would inflate to gigabytes (a decompression bomb) costs only the bytes taken
/// from it. Concatenated gzip members read as one stream, as gunzip reads them.
final class GzipStream {
    struct Failure: Error {
        let reason: String
    }

    private let compressed: [UInt8]
    /// How many compressed bytes have been taken so far.
    private(set) var consumed = 0
    // zlib keeps a pointer back to its z_stream and refuses calls through a moved one, so the
    // stream lives at one address for the reader's lifetime.
    private let stream: UnsafeMutablePointer<z_stream>
    private var finished = false
    /// Whether the data ended inside a member, before its checksum: a cut file.
    private(set) var cutShort = false

    /// A reader of `compressed`, which starts with the gzip magic bytes.
    init(_ compressed: [UInt8]) throws(Failure) {
        guard compressed.count <= Int(UInt32.max) else { throw Failure(reason: "larger than zlib can take in one piece") }
        self.compressed = compressed
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15 + 16: the largest window, and a gzip wrapper rather than a zlib one.
        let status = inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate()
            throw Failure(reason: "zlib could not start inflating (status \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// The next `count` bytes, or fewer where the data ends.
    func read(_ count: Int) throws(Failure) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: count)
        var produced = 0
        while produced < count && !finished {
            let status = compressed.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress.map { $0 + consumed })
                    stream.pointee.avail_in = UInt32(input.count - consumed)
                    let chunk = min(count - produced, 1 << 30)
                    stream.pointee.next_out = out.baseAddress.map { $0 + produced }
                    stream.pointee.avail_out = UInt32(chunk)
                    let status = inflate(stream, Z_NO_FLUSH)
                    consumed = input.count - Int(stream.pointee.avail_in)
                    produced += chunk - Int(stream.pointee.avail_out)
                    return status
                }
            }
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                try nextMember()
            case Z_BUF_ERROR where consumed == compressed.count:
                (finished, cutShort) = (true, true)
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw Failure(reason: message)
            }
        }
        output.removeLast(count - produced)
        return output
    }

    /// After a member's end: the data ends, or another member follows.
    private func nextMember() throws(Failure) {
        guard consumed < compressed.count else {
            finished = true
            return
        }
        guard compressed.count - consumed >= 2 && compressed[consumed] == 0x1F && compressed[consumed + 1] == 0x8B else {
            throw Failure(reason: "\(compressed.count - consumed) bytes that are not gzip data follow the compressed stream")
        }
        inflateReset(stream)
    }
}
