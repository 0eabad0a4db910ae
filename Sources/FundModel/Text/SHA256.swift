import Crypto

/// SHA-256 (FIPS 180-4) as the project uses it: 64 lower-case hex digits. The console stores session tokens and
/// API keys by their hash and checksums evidence files with it; `Finding.stableID` derives the opaque ids of
/// findings about people from it; the audit log chains its entries with it.
///
/// The digest itself is swift-crypto's (issue 12: well-kept libraries where the project had written its own;
/// swift-crypto was already in the build through the server's dependencies). Only the hex form is here, so that
/// every caller writes and compares hashes the same way. `SHA256Tests` checks it against the FIPS examples.
public enum SHA256 {
    /// The 32-byte digest.
    public static func digest(_ message: some Collection<UInt8>) -> [UInt8] {
        Array(Crypto.SHA256.hash(data: Array(message)))
    }

    /// The digest as 64 lower-case hex digits.
    public static func hex(_ message: some Collection<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in Crypto.SHA256.hash(data: Array(message)) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func hex(_ text: String) -> String { hex(Array(text.utf8)) }
}
