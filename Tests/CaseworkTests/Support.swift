import Foundation
import FundModel
import FundStore
import GRDB

@testable import Casework

/// A fresh store in a temporary directory, removed when released, with the interchange rows the registers read
/// (experts, institutions, agreements, employers, imported cases and assessments).
final class TestStore {
    let directory: String
    let store: SQLiteFundStore

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("casework-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try SQLiteFundStore(path: directory + "/fund.sqlite")
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// The casework over this store, with "today" fixed.
    func casework(today: Day = T.today) -> Casework { Casework(store: store, today: { today }) }

    func execute(_ sql: String, _ arguments: StatementArguments = []) throws {
        try store.databaseWriter.write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    func insert(_ expert: Expert) throws {
        try execute(
            "INSERT INTO experts (expert_id, name, specialty, institution_id, region_code) VALUES (?, ?, ?, ?, ?)",
            [expert.expertID, expert.name, expert.specialty, expert.institutionID, expert.regionCode.raw])
    }

    func insert(_ institution: Institution) throws {
        try execute(
            "INSERT INTO institutions (institution_id, name, kind, region_code, grade) VALUES (?, ?, ?, ?, ?)",
            [
                institution.institutionID, institution.name, institution.kind.rawValue, institution.regionCode.raw,
                institution.grade,
            ])
    }

    func insert(_ c: InjuryCase) throws {
        try execute(
            """
            INSERT INTO injury_cases (case_id, worker_id, employer_id, region_code, accident_date, kind, applied_date,
                applicant, accepted_date, decided_date, decision, fatal, own_wage, third_party, description)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, ?)
            """,
            [
                c.caseID, c.workerID.raw, c.employerID, c.regionCode.raw, Int64(c.accidentDate.ordinal),
                c.kind.rawValue,
                c.appliedDate.map { Int64($0.ordinal) }, c.applicant?.rawValue,
                c.acceptedDate.map { Int64($0.ordinal) },
                c.decidedDate.map { Int64($0.ordinal) }, c.decision.rawValue, c.fatal, c.description,
            ])
    }

    func insert(_ a: Assessment) throws {
        try execute(
            """
            INSERT INTO assessments (assessment_id, case_id, worker_id, kind, applied_date, concluded_date, grade,
                nursing, hospital_id, experts, region_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                a.assessmentID, a.caseID, a.workerID.raw, a.kind.rawValue, a.appliedDate.map { Int64($0.ordinal) },
                a.concludedDate.map { Int64($0.ordinal) }, a.grade, a.nursing?.rawValue, a.hospitalID,
                a.expertIDs.joined(separator: ";"), a.regionCode.raw,
            ])
    }

    /// Rows of a table, to check that a refused step wrote nothing.
    func count(_ table: String) throws -> Int {
        try store.databaseWriter.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")! }
    }
}

/// Fixed values of the tests.
enum T {
    static let today = day("2024-12-31")
    static let city = RegionCode("110100")!
    static let otherCity = RegionCode("110200")!
    static let province = RegionCode("110000")!
    /// Valid person ids (GB 11643 check characters computed by hand).
    static let worker = PersonID("11010519491231002X")!
    static let worker2 = PersonID("110101199001011237")!
    static let employer = "E1"
    static let hospital = "H1"

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static func act(_ iso: String, by actor: String = "王科员", reason: String? = nil) -> CaseworkAct {
        CaseworkAct(actor: actor, day: day(iso), reason: reason)
    }

    static func application(
        _ id: String = "GS-1", fatal: Bool = false, applicant: Applicant = .employer, accident: String = "2024-03-01",
        materials: [DeterminationMaterial] = DeterminationMaterial.allCases, region: RegionCode = city
    ) -> DeterminationApplication {
        DeterminationApplication(
            caseID: id, workerID: worker, employerID: employer, regionCode: region, kind: .injury,
            accidentDate: day(accident), fatal: fatal, applicant: applicant, materials: materials,
            description: "高处坠落")
    }

    static let recognized14_1 = DeterminationAction.decide(
        outcome: .recognized, basis: StatuteBasis(article: 14, item: 1), injuredParts: ["左手", "右腿"])

    /// The error a throwing call raised, as a `CaseworkError` (nil when it did not throw one).
    static func error(_ body: () throws -> Void) -> CaseworkError? {
        do {
            try body()
            return nil
        } catch let error as CaseworkError {
            return error
        } catch {
            return nil
        }
    }
}
