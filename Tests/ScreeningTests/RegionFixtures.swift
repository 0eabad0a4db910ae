import FundModel
import Screening

/// Builders for the institution, assessment, shared-record and ledger tests (R16–R25, I01–I07).
extension Fixture {
    static func institution(
        _ id: String, kind: InstitutionKind = .medical, grade: String? = "三级甲等", region: RegionCode = city
    ) -> Institution {
        Institution(institutionID: id, name: "医院\(id)", kind: kind, regionCode: region, grade: grade)
    }

    static func assessment(
        _ id: String, caseID: String = "C1", worker: PersonID = person(1), kind: AssessmentKind = .initial,
        applied: String? = "2025-09-01", concluded: String? = "2025-10-01", grade: Int? = 8,
        hospital: String? = "H1", experts: [String] = [], region: RegionCode = city
    ) -> Assessment {
        Assessment(
            assessmentID: id, caseID: caseID, workerID: worker, kind: kind, appliedDate: applied.map(day),
            concludedDate: concluded.map(day), grade: grade, nursing: nil, hospitalID: hospital,
            expertIDs: experts, regionCode: region)
    }

    static func expert(_ id: String, institution: String? = nil, region: RegionCode = city) -> Expert {
        Expert(expertID: id, name: "专家\(id)", specialty: "骨科", institutionID: institution, regionCode: region)
    }

    /// A case of another employer than the fixture's `E1`.
    static func injuryCase(
        _ id: String, worker: PersonID = person(1), accident: String = "2025-06-01", employer: String
    )
        -> InjuryCase
    {
        var record = injuryCase(id, worker: worker, accident: accident)
        record.employerID = employer
        return record
    }

    static func month(_ iso: String) -> YearMonth { YearMonth(iso: iso)! }

    /// One region's ledger row for a month; amounts in yuan.
    static func ledger(
        _ region: RegionCode, _ month: String, revenue: String = "0", benefit: String = "0", prevention: String = "0",
        assessment: String = "0", other: String = "0", balance: String = "0"
    ) -> FundLedgerEntry {
        FundLedgerEntry(
            regionCode: region, month: Fixture.month(month), revenue: try! Money(yuan: revenue),
            benefitExpenditure: try! Money(yuan: benefit), preventionExpenditure: try! Money(yuan: prevention),
            assessmentExpenditure: try! Money(yuan: assessment), otherExpenditure: try! Money(yuan: other),
            balance: try! Money(yuan: balance))
    }

    /// The `count` months ending with `last` (`YYYY-MM`), oldest first.
    static func months(_ count: Int, endingWith last: String) -> [String] {
        let end = month(last)
        return (0..<count).map { end.adding(months: $0 - count + 1).iso }
    }

    static let thirdCity = RegionCode("320300")!
    static let fourthCity = RegionCode("320400")!

    /// The province with four cities.
    static let fourCities =
        regions + [
            Region(code: thirdCity, name: "丙市", level: .city, parentCode: province),
            Region(code: fourthCity, name: "丁市", level: .city, parentCode: province),
        ]
}

extension ScreeningReport {
    /// The figure of one indicator for a region and period.
    func indicator(_ id: String, _ region: RegionCode, _ period: IndicatorPeriod) -> IndicatorValue? {
        indicatorValues.first { $0.indicatorID == id && $0.regionCode == region && $0.period == period }
    }
}

extension Decimal4 {
    /// A figure written as in the docs, e.g. `"20.0001"`.
    static func of(_ text: String) -> Decimal4 { Decimal4(text)! }
}
