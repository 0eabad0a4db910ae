import FundColumns
import FundModel
import Screening

/// Small builders for in-memory data sets: a province 320000 with two cities.
enum Fixture {
    static let province = RegionCode("320000")!
    static let city = RegionCode("320100")!
    static let otherCity = RegionCode("320200")!

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// A valid person id (correct check character), distinct for each `n`.
    static func person(_ n: Int, born: String = "19800101") -> PersonID {
        let serial = String(n % 1000)
        let padded = String(repeating: "0", count: 3 - serial.count) + serial
        return PersonID.withCheckCharacter("320102" + born + padded)!
    }

    /// The same id with a wrong check character.
    static func invalidPerson(_ n: Int) -> PersonID {
        let valid = person(n).raw
        let wrong: Character = valid.last == "1" ? "2" : "1"
        return PersonID(String(valid.dropLast()) + String(wrong))!
    }

    static let regions = [
        Region(code: province, name: "某某省", level: .province, parentCode: nil),
        Region(code: city, name: "甲市", level: .city, parentCode: province),
        Region(code: otherCity, name: "乙市", level: .city, parentCode: province),
    ]

    static func payment(
        _ id: String, worker: PersonID = person(1), item: String = "MED", yuan: String = "100",
        paid: String = "2026-03-10", start: String? = nil, end: String? = nil, caseID: String? = "C1",
        institution: String? = nil, invoice: String? = nil, channel: Channel? = .direct, account: String? = nil,
        dependent: PersonID? = nil, region: RegionCode = city, advance: Bool = false
    ) -> Payment {
        Payment(
            paymentID: id, caseID: caseID, workerID: worker, itemCode: item, amount: try! Money(yuan: yuan),
            paidDate: day(paid), periodStart: start.map(day), periodEnd: end.map(day), institutionID: institution,
            invoiceNo: invoice, channel: channel, payeeAccount: account, dependentID: dependent, regionCode: region,
            advance: advance)
    }

    static func worker(
        _ id: PersonID, name: String = "张三", region: RegionCode = city, insuredSince: String? = "2020-01-01",
        insuredUntil: String? = nil
    ) -> Worker {
        Worker(
            workerID: id, name: name, gender: .male, birthDate: day("1980-01-01"), employerID: "E1", regionCode: region,
            insuredSince: insuredSince.map(day), insuredUntil: insuredUntil.map(day))
    }

    static func injuryCase(
        _ id: String, worker: PersonID = person(1), accident: String = "2025-06-01", decision: Decision = .recognized,
        applied: String? = "2025-06-10", applicant: Applicant? = .employer, accepted: String? = "2025-06-12",
        decided: String? = "2025-07-01", fatal: Bool = false, ownWage: String? = "6000", region: RegionCode = city
    ) -> InjuryCase {
        InjuryCase(
            caseID: id, workerID: worker, employerID: "E1", regionCode: region, accidentDate: day(accident),
            kind: .injury, appliedDate: applied.map(day), applicant: applicant, acceptedDate: accepted.map(day),
            decidedDate: decided.map(day), decision: decision, fatal: fatal,
            ownWage: ownWage.map { try! Money(yuan: $0) }, thirdParty: false, description: "")
    }

    /// A data set with the regions and the given tables (others missing).
    static func dataSet(
        payments: [Payment]? = nil, workers: [Worker]? = nil, cases: [InjuryCase]? = nil,
        configure: (inout DataSet) -> Void = { _ in }
    ) -> DataSet {
        var data = DataSet()
        data.regions = regions
        data.payments = payments
        data.workers = workers
        data.cases = cases
        configure(&data)
        return data
    }

    static func yaml(_ text: String) -> RulesConfiguration {
        do {
            return try RulesConfiguration(yaml: text)
        } catch {
            preconditionFailure("test configuration invalid: \(error)")
        }
    }
}

/// Runs the engine on a data set with the given rules selected.
func screen(
    _ data: DataSet, _ rules: [String], asOf: String = "2026-09-30",
    configuration: RulesConfiguration = .default
) async -> ScreeningReport {
    let engine = ScreeningEngine(configuration: configuration)
    return await engine.run(Snapshot(data), asOf: Fixture.day(asOf), only: Set(rules))
}

extension ScreeningReport {
    /// `subject_id → severity` of one rule's findings.
    func severities(_ ruleID: String) -> [String: Severity] {
        Dictionary(findings(of: ruleID).map { ($0.subjectID, $0.severity) }, uniquingKeysWith: { a, _ in a })
    }
}

/// Checks a payment in real time against a snapshot built without it, and compares with the batch run on a
/// snapshot that includes it: the two must give the same findings for that payment.
func realTimeAgreesWithBatch(
    _ data: DataSet, candidate: Payment, rule: String, asOf: String = "2026-09-30",
    configuration: RulesConfiguration = .default
) async -> (realTime: [Finding], batch: [Finding]) {
    let engine = ScreeningEngine(configuration: configuration)
    let realTime = engine.check(payment: candidate, in: Snapshot(data), asOf: Fixture.day(asOf))
        .filter { $0.ruleID == rule }
    var withCandidate = data
    withCandidate.payments = (data.payments ?? []) + [candidate]
    let report = await engine.run(Snapshot(withCandidate), asOf: Fixture.day(asOf), only: [rule])
    let batch = report.findings(of: rule).filter {
        $0.subjectID == candidate.paymentID || $0.evidence.contains(candidate.paymentID)
    }
    return (realTime, batch)
}

extension Fixture {
    static func death(_ person: PersonID, _ date: String, source: String? = "公安") -> DeathRecord {
        DeathRecord(personID: person, deathDate: day(date), source: source)
    }

    static func agreement(
        _ id: String, institution: String, services: [InstitutionKind] = [.medical], start: String = "2025-01-01",
        end: String = "2026-12-31", status: AgreementStatus = .active
    ) -> Agreement {
        Agreement(
            agreementID: id, institutionID: institution, services: services, startDate: day(start), endDate: day(end),
            status: status)
    }

    static func dependent(
        _ id: PersonID, caseID: String = "C1", relation: Relation = .child, birth: String? = nil,
        disabled: Bool = false,
        end: String? = nil
    ) -> Dependent {
        Dependent(
            dependentID: id, caseID: caseID, relation: relation, birthDate: birth.map(day), lone: false,
            disabled: disabled, startDate: day("2024-01-01"), endDate: end.map(day))
    }
}
