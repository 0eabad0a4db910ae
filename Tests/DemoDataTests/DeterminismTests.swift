import DemoData
import Foundation
import FundModel
import Testing

@Suite("Demo province: deterministic output")
struct DeterminismTests {
    private func write(_ options: DemoOptions, _ name: String) throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory(name)
        try DemoProvinceGenerator(options: options).generate(into: try CSVDirectorySink(directory: dir.path))
        return dir
    }

    private static let files = Table.allCases.map(\.fileName) + ["ground_truth.csv", "demo_manifest.json"]

    @Test("the same seed gives the same bytes in every file")
    func sameSeedSameBytes() throws {
        let options = DemoOptions(workers: 600, seed: 42)
        let a = try write(options, "a")
        let b = try write(options, "b")
        defer { a.remove(); b.remove() }
        for name in Self.files {
            #expect(try a.bytes(name) == b.bytes(name), "\(name) differs between two runs with seed 42")
        }
    }

    @Test("another seed gives another province")
    func otherSeedOtherProvince() throws {
        let a = try write(DemoOptions(workers: 600, seed: 42), "c")
        let b = try write(DemoOptions(workers: 600, seed: 43), "d")
        defer { a.remove(); b.remove() }
        #expect(try a.bytes("workers.csv") != b.bytes("workers.csv"))
        #expect(try a.bytes("payments.csv") != b.bytes("payments.csv"))
        // The layout (regions, statutory parameters) does not depend on the seed.
        #expect(try a.bytes("regions.csv") == b.bytes("regions.csv"))
        #expect(try a.bytes("parameters.csv") == b.bytes("parameters.csv"))
    }

    @Test("memory and files hold the same rows")
    func memoryMatchesFiles() throws {
        let options = DemoOptions(workers: 400, seed: 5)
        let dir = try write(options, "e")
        defer { dir.remove() }
        let (data, report) = try DemoProvinceGenerator.dataSet(options: options)
        let rows = CSVTestReader.rows(try dir.read("payments.csv")).dropFirst()
        #expect(rows.count == data.payments!.count)
        #expect(rows.first?.first == data.payments!.first?.paymentID)
        #expect(CSVTestReader.rows(try dir.read("workers.csv")).count - 1 == 400)
        #expect(try GroundTruth(csv: dir.read("ground_truth.csv")).keys == report.groundTruth.keys)
    }
}
