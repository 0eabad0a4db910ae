/// The fuzz target compiles FundModel's sources into one module without swift-crypto (a sanitized build of
/// BoringSSL is not worth it here): FundModel's `SHA256` is left out and this stands in. Nothing the target
/// runs — the CSV reader and the cell parsers — hashes; were it to, the run would stop here, loudly.
enum SHA256 {
    static func digest(_ message: some Collection<UInt8>) -> [UInt8] {
        fatalError("SHA-256 is not part of the CSV fuzz target")
    }

    static func hex(_ message: some Collection<UInt8>) -> String {
        fatalError("SHA-256 is not part of the CSV fuzz target")
    }

    static func hex(_ text: String) -> String { hex(Array(text.utf8)) }
}
