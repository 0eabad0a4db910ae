import DemoData
import FundColumns
import FundModel
import FundRules
import Testing

@Suite("Demo province: content")
struct DemoContentTests {
    var data: DataSet { SmallProvince.full.dataSet }
    var truth: GroundTruth { SmallProvince.full.report.groundTruth }

    @Test("every person id is valid, except the DQ01 plants")
    func personIDs() {
        let planted = Set(truth.rows(for: "DQ01").map(\.subjectID))
        #expect(planted.count == 4, "three workers and a dependant")
        var ids: [PersonID] = data.workers!.map(\.workerID) + data.dependents!.map(\.dependentID)
        ids += data.payments!.map(\.workerID) + data.payments!.compactMap(\.dependentID)
        ids += data.cases!.map(\.workerID) + data.assessments!.map(\.workerID) + data.wages!.map(\.workerID)
        ids += data.deaths!.map(\.personID) + data.medicalInsurance!.map(\.personID) + data.pensions!.map(\.personID)
        ids +=
            data.healthVisits!.map(\.personID) + data.trafficAccidents!.map(\.personID)
            + data.imprisonments!.map(\.personID)
        let invalid = Set(ids.filter { !$0.hasValidCheckCharacter }.map(\.raw))
        #expect(invalid == planted)
        #expect(Set(data.workers!.map(\.workerID)).count == data.workers!.count, "worker ids are unique")
        // The id's embedded birth date is the worker's.
        for w in data.workers! { #expect(w.workerID.embeddedBirthDate == w.birthDate) }
    }

    @Test("every ground-truth row names a record that exists")
    func groundTruthRecordsExist() {
        let payments = Set(data.payments!.map(\.paymentID))
        let workers = Set(data.workers!.map(\.workerID.raw))
        let cases = Set(data.cases!.map(\.caseID))
        let assessments = Set(data.assessments!.map(\.assessmentID))
        let institutions = Set(data.institutions!.map(\.institutionID))
        let experts = Set(data.experts!.map(\.expertID))
        let accounts = Set(data.payments!.compactMap(\.payeeAccount))
        let regions = Set(data.regions.map(\.code.raw))
        let dependants = Set(data.dependents!.map(\.dependentID.raw))
        #expect(truth.rows.count >= 80)
        for row in truth.rows {
            let exists =
                switch row.subjectType {
                case .payment: payments.contains(row.subjectID)
                case .worker: workers.contains(row.subjectID)
                case .case: cases.contains(row.subjectID)
                case .assessment: assessments.contains(row.subjectID)
                case .institution: institutions.contains(row.subjectID)
                case .expert: experts.contains(row.subjectID)
                case .account: accounts.contains(row.subjectID)
                case .region: regions.contains(row.subjectID)
                case .dependent: dependants.contains(row.subjectID)
                default: false
                }
            #expect(exists, "\(row.ruleID) \(row.subjectType.rawValue) \(row.subjectID) does not exist")
            #expect(!row.note.isEmpty)
        }
        #expect(Set(truth.rows.map(\.key)).count == truth.rows.count, "no row twice")
    }

    @Test("every rule and indicator is planted, with the subject type of the conventions")
    func everyRulePlanted() {
        let subjects: [String: Set<SubjectType>] = [
            "DQ01": [.worker, .dependent], "R04": [.worker], "R13": [.case], "R16": [.institution],
            "R17": [.institution, .expert],
            "R18": [.assessment, .expert], "R19": [.account], "R20": [.case], "R21": [.case], "R22": [.assessment],
            "R23": [.case], "R25": [.case], "R27": [.case],
        ]
        var rules = ["DQ01"] + (1...27).map { $0 < 10 ? "R0\($0)" : "R\($0)" }
        rules += (1...7).map { "I0\($0)" }
        for rule in rules {
            let rows = truth.rows(for: rule)
            #expect(!rows.isEmpty, "\(rule) has no plant")
            let allowed = subjects[rule] ?? (rule.hasPrefix("I") ? [.region] : [.payment])
            for row in rows { #expect(allowed.contains(row.subjectType), "\(rule) on \(row.subjectType.rawValue)") }
        }
        #expect(Set(truth.rows(for: "R17").map(\.subjectType)) == [.institution, .expert])
        #expect(Set(truth.rows(for: "R18").map(\.subjectType)) == [.assessment, .expert])
        #expect(Set(truth.rows(for: "DQ01").map(\.subjectType)) == [.worker, .dependent])
    }

    /// The date of death of a case's worker (rules.md §5 rev. 2): the earliest ext_deaths row.
    private func deathYear(_ c: InjuryCase) -> Int {
        data.deaths!.filter { $0.personID == c.workerID }.map(\.deathDate).min()!.year
    }

    /// The death grant is 20 × the national urban disposable income of the row of the year of death (rev. 2):
    /// the figures of domain.md §G, typed here by hand.
    @Test("death grants are the statutory figures of domain.md §G")
    func deathGrants() {
        let grant: [Int: Int64] = [2021: 876_680, 2022: 948_240, 2023: 985_660, 2024: 1_036_420, 2025: 1_083_760]
        let planted = Set(truth.rows(for: "R10").map(\.subjectID))
        let cases = Dictionary(uniqueKeysWithValues: data.cases!.map { ($0.caseID, $0) })
        let lumps = data.payments!.filter { $0.itemCode == "DEATH_LUMP" && !planted.contains($0.paymentID) }
        #expect(!lumps.isEmpty)
        for p in lumps {
            let year = deathYear(cases[p.caseID!]!)
            if let expected = grant[year] { #expect(p.amount == Money(yuan: expected), "\(p.paymentID) of \(year)") }
        }
    }

    /// Funeral grant: six months of the city's average wage of the year of death (rev. 2), read from
    /// parameters.csv.
    @Test("funeral grants are six months of the average wage of the year of death")
    func funeralGrants() {
        let planted = Set(truth.rows(for: "R10").map(\.subjectID))
        let cases = Dictionary(uniqueKeysWithValues: data.cases!.map { ($0.caseID, $0) })
        var wage: [String: Money] = [:]
        for p in data.parameters! where p.name == "avg_monthly_wage" {
            wage["\(p.regionCode.raw)|\(p.year)"] = p.value.money
        }
        let funerals = data.payments!.filter { $0.itemCode == "FUNERAL" && !planted.contains($0.paymentID) }
        #expect(!funerals.isEmpty)
        for p in funerals {
            let c = cases[p.caseID!]!
            #expect(p.amount == wage["\(c.regionCode.raw)|\(deathYear(c))"]! * 6)
        }
    }

    /// Rev. 2: the province's 条例 40 adjustments and pooling level are in parameters.csv, and every fatal
    /// case's dependants are eligible under 供养亲属范围规定 art. 3 (the R15 plants aside).
    @Test("adjustments, pooling and eligible dependants")
    func revisionTwoBackground() {
        let names = Set(data.parameters!.filter { $0.regionCode.raw == "390000" }.map(\.name))
        #expect(names.isSuperset(of: ["adjust_ratio", "adjust_amount", "pooling"]))
        for p in data.parameters! where p.name == "adjust_ratio" {
            #expect(p.value >= Decimal4(tenThousandths: 300) && p.value <= Decimal4(tenThousandths: 500))
        }
        let planted = Set(truth.rows(for: "R15").map(\.subjectID))
        var paid = 0
        for p in data.payments! where p.itemCode == "DEPENDANT" && !planted.contains(p.paymentID) {
            let d = data.dependents!.first { $0.dependentID == p.dependentID && $0.caseID == p.caseID }
            #expect(d != nil, "\(p.paymentID) names no dependant of its case")
            if let d {
                #expect(
                    DependantEligibility.firstIneligibleMonth(
                        of: d, periodStart: p.periodStart, periodEnd: p.periodEnd, serviceDate: p.serviceDate) == nil,
                    "\(p.paymentID) pays an ineligible dependant")
            }
            paid += 1
        }
        #expect(paid > 50)
        // Two rows of ext_pensions for a worker paid the top-up (a change of the amount).
        let topped = Set(data.payments!.filter { $0.itemCode == "PENSION_TOPUP" }.map(\.workerID))
        let rows = Dictionary(grouping: data.pensions!.filter { topped.contains($0.personID) }, by: \.personID)
        #expect(rows.values.contains { $0.count == 2 })
    }

    /// Every statutory item that is not a planted R10, R02, R12 or R15 (nor a reversal) equals the entitlement
    /// calculator's amount exactly: for a monthly item, the sum of each month's own amount (rev. 2).
    @Test("statutory items equal the entitlement calculator's amounts")
    func statutoryAmounts() throws {
        let planted = Set(truth.rows.filter { ["R10", "R02", "R12", "R15"].contains($0.ruleID) }.map(\.subjectID))
        let items = ItemList(provincialRows: data.benefitItems!)
        let calculator = EntitlementCalculator(
            parameters: ParameterTable(parameters: data.parameters!, regions: data.regions), items: items)
        let cases = Dictionary(uniqueKeysWithValues: data.cases!.map { ($0.caseID, $0) })
        let assessments = Dictionary(grouping: data.assessments!, by: \.caseID)
        let dependants = Dictionary(grouping: data.dependents!, by: \.caseID)
        let pensions = Dictionary(grouping: data.pensions!, by: \.personID)
        var deaths: [PersonID: Day] = [:]
        for d in data.deaths! { deaths[d.personID] = min(deaths[d.personID] ?? d.deathDate, d.deathDate) }
        var checked: [String: Int] = [:]
        for p in data.payments!
        where ItemCode.withStatutoryAmount.contains(p.itemCode) && !planted.contains(p.paymentID) && p.amount > .zero {
            let c = try #require(cases[p.caseID ?? ""], "\(p.paymentID) has no case")
            let latest = CaseFacts.latestConcludedAssessment(
                of: c.caseID, in: assessments[c.caseID] ?? [], before: p.serviceDate)
            let facts = CaseFacts(
                case: c, latestAssessment: latest, dependents: dependants[c.caseID] ?? [],
                deathDate: deaths[c.workerID],
                pensions: pensions[c.workerID] ?? [])
            let first = (p.periodStart ?? p.serviceDate).yearMonth
            let last = items.item(p.itemCode)?.paidAs == .monthly ? p.periodEnd!.yearMonth : first
            let amount = try #require(
                try calculator.statutoryAmount(
                    itemCode: p.itemCode, facts: facts, dependentID: p.dependentID, months: first, through: last),
                "\(p.paymentID) \(p.itemCode) has no statutory amount")
            #expect(p.amount == amount, "\(p.paymentID) \(p.itemCode) \(p.amount) ≠ \(amount) (\(first)…\(last))")
            checked[p.itemCode, default: 0] += 1
        }
        for item in [
            "DISABILITY_LUMP", "DISABILITY_MONTHLY", "NURSING", "MEDICAL_LUMP", "FUNERAL", "DEATH_LUMP", "DEPENDANT",
            "PENSION_TOPUP",
        ] {
            #expect((checked[item] ?? 0) > 0, "no \(item) payment was checked")
        }
    }

    /// Rev. 2: the look-alikes that must not fire are there (a hospital bill and a month of allowance each
    /// reversed and paid again), and monthly benefits change from one year to the next (条例 34, 40).
    @Test("reversed and reissued payments; monthly amounts that follow the year")
    func lookAlikesAndLaterYears() {
        let payments = data.payments!
        for item in ["MED", "DISABILITY_MONTHLY"] {
            let reversals = payments.filter { $0.itemCode == item && $0.amount < .zero }
            #expect(reversals.count == 1, "one \(item) reversal")
            for reversal in reversals {
                let paid = payments.filter {
                    $0.caseID == reversal.caseID && $0.itemCode == item && $0.amount == -reversal.amount
                        && $0.periodStart == reversal.periodStart && $0.invoiceNo == reversal.invoiceNo
                }
                #expect(paid.count == 2, "\(item): the payment reversed and the one paid again")
                #expect(paid.allSatisfy { $0.paidDate != reversal.paidDate })
            }
        }
        for item in ["NURSING", "DISABILITY_MONTHLY", "DEPENDANT"] {
            var amounts: [String: Set<Int64>] = [:]
            for p in payments where p.itemCode == item && p.amount > .zero {
                guard let start = p.periodStart, start.yearMonth == p.periodEnd?.yearMonth else { continue }
                amounts["\(p.caseID ?? "")|\(p.dependentID?.raw ?? "")", default: []].insert(p.amount.fen)
            }
            #expect(amounts.values.contains { $0.count >= 2 }, "\(item): no monthly amount changes with the year")
        }
    }

    /// A hand check of one disability lump: own wage bounded to [60 %, 300 %] of the city's average, times
    /// the months of its grade (条例 35–37).
    @Test("a disability lump by hand")
    func disabilityLumpByHand() throws {
        let months: [Int: Int64] = [1: 27, 2: 25, 3: 23, 4: 21, 5: 18, 6: 16, 7: 13, 8: 11, 9: 9, 10: 7]
        let planted = Set(truth.rows.map(\.subjectID))
        let cases = Dictionary(uniqueKeysWithValues: data.cases!.map { ($0.caseID, $0) })
        var wage: [String: Int64] = [:]
        for p in data.parameters! where p.name == "avg_monthly_wage" {
            wage["\(p.regionCode.raw)|\(p.year)"] = p.value.tenThousandths / 100
        }
        var checked = 0
        for p in data.payments! where p.itemCode == "DISABILITY_LUMP" && !planted.contains(p.paymentID) {
            let c = cases[p.caseID!]!
            guard
                let a = data.assessments!.filter({
                    $0.caseID == c.caseID && $0.kind != .review && $0.concludedDate != nil
                        && $0.concludedDate! < p.paidDate
                }).max(by: { $0.concludedDate! < $1.concludedDate! }),
                let grade = a.grade
            else { continue }
            let average = wage["\(c.regionCode.raw)|\(c.accidentDate.year)"]!  // fen
            let own = c.ownWage!.fen
            // Clamp in fen; the floor and cap are whole fen here because the averages are whole yuan.
            let bounded = min(max(own, average * 60 / 100), average * 3)
            #expect(p.amount.fen == bounded * months[grade]!, "\(p.paymentID) grade \(grade)")
            checked += 1
        }
        #expect(checked > 20)
    }
}
