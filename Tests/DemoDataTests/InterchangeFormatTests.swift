import DemoData
import Foundation
import FundModel
import Testing

/// The files are exactly the interchange formats of docs/interchange.md.
@Suite("Demo province: interchange formats")
struct InterchangeFormatTests {
    /// Copied by hand from interchange.md, table by table.
    static let expected: [String: [String]] = [
        "regions.csv": ["code", "name", "level", "parent_code"],
        "parameters.csv": ["region_code", "year", "name", "value"],
        "employers.csv": ["employer_id", "name", "region_code", "industry_code", "risk_class", "insured_since"],
        "workers.csv": [
            "worker_id", "name", "gender", "birth_date", "employer_id", "region_code", "insured_since", "insured_until",
        ],
        "wages.csv": ["worker_id", "month", "wage"],
        "injury_cases.csv": [
            "case_id", "worker_id", "employer_id", "region_code", "accident_date", "kind", "applied_date", "applicant",
            "accepted_date", "decided_date", "decision", "fatal", "own_wage", "third_party", "description",
        ],
        "assessments.csv": [
            "assessment_id", "case_id", "worker_id", "kind", "applied_date", "concluded_date", "grade", "nursing",
            "hospital_id",
            "experts", "region_code",
        ],
        "experts.csv": ["expert_id", "name", "specialty", "institution_id", "region_code"],
        "dependents.csv": [
            "dependent_id", "case_id", "relation", "birth_date", "lone", "disabled", "start_date", "end_date",
        ],
        "institutions.csv": ["institution_id", "name", "kind", "region_code", "grade"],
        "agreements.csv": ["agreement_id", "institution_id", "services", "start_date", "end_date", "status"],
        "benefit_items.csv": ["item_code", "name", "payer", "basis", "status"],
        "payments.csv": [
            "payment_id", "case_id", "worker_id", "item_code", "amount", "paid_date", "period_start", "period_end",
            "institution_id", "invoice_no", "channel", "payee_account", "dependent_id", "region_code", "advance",
        ],
        "fund_ledger.csv": [
            "region_code", "month", "revenue", "benefit_expenditure", "prevention_expenditure",
            "assessment_expenditure",
            "other_expenditure", "balance",
        ],
        "ext_deaths.csv": ["person_id", "death_date", "source"],
        "ext_medical_insurance.csv": [
            "person_id", "institution_id", "admission_date", "discharge_date", "amount", "invoice_no",
        ],
        "ext_pensions.csv": ["person_id", "start_date", "monthly_amount"],
        "ext_health_visits.csv": ["person_id", "institution_id", "visit_date", "diagnosis"],
        "ext_traffic_accidents.csv": ["person_id", "accident_date", "liability"],
        "ext_imprisonments.csv": ["person_id", "start_date", "end_date"],
        "calendar.csv": ["date", "kind", "region_code"],
        "cards.csv": ["card_no", "person_id", "status", "issued_date", "ecard_token", "ecard_expires"],
        "ground_truth.csv": ["rule_id", "subject_type", "subject_id", "note"],
    ]

    @Test("every file has exactly the interchange columns, and every row as many cells")
    func columns() throws {
        let dir = try TemporaryDirectory("columns")
        defer { dir.remove() }
        try DemoProvinceGenerator(options: DemoOptions(workers: 3_000, seed: 2)).generate(
            into: try CSVDirectorySink(directory: dir.path))
        #expect(Set(Self.expected.keys) == Set(Table.allCases.map(\.fileName) + ["ground_truth.csv"]))
        for (name, header) in Self.expected {
            let rows = CSVTestReader.rows(try dir.read(name))
            #expect(rows.first == header, "\(name) header")
            #expect(rows.count > 1, "\(name) has no rows")
            for (line, row) in rows.enumerated() where row.count != header.count {
                Issue.record("\(name):\(line + 1) has \(row.count) cells, expected \(header.count)")
                break
            }
        }
    }

    @Test("cells use the interchange encodings: dates, months, money, booleans, codes")
    func encodings() throws {
        let dir = try TemporaryDirectory("encodings")
        defer { dir.remove() }
        try DemoProvinceGenerator(options: DemoOptions(workers: 800, seed: 3)).generate(
            into: try CSVDirectorySink(directory: dir.path))
        let payments = CSVTestReader.rows(try dir.read("payments.csv"))
        let header = payments[0]
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        for row in payments.dropFirst() {
            #expect(Day(iso: row[column("paid_date")]) != nil)
            #expect((try? Money(yuan: row[column("amount")])) != nil)
            #expect(
                row[column("amount")].split(separator: ".").last?.count == 2,
                "money with two decimals: \(row[column("amount")])")
            #expect(["true", "false"].contains(row[column("advance")]))
            #expect(["direct", "reimbursement", "bank"].contains(row[column("channel")]))
            #expect(RegionCode(row[column("region_code")]) != nil)
        }
        for row in CSVTestReader.rows(try dir.read("wages.csv")).dropFirst() { #expect(YearMonth(iso: row[1]) != nil) }
        for row in CSVTestReader.rows(try dir.read("employers.csv")).dropFirst() {
            #expect(row[0].count == 18 && CreditCodeCheck.isValid(row[0]), "credit code \(row[0])")
            #expect(("A"..."T").contains(row[3]))
            #expect((1...8).contains(Int(row[4]) ?? 0))
        }
        let manifest = try dir.read("demo_manifest.json")
        #expect(manifest.contains("\"as_of\": \"2026-09-30\""))
        #expect(manifest.contains("\"seed\": 3"))
        #expect(manifest.contains("\"workers\": 800"))
    }
}

/// GB 32100-2015 check character, typed from the standard for the test.
enum CreditCodeCheck {
    static func isValid(_ code: String) -> Bool {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        let chars = Array(code)
        var sum = 0
        for i in 0..<17 {
            guard let v = alphabet.firstIndex(of: chars[i]) else { return false }
            sum += v * weights[i]
        }
        let check = 31 - sum % 31
        return alphabet[check == 31 ? 0 : check] == chars[17]
    }
}
