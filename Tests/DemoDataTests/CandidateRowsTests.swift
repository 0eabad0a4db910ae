import DemoData
import FundModel
import Testing

@testable import Screening

/// The payment rules' batch loop skips rows by `candidateRows` before building their facts; that
/// filter must only restate what `check` requires. On the demo province, each rule run with the filter
/// must find exactly what it finds checking every row.
@Suite("Payment rules: the batch run's row filter never hides a finding")
struct CandidateRowsTests {
    @Test("each rule with a row filter finds the same with it as checking every row")
    func filterHidesNothing() throws {
        let options = DemoOptions(workers: 3_000, seed: 4)
        let (data, _) = try DemoProvinceGenerator.dataSet(options: options)
        let snapshot = Snapshot(data)
        let rules: [any PaymentRule] = [
            R05PaymentAfterDeath(), R06DisabilityAndPension(), R07MedicalInsuranceDuplicate(),
            R09NonContractedInstitution(), R11NoDetermination(),
        ]
        // R15 rev. 2 has no row filter any more: a DEPENDANT without dependent_id fires too.
        for rule in rules {
            #expect(rule.candidateRows(in: snapshot) != nil, "\(rule.spec.id) has no row filter")
            let (filtered, everyRow) = Self.bothWays(rule, snapshot, asOf: options.asOf)
            #expect(filtered == everyRow, "\(rule.spec.id)")
            // Each rule fires in the demo province, so the comparison is not empty-handed.
            #expect(!filtered.isEmpty, "\(rule.spec.id) found nothing")
        }
    }

    static func bothWays<Rule: PaymentRule>(_ rule: Rule, _ snapshot: Snapshot, asOf: Day) -> ([String], [String]) {
        let context = RuleContext(snapshot: snapshot, asOf: asOf, configuration: .default, spec: rule.spec)
        func keys(_ output: RuleOutput) -> [String] {
            output.findings.map { "\($0.subjectID)|\($0.severity)|\($0.detail)" }
        }
        return (
            keys(rule.run(context, usingCandidateRows: true)), keys(rule.run(context, usingCandidateRows: false))
        )
    }
}
