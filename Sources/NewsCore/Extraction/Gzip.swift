/// Decompresses `.gz` files with a cap on the decompressed size. (First version: not supported yet.)
package enum Gzip {
    /// The decompressed bytes.
    ///
    /// - Throws: `ExtractionError` when the data is not gzip, is truncated, or expands beyond `limit` bytes.
    package static func decompress(_ bytes: [UInt8], limit: Int) throws(ExtractionError) -> [UInt8] {
        throw .unsupportedFormat(extension: "gz")
    }
}
