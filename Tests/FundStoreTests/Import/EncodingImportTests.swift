import Foundation
import FundModel
import Testing

@testable import FundStore

@Suite("CSV files in GB18030/GBK: detected, or named with --encoding")
struct EncodingImportTests {
    /// GB18030 bytes written by hand (not produced by the code under test):
    /// 某 C4 B3, 省 CA A1, 甲 BC D7, 市 CA D0, 张 D5 C5, 三 C8 FD.
    static let regionsGB18030: [UInt8] =
        Array("code,name,level,parent_code\n110000,".utf8) + [0xC4, 0xB3, 0xC4, 0xB3, 0xCA, 0xA1]
        + Array(",province,\n110100,".utf8) + [0xBC, 0xD7, 0xCA, 0xD0] + Array(",city,110000\n".utf8)

    static let workersGB18030: [UInt8] =
        Array("worker_id,name,gender,birth_date,employer_id,region_code,insured_since,insured_until\n".utf8)
        + Array("\(Fixture.worker1),".utf8) + [0xD5, 0xC5, 0xC8, 0xFD]
        + Array(",M,1949-12-31,E1,110100,2010-01-01,\n".utf8)

    @Test("a GB18030 file is detected and imported as the same text")
    func detected() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", bytes: Self.regionsGB18030)
        dir.write("workers.csv", bytes: Self.workersGB18030)
        let store = try dir.store()
        let summary = try Importer(store: store).importDirectory(dir.data)
        #expect(summary.rowsImported == 3)
        #expect(try store.regions().map(\.name) == ["某某省", "甲市"])
        #expect(try store.worker(id: PersonID(Fixture.worker1)!)?.name == "张三")
    }

    @Test("named with --encoding gb18030 (or gbk); a UTF-8 file is still read as UTF-8 when detected")
    func named() throws {
        #expect(SourceEncoding(name: "GBK") == .gb18030 && SourceEncoding(name: "utf8") == .utf8)
        #expect(SourceEncoding(name: "latin1") == nil)
        let dir = TemporaryDirectory()
        dir.write("regions.csv", bytes: Self.regionsGB18030)
        var options = ImportOptions()
        options.encoding = .gb18030
        let store = try dir.store()
        _ = try Importer(store: store).importDirectory(dir.data, options: options)
        #expect(try store.regions().map(\.name) == ["某某省", "甲市"])
        let utf8 = TemporaryDirectory()
        utf8.write("regions.csv", Fixture.regions)
        let other = try utf8.store()
        _ = try Importer(store: other).importDirectory(utf8.data)
        #expect(try other.regions().map(\.name) == ["某某省", "甲市"])
    }

    @Test("a byte sequence that is neither UTF-8 nor GB18030 is reported with its file and line")
    func badBytes() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        // Line 3: 0xFF is no lead byte in GB18030 (nor in UTF-8).
        dir.write(
            "workers.csv",
            bytes: Array(Self.workersGB18030) + Array("\(Fixture.worker2),".utf8) + [0xFF, 0xFE]
                + Array(",F,1990-01-01,E1,110100,2020-03-01,\n".utf8))
        let store = try dir.store()
        let error = try expectRejected(store, dir.data)
        #expect(error.issues.count == 1)
        let issue = try #require(error.issues.first)
        #expect(issue.file == "workers.csv" && issue.line == 3)
        #expect(issue.reason.contains("既不是 UTF-8 也不是 GB18030") && issue.reason.contains("FF FE"))
        #expect(try store.regions().isEmpty)  // nothing kept: the import is one transaction
        // A truncated two-byte character at the very end fails the same way.
        let cut = TemporaryDirectory()
        cut.write("regions.csv", bytes: Array("code,name,level,parent_code\n110000,".utf8) + [0xC4])
        let cutError = try expectRejected(cut.store(), cut.data)
        #expect(cutError.issues.first?.line == 2)
    }

    @Test("UTF-8 validation: ASCII, CJK, and the malformed forms")
    func utf8Validation() {
        func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { SourceText.isValidUTF8($0) } }
        #expect(valid(Array("plain ascii text, longer than eight bytes".utf8)))
        #expect(valid(Array("工伤保险基金 ok 😀".utf8)))
        #expect(!valid([0xBC, 0xD7, 0xCA, 0xD0]))  // GBK 甲市
        // Some GBK text is valid UTF-8 by chance (某 C4 B3 reads as U+0133): such a file needs --encoding.
        #expect(valid([0xC4, 0xB3]))
        #expect(!valid([0xC0, 0x80]))  // overlong
        #expect(!valid([0xED, 0xA0, 0x80]))  // a surrogate
        #expect(!valid([0xE5, 0xB7]))  // cut short
    }
}
