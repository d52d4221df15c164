import CIconv
import CLibXML2
import CStemmer
import CZlib

/// Checks at build time that the parser libraries link; each reader uses its module directly.
enum FormatProbe {
    static func versions() -> (zlib: String, libxml: Int32, stemmers: Bool) {
        let stemmer = sb_stemmer_new("english", nil)
        defer { if let stemmer { sb_stemmer_delete(stemmer) } }
        let converter = iconv_open("UTF-8", "ISO-8859-1")
        if converter != iconv_t(bitPattern: -1) { iconv_close(converter) }
        return (String(cString: zlibVersion()), LIBXML_VERSION, stemmer != nil)
    }
}
