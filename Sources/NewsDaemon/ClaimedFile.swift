import NewsCore
import NewsStore
import SystemPackage

/// A file the daemon has taken responsibility for: renamed into the processing area (or, for `ingest`, read where
/// it lies).
struct ClaimedFile: Sendable {
    var claim: ClaimName
    /// Where the bytes are now.
    var currentPath: FilePath
    /// Where it was dropped.
    var originalPath: FilePath
    /// Seconds since the epoch when the daemon claimed it.
    var claimedAt: Double
    /// True for `newsdigest ingest`: the file stays where it is and is never moved.
    var inPlace: Bool
}

/// What reading and extracting a claimed file produced.
enum WorkResult: Sendable {
    /// A new article, with its `ClusterFeatures.encoded()` computed beside the extraction, off the apply queue.
    case article(Article, features: [UInt8], size: Int64, modifiedAtNs: Int64?)
    /// Identical content is already recorded; extraction was skipped.
    case knownContent(sha256: String, size: Int64, modifiedAtNs: Int64?)
    /// Already taken in by an earlier `ingest` of the same path.
    case alreadyIngested
    case failed(reason: String, size: Int64, sha256: String?)
    /// The file disappeared before it could be read.
    case vanished
}
