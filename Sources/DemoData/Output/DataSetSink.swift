import FundColumns
import FundModel

/// Keeps a demo province in memory as a `DataSet`, for tests and for screening without files.
///
/// Every table is present (possibly empty), as in a directory written by
/// `CSVDirectorySink`. Suited to provinces of a few thousand workers.
public final class DataSetSink: DemoSink {
    public private(set) var dataSet = DataSet()
    public private(set) var groundTruth = GroundTruth()
    public private(set) var manifest: DemoManifest?

    public init() {
        dataSet.parameters = []
        dataSet.employers = []
        dataSet.workers = []
        dataSet.wages = []
        dataSet.cases = []
        dataSet.assessments = []
        dataSet.experts = []
        dataSet.dependents = []
        dataSet.institutions = []
        dataSet.agreements = []
        dataSet.benefitItems = []
        dataSet.payments = []
        dataSet.fundLedger = []
        dataSet.deaths = []
        dataSet.medicalInsurance = []
        dataSet.pensions = []
        dataSet.healthVisits = []
        dataSet.trafficAccidents = []
        dataSet.imprisonments = []
        dataSet.calendar = []
    }

    public func write(_ record: DemoRecord) {
        switch record {
        case .region(let r): dataSet.regions.append(r)
        case .parameter(let r): dataSet.parameters!.append(r)
        case .employer(let r): dataSet.employers!.append(r)
        case .worker(let r): dataSet.workers!.append(r)
        case .wage(let r): dataSet.wages!.append(r)
        case .injuryCase(let r): dataSet.cases!.append(r)
        case .assessment(let r): dataSet.assessments!.append(r)
        case .expert(let r): dataSet.experts!.append(r)
        case .dependent(let r): dataSet.dependents!.append(r)
        case .institution(let r): dataSet.institutions!.append(r)
        case .agreement(let r): dataSet.agreements!.append(r)
        case .benefitItem(let r): dataSet.benefitItems!.append(r)
        case .payment(let r): dataSet.payments!.append(r)
        case .fundLedger(let r): dataSet.fundLedger!.append(r)
        case .death(let r): dataSet.deaths!.append(r)
        case .medicalInsurance(let r): dataSet.medicalInsurance!.append(r)
        case .pension(let r): dataSet.pensions!.append(r)
        case .healthVisit(let r): dataSet.healthVisits!.append(r)
        case .trafficAccident(let r): dataSet.trafficAccidents!.append(r)
        case .imprisonment(let r): dataSet.imprisonments!.append(r)
        case .calendarDay(let r): dataSet.calendar!.append(r)
        // The card register is not part of the screening data set (direct settlement reads it from the store).
        case .card: break
        }
    }

    public func finish(groundTruth: GroundTruth, manifest: DemoManifest) {
        self.groundTruth = groundTruth
        self.manifest = manifest
    }
}
