import FundColumns
import FundModel
import GRDB

/// One provincial system (notice item 五 "信息系统内部流转", issue 10 point 5): the determination and assessment
/// registers are the truth of the cases and assessments they hold, and what screening, R10–R12 and the
/// entitlements read.
///
/// The imported tables keep every row as it was imported (nothing is overwritten); the data the other
/// layers read is the import with the register laid over it:
/// - a determination file (but one closed as 不予受理) gives its case: the register owns who, where,
///   the accident, the application, acceptance, the decision and fatality; the import keeps what the
///   register does not record (本人工资 `own_wage`, `third_party`, and the employer or description where
///   the register has none). A file with no imported row is a case of its own (without an own wage until
///   the production system sends one).
/// - an assessment file (but one terminated) gives its assessment, every field the register's.
/// Where an imported row disagrees with the register on a field the register owns, the register's value
/// is read and the difference is a `RegisterConflict`, listed in the import's summary.
struct RegisterOverlay: Sendable {
    /// The register's cases by case id.
    var cases: [String: InjuryCase] = [:]
    /// The register's assessments by assessment id.
    var assessments: [String: Assessment] = [:]

    var isEmpty: Bool { cases.isEmpty && assessments.isEmpty }

    /// The register files that stand for a case or an assessment.
    static func read(_ db: Database) throws -> RegisterOverlay {
        var overlay = RegisterOverlay()
        for body in try String.fetchAll(
            db, sql: "SELECT body FROM \(DeterminationFile.tableName) WHERE state <> ?",
            arguments: [DeterminationState.notAccepted.rawValue])
        {
            let file = try SQLiteFundStore.decode(DeterminationFile.self, body)
            overlay.cases[file.caseID] = file.injuryCase
        }
        for body in try String.fetchAll(
            db, sql: "SELECT body FROM \(AssessmentFile.tableName) WHERE state <> ?",
            arguments: [AssessmentState.terminated.rawValue])
        {
            let file = try SQLiteFundStore.decode(AssessmentFile.self, body)
            overlay.assessments[file.assessmentID] = file.assessment
        }
        return overlay
    }

    /// The case as the platform reads it: the register's fields over the imported row's.
    static func merged(imported: InjuryCase?, register: InjuryCase) -> InjuryCase {
        var merged = register
        guard let imported else { return merged }
        merged.ownWage = imported.ownWage
        merged.thirdParty = imported.thirdParty
        if merged.employerID == nil { merged.employerID = imported.employerID }
        if merged.description.isEmpty { merged.description = imported.description }
        return merged
    }

    /// The imported case with the register laid over it (unchanged when the register does not hold it).
    func apply(_ imported: InjuryCase) -> InjuryCase {
        cases[imported.caseID].map { Self.merged(imported: imported, register: $0) } ?? imported
    }

    /// The imported assessment, or the register's in its place.
    func apply(_ imported: Assessment) -> Assessment { assessments[imported.assessmentID] ?? imported }

    /// Lays the registers over the tables of a data set that were read: replaces the rows the registers
    /// hold and adds those they hold alone. A table that was not read (`nil`) stays unread unless asked
    /// for (`addCases`, `addAssessments`: the load wanted it, and the registers alone make the table).
    func apply(to data: inout DataSet, addCases: Bool, addAssessments: Bool) {
        if !cases.isEmpty, data.cases != nil || addCases {
            var rows = data.cases ?? []
            var seen = Set<String>()
            for index in rows.indices where cases[rows[index].caseID] != nil {
                seen.insert(rows[index].caseID)
                rows[index] = apply(rows[index])
            }
            for id in cases.keys.sorted() where !seen.contains(id) { rows.append(cases[id]!) }
            data.cases = rows
        }
        if !assessments.isEmpty, data.assessments != nil || addAssessments {
            var rows = data.assessments ?? []
            var seen = Set<String>()
            for index in rows.indices where assessments[rows[index].assessmentID] != nil {
                seen.insert(rows[index].assessmentID)
                rows[index] = assessments[rows[index].assessmentID]!
            }
            for id in assessments.keys.sorted() where !seen.contains(id) { rows.append(assessments[id]!) }
            data.assessments = rows
        }
    }

    // MARK: Conflicts

    /// Every field on which an imported row disagrees with the register that holds it.
    func conflicts(importedCases: [InjuryCase], importedAssessments: [Assessment]) -> [RegisterConflict] {
        var found: [RegisterConflict] = []
        for imported in importedCases {
            guard let register = cases[imported.caseID] else { continue }
            func check(_ field: String, _ a: String, _ b: String) {
                if a != b {
                    found.append(
                        RegisterConflict(
                            table: .injuryCases, id: imported.caseID, field: field, imported: a, register: b))
                }
            }
            check("worker_id", imported.workerID.raw, register.workerID.raw)
            if let employer = register.employerID { check("employer_id", imported.employerID ?? "", employer) }
            check("region_code", imported.regionCode.raw, register.regionCode.raw)
            check("accident_date", imported.accidentDate.iso, register.accidentDate.iso)
            check("kind", imported.kind.rawValue, register.kind.rawValue)
            check("applied_date", imported.appliedDate?.iso ?? "", register.appliedDate?.iso ?? "")
            check("applicant", imported.applicant?.rawValue ?? "", register.applicant?.rawValue ?? "")
            check("accepted_date", imported.acceptedDate?.iso ?? "", register.acceptedDate?.iso ?? "")
            check("decided_date", imported.decidedDate?.iso ?? "", register.decidedDate?.iso ?? "")
            check("decision", imported.decision.rawValue, register.decision.rawValue)
            check("fatal", imported.fatal ? "true" : "false", register.fatal ? "true" : "false")
        }
        for imported in importedAssessments {
            guard let register = assessments[imported.assessmentID] else { continue }
            func check(_ field: String, _ a: String, _ b: String) {
                if a != b {
                    found.append(
                        RegisterConflict(
                            table: .assessments, id: imported.assessmentID, field: field, imported: a, register: b))
                }
            }
            check("case_id", imported.caseID, register.caseID)
            check("worker_id", imported.workerID.raw, register.workerID.raw)
            check("kind", imported.kind.rawValue, register.kind.rawValue)
            check("applied_date", imported.appliedDate?.iso ?? "", register.appliedDate?.iso ?? "")
            check("concluded_date", imported.concludedDate?.iso ?? "", register.concludedDate?.iso ?? "")
            check("grade", imported.grade.map(String.init) ?? "", register.grade.map(String.init) ?? "")
            check("nursing", imported.nursing?.rawValue ?? "", register.nursing?.rawValue ?? "")
            check("region_code", imported.regionCode.raw, register.regionCode.raw)
        }
        return found
    }
}

/// A field on which an imported row disagrees with the register that holds the record: the register's
/// value is the one the platform reads, the imported one stays in its table for the record.
public struct RegisterConflict: Sendable, Hashable, CustomStringConvertible {
    public var table: FundModel.Table
    public var id: String
    public var field: String
    public var imported: String
    public var register: String

    public var description: String {
        "\(table.fileName) \(id) \(field): 导入值 imported \"\(imported)\" ≠ 台账 register \"\(register)\"（以台账为准 the register's value stands）"
    }
}
