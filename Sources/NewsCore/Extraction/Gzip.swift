import CZlib

/// Decompresses `.gz` files with a cap on the decompressed size.
///
/// The cap is what makes a small hostile file harmless: inflation stops as soon as the output passes `limit`,
/// so a few kilobytes that would expand to gigabytes cost only `limit` bytes of memory and the time to produce them.
package enum Gzip {
    /// The decompressed bytes of a gzip file (several concatenated members are read as one stream, like `gzip -d`).
    ///
    /// - Parameters:
    ///   - bytes: The compressed file.
    ///   - limit: The most bytes the output may hold.
    /// - Throws: `ExtractionError.emptyDocument` for no bytes, `.corruptCompressedData` when the data is not gzip,
    ///   is truncated or fails its CRC, and `.decompressedTooLarge` when it expands beyond `limit` bytes.
    package static func decompress(_ bytes: [UInt8], limit: Int) throws(ExtractionError) -> [UInt8] {
        guard !bytes.isEmpty else { throw .emptyDocument }
        guard bytes.count >= 18, bytes[0] == 0x1F, bytes[1] == 0x8B else { throw .corruptCompressedData }
        var stream = z_stream()
        // 15 + 16 reads gzip only (not raw zlib); `inflateInit2` is a macro Swift cannot import.
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corruptCompressedData
        }
        defer { inflateEnd(&stream) }

        var output: [UInt8] = []
        output.reserveCapacity(min(limit, bytes.count * 4))
        let chunkSize = 64 * 1024
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var result: Result<Void, ExtractionError> = .success(())
        bytes.withUnsafeBufferPointer { input in
            // zlib's `next_in` is not const; it never writes through it.
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            chunk.withUnsafeMutableBufferPointer { buffer in
                while true {
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(chunkSize)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    let produced = chunkSize - Int(stream.avail_out)
                    if output.count + produced > limit {
                        result = .failure(.decompressedTooLarge(limit: limit))
                        return
                    }
                    output.append(contentsOf: buffer[0..<produced])
                    switch status {
                    case Z_OK:
                        continue
                    case Z_STREAM_END:
                        // Another member may follow; anything else after the end is padding, which gzip ignores.
                        let rest = Int(stream.avail_in)
                        let start = input.count - rest
                        guard rest >= 2, input[start] == 0x1F, input[start + 1] == 0x8B,
                            inflateReset(&stream) == Z_OK
                        else { return }
                    case Z_BUF_ERROR where stream.avail_in == 0:
                        // Out of input before the end of the stream: the file was cut short.
                        result = .failure(.corruptCompressedData)
                        return
                    case Z_BUF_ERROR:
                        continue
                    default:
                        result = .failure(.corruptCompressedData)
                        return
                    }
                }
            }
        }
        try result.get()
        return output
    }
}
