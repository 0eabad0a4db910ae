import DemoData
import FundColumns
import FundModel

/// Provinces generated once and shared by the tests (generation takes a second or two in debug builds).
enum SmallProvince {
    /// A full province (every rule planted), in memory.
    static let full: (dataSet: DataSet, report: DemoReport, options: DemoOptions) = {
        let options = DemoOptions(workers: 3_000, seed: 11)
        let made = try! DemoProvinceGenerator.dataSet(options: options)
        return (made.dataSet, made.report, options)
    }()
}
