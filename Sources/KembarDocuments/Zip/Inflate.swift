import CZlib

/// Raw DEFLATE (the compression inside ZIP archives) with a ceiling on the output: an archive
/// that expands far beyond its size (a "zip bomb") is stopped as soon as it passes the ceiling,
/// before it can fill the memory of the server.
enum Inflate {
    enum Failure: Error, Equatable {
        case corrupt
        case exceeds(limit: Int)
    }

    static func raw(_ input: ArraySlice<UInt8>, limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let outcome: Failure? = input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            while true {
                var status: Int32 = Z_OK
                let produced = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return target.count - Int(stream.avail_out)
                }
                guard status == Z_OK || status == Z_STREAM_END else { return .corrupt }
                if output.count + produced > limit { return .exceeds(limit: limit) }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END { return nil }
                // No output and no input left: the stream ends before its end marker.
                if produced == 0 && stream.avail_in == 0 { return .corrupt }
            }
        }
        if let outcome { throw outcome }
        return output
    }

    /// The CRC-32 that ZIP stores for each entry.
    static func crc32(_ bytes: some Collection<UInt8>) -> UInt32 {
        var crc = CZlib.crc32(0, nil, 0)
        var array = Array(bytes)
        array.withUnsafeMutableBufferPointer { buffer in
            crc = CZlib.crc32(crc, buffer.baseAddress, UInt32(buffer.count))
        }
        return UInt32(crc)
    }
}

/// Raw DEFLATE for the ZIP archives Kembar writes (an XLSX is one).
enum Deflate {
    static func raw(_ input: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard
            deflateInit2_(
                &stream, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 64)
        var input = input
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        return Array(output.prefix(Int(stream.total_out)))
    }
}
