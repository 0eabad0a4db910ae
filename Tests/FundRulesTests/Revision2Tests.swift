import FundModel
import Testing

@testable import FundRules

/// rules.md rev. 2: amounts by the month paid, the year of death, pensions by change, pooling, dependants.
@Suite("Entitlements by the month paid (rules.md rev. 2)")
struct Revision2Tests {
    typealias F = Fixture

    /// The fixture province with a 2025 adjustment (5 % and 10 yuan), 2025 minimum wages and the extra rows a
    /// test names.
    static func calculator(_ extra: [Parameter] = []) -> EntitlementCalculator {
        let rows =
            F.parameters + [
                F.parameter("410000", 2025, ParameterName.adjustRatio, "0.05"),
                F.parameter("410000", 2025, ParameterName.adjustAmount, "10"),
                F.parameter("410000", 2025, ParameterName.minMonthlyWage, "2200"),
                F.parameter("410200", 2025, ParameterName.minMonthlyWage, "2300"),
            ] + extra
        return EntitlementCalculator(parameters: ParameterTable(parameters: rows, regions: F.regions))
    }

    static func month(_ iso: String) -> YearMonth { YearMonth(iso: iso)! }

    func amount(
        _ calculator: EntitlementCalculator, _ code: String, _ facts: CaseFacts, _ month: String,
        _ dependent: PersonID? = nil
    ) throws -> Money? {
        try calculator.statutoryAmount(
            itemCode: code, facts: facts, dependentID: dependent, month: Self.month(month))
    }

    @Test("worked case: nursing paid in 2025 on a 2023 accident is 50 % of the 2025 average wage")
    func nursingByMonthYear() throws {
        let facts = F.facts(accident: "2023-04-01", grade: 2, nursing: .full)
        #expect(try amount(Self.calculator(), ItemCode.nursing, facts, "2025-03") == Money(yuan: 3500))
        #expect(try amount(Self.calculator(), ItemCode.nursing, facts, "2023-06") == Money(yuan: 3000))
    }

    @Test("条例 40: 伤残津贴 of a later year is the base adjusted year by year, rounded each year")
    func adjustedAllowance() throws {
        // Grade 1, own wage 10 000 (city 410100, 2024): base 9 000; 2025: 9 000 × 1.05 + 10 = 9 460.
        let facts = F.facts(grade: 1)
        #expect(try amount(Self.calculator(), ItemCode.disabilityMonthly, facts, "2024-11") == Money(yuan: 9000))
        #expect(try amount(Self.calculator(), ItemCode.disabilityMonthly, facts, "2025-01") == Money(yuan: 9460))
        // A year without a row adjusts nothing; 2026 needs its own minimum wage (missing: an error names it).
        #expect(throws: EntitlementError.missingParameter(name: "min_monthly_wage", region: F.city, year: 2026)) {
            try amount(Self.calculator(), ItemCode.disabilityMonthly, facts, "2026-01")
        }
        let with2026 = Self.calculator([F.parameter("410000", 2026, ParameterName.minMonthlyWage, "2300")])
        #expect(try amount(with2026, ItemCode.disabilityMonthly, facts, "2026-01") == Money(yuan: 9460))
    }

    @Test("rounding of an adjustment: half up to the fen each year (3 333.33 × 1.045 = 3 483.329 → 3 483.33)")
    func adjustmentRounding() {
        let table = ParameterTable(
            parameters: [
                F.parameter("410000", 2025, ParameterName.adjustRatio, "0.045"),
                F.parameter("410000", 2026, ParameterName.adjustRatio, "0.045"),
            ], regions: F.regions)
        let once = table.adjusted(F.yuan("3333.33"), region: F.city, from: 2024, to: 2025)
        #expect(once == F.yuan("3483.33"))
        // 3 483.33 × 1.045 = 3 640.07985 → 3 640.08 (not 3 333.33 × 1.045² = 3 640.0797…).
        #expect(table.adjusted(F.yuan("3333.33"), region: F.city, from: 2024, to: 2026) == F.yuan("3640.08"))
        #expect(table.adjusted(F.yuan("3333.33"), region: F.city, from: 2026, to: 2024) == F.yuan("3333.33"))
    }

    @Test("the minimum-wage top-up uses the month's year, after the adjustments")
    func minimumWageOfTheMonth() throws {
        // Grade 4 in the low-wage city: 75 % of the floor 2 400 = 1 800, topped up to 2 000 (2024), 2 300 (2025).
        let facts = F.facts(region: "410200", wage: Money(yuan: 2000), grade: 4)
        let got = try amount(Self.calculator(), ItemCode.disabilityMonthly, facts, "2024-07")
        #expect(got == Money(yuan: 2000))
        // 1 800 × 1.05 + 10 = 1 900 < 2 300.
        #expect(try amount(Self.calculator(), ItemCode.disabilityMonthly, facts, "2025-07") == Money(yuan: 2300))
    }

    @Test("条例 35(3): the pension top-up is the month's allowance minus the month's pension, from its month")
    func pensionTopup() throws {
        let worker = F.person(50)
        let pensions = [
            PensionRecord(personID: worker, startDate: F.day("2025-07-01"), monthlyAmount: Money(yuan: 5500)),
            PensionRecord(personID: worker, startDate: F.day("2025-03-15"), monthlyAmount: Money(yuan: 5000)),
        ]
        let facts = F.facts(grade: 1, pensions: pensions)
        let calc = Self.calculator()
        #expect(try amount(calc, ItemCode.pensionTopup, facts, "2025-02") == .zero)
        #expect(try amount(calc, ItemCode.pensionTopup, facts, "2025-03") == Money(yuan: 4460))
        #expect(try amount(calc, ItemCode.pensionTopup, facts, "2025-07") == Money(yuan: 3960))
        let rich = F.facts(
            grade: 1,
            pensions: [
                PensionRecord(personID: worker, startDate: F.day("2024-01-01"), monthlyAmount: Money(yuan: 20_000))
            ])
        #expect(try amount(calc, ItemCode.pensionTopup, rich, "2025-03") == .zero)
        #expect(try amount(calc, ItemCode.pensionTopup, F.facts(grade: 1), "2025-03") == .zero)
        #expect(try amount(calc, ItemCode.pensionTopup, F.facts(grade: 7, pensions: pensions), "2025-07") == .zero)
    }

    @Test("the year of death: FUNERAL and DEATH_LUMP of the recorded death's year")
    func yearOfDeath() throws {
        let facts = F.facts(fatal: true, died: "2025-02-01")
        #expect(try amount(Self.calculator(), ItemCode.deathLump, facts, "2025-02") == Money(yuan: 1_083_760))
        #expect(try amount(Self.calculator(), ItemCode.funeral, facts, "2025-02") == Money(yuan: 42_000))
        // Without a recorded death, a fatal case's date of death is the accident (2024).
        #expect(
            try amount(Self.calculator(), ItemCode.deathLump, F.facts(fatal: true), "2024-05") == Money(yuan: 1_036_420)
        )
    }

    @Test("条例 39(3): a living grade 1–4 case that later died leaves FUNERAL and DEPENDANT, never DEATH_LUMP")
    func diedAfterGradeOneToFour() throws {
        let spouse = F.dependent(1, .spouse)
        let died = F.facts(grade: 2, dependents: [spouse], died: "2025-05-20", gradeBeforeDeath: 2)
        let calc = Self.calculator()
        #expect(try amount(calc, ItemCode.deathLump, died, "2025-06") == .zero)
        #expect(try amount(calc, ItemCode.funeral, died, "2025-06") == Money(yuan: 42_000))
        // Dependants from the year of death (2025): 40 % of 10 000, no adjustment in the base year.
        #expect(try amount(calc, ItemCode.dependant, died, "2025-06", spouse.dependentID) == Money(yuan: 4000))
        // Grade 5 before death: 39(3) does not apply; a non-fatal case leaves nothing.
        let grade5 = F.facts(grade: 5, dependents: [spouse], died: "2025-05-20", gradeBeforeDeath: 5)
        #expect(try amount(calc, ItemCode.funeral, grade5, "2025-06") == .zero)
        #expect(try amount(calc, ItemCode.dependant, grade5, "2025-06", spouse.dependentID) == .zero)
        // A fatal case whose worker had grade 3 before dying: 39(3) excludes the lump.
        let fatal3 = F.facts(fatal: true, grade: 3, died: "2025-05-20", gradeBeforeDeath: 3)
        #expect(try amount(calc, ItemCode.deathLump, fatal3, "2025-06") == .zero)
    }

    @Test("worked case: the cap over the dependants eligible in the month (spouse 35 is not; 40 + 30 + 30)")
    func workedDeathCap() throws {
        let spouse = F.dependent(1, .spouse, born: "1989-03-01")  // a woman (17th digit 0), 35
        let mother = F.dependent(2, .parent, lone: true, born: "1966-02-01")  // a woman, 58, lone: 40 %
        let child = F.dependent(3, .child, born: "2014-01-01")  // 10
        let father = F.dependent(11, .parent, born: "1962-01-01")  // a man (17th digit 1), 62
        #expect(DependantEligibility.isMan(father.dependentID))
        let facts = F.facts(fatal: true, dependents: [spouse, mother, child, father])
        let calc = Self.calculator()
        #expect(try amount(calc, ItemCode.dependant, facts, "2024-06", spouse.dependentID) == .zero)
        #expect(try amount(calc, ItemCode.dependant, facts, "2024-06", mother.dependentID) == Money(yuan: 4000))
        #expect(try amount(calc, ItemCode.dependant, facts, "2024-06", child.dependentID) == Money(yuan: 3000))
        #expect(try amount(calc, ItemCode.dependant, facts, "2024-06", father.dependentID) == Money(yuan: 3000))
        let schedule = try calc.schedule(for: facts, on: F.day("2024-06-15"))
        #expect(schedule.items(ItemCode.dependant).map(\.amount) == [4000, 3000, 3000].map { Money(yuan: $0) })
        #expect(schedule.month == Self.month("2024-06"))
    }

    @Test("the dependants' cap by month: a child's 18th birthday frees the share of the others")
    func capByMonth() throws {
        // Spouse 40 (lone: 50) + two parents 30 + 30 + child 30 = 140 % → scaled; after the child turns 18, 110 %.
        let spouse = F.dependent(1, .spouse, lone: true, born: "1960-01-01")
        let father = F.dependent(11, .parent, born: "1950-01-01")
        let mother = F.dependent(2, .parent, born: "1952-01-01")
        let child = F.dependent(3, .child, born: "2006-08-15")
        let facts = F.facts(fatal: true, dependents: [spouse, father, mother, child])
        let calc = Self.calculator()
        // 2024-08: child 17 on 08-01 → 140 %: 50/140 × 10 000 = 3 571.43.
        #expect(try amount(calc, ItemCode.dependant, facts, "2024-08", spouse.dependentID) == F.yuan("3571.43"))
        // 2024-09: child 18 on 09-01 → 110 %: 50/110 × 10 000 = 4 545.45; the child nothing.
        #expect(try amount(calc, ItemCode.dependant, facts, "2024-09", spouse.dependentID) == F.yuan("4545.45"))
        #expect(try amount(calc, ItemCode.dependant, facts, "2024-09", child.dependentID) == .zero)
        // The sum over a period counts each month at its own amount.
        let sum = try calc.statutoryAmount(
            itemCode: ItemCode.dependant, facts: facts, dependentID: spouse.dependentID,
            months: Self.month("2024-08"), through: Self.month("2024-09"))
        #expect(sum == F.yuan("8116.88"))
    }

    @Test("amountPeriod: within one period key an item's amount does not change (R10 memoizes by it)")
    func amountPeriodIsSafe() throws {
        let calc = Self.calculator()
        let worker = F.person(50)
        let facts = F.facts(
            grade: 1, nursing: .most,
            dependents: [F.dependent(3, .child, born: "2007-06-15"), F.dependent(1, .spouse)],
            pensions: [
                PensionRecord(personID: worker, startDate: F.day("2025-06-20"), monthlyAmount: Money(yuan: 5000))
            ])
        let fatal = F.facts(fatal: true, dependents: facts.dependents)
        var months: [YearMonth] = []
        var month = Self.month("2024-05")
        while month <= Self.month("2025-12") {
            months.append(month)
            month = month.adding(months: 1)
        }
        for code in [ItemCode.nursing, ItemCode.disabilityMonthly, ItemCode.pensionTopup, ItemCode.dependant] {
            var seen: [Int32: Money?] = [:]
            for month in months {
                let subject = code == ItemCode.dependant ? fatal : facts
                let dependent = code == ItemCode.dependant ? F.person(1) : nil
                let amount = try calc.statutoryAmount(
                    itemCode: code, facts: subject, dependentID: dependent, month: month)
                let key = EntitlementCalculator.amountPeriod(itemCode: code).key(month)
                if let earlier = seen[key] { #expect(earlier == amount, "\(code) \(month)") }
                seen[key] = amount
            }
        }
    }

    @Test("pooling = province: the cities' own figures are ignored from that year on")
    func provincialPooling() throws {
        let plain = ParameterTable(parameters: F.parameters, regions: F.regions)
        #expect(plain.value(ParameterName.avgMonthlyWage, region: F.city, year: 2024) == Decimal4(8000))
        let pooled = ParameterTable(
            parameters: F.parameters + [
                Parameter(
                    regionCode: F.province, year: 2024, name: ParameterName.pooling,
                    value: PoolingLevel.province.storedValue)
            ], regions: F.regions)
        #expect(pooled.poolingLevel(of: F.province, year: 2023) == nil)
        #expect(pooled.poolingLevel(of: F.province, year: 2026) == .province)
        #expect(pooled.value(ParameterName.avgMonthlyWage, region: F.city, year: 2024) == Decimal4(6500))
        #expect(pooled.value(ParameterName.avgMonthlyWage, region: F.city, year: 2023) == Decimal4(6000))
        let calculator = EntitlementCalculator(parameters: pooled)
        // Own wage 30 000 is capped at 300 % of the province's 6 500, not the city's 8 000.
        #expect(
            try calculator.boundedOwnWage(declared: Money(yuan: 30_000), region: F.city, year: 2024)
                == Money(yuan: 19_500))
    }
}

@Suite("供养亲属范围规定 art. 3: who may be paid")
struct DependantEligibilityTests {
    typealias F = Fixture

    @Test("spouse, parent, grandparent: a woman from 55, a man from 60, unless completely incapacitated")
    func elderAges() {
        let woman = F.dependent(1, .spouse, born: "1970-03-10")
        #expect(DependantEligibility.ineligibility(of: woman, on: F.day("2025-03-09")) != nil)
        #expect(DependantEligibility.ineligibility(of: woman, on: F.day("2025-03-10")) == nil)
        let man = F.dependent(12, .grandparent, born: "1965-03-10")
        #expect(!DependantEligibility.isEligible(man, in: YearMonth(iso: "2025-03")!))
        #expect(DependantEligibility.isEligible(man, in: YearMonth(iso: "2025-04")!))
        let disabled = F.dependent(2, .spouse, born: "1990-01-01", disabled: true)
        #expect(DependantEligibility.ineligibility(of: disabled, on: F.day("2025-01-01")) == nil)
    }

    @Test("child, grandchild, sibling: until the 18th birthday; start and end dates bound every relation")
    func youngAndDates() {
        let child = F.dependent(3, .sibling, born: "2007-05-02")
        #expect(DependantEligibility.ineligibility(of: child, on: F.day("2025-05-01")) == nil)
        if case .pastYoungLimit(_, 18, let birthday)? = DependantEligibility.ineligibility(
            of: child, on: F.day("2025-05-02"))
        {
            #expect(birthday == F.day("2025-05-02"))
        } else {
            Issue.record("the 18th birthday must end a sibling's eligibility")
        }
        let dated = F.dependent(
            4, .child, ended: F.day("2025-06-30"), born: "2015-01-01", started: F.day("2024-02-01"))
        #expect(
            DependantEligibility.ineligibility(of: dated, on: F.day("2024-01-31")) == .beforeStart(F.day("2024-02-01")))
        #expect(DependantEligibility.ineligibility(of: dated, on: F.day("2025-06-30")) == nil)
        #expect(
            DependantEligibility.ineligibility(of: dated, on: F.day("2025-07-01")) == .afterEnd(F.day("2025-06-30")))
        let first = DependantEligibility.firstIneligibleMonth(
            of: dated, periodStart: F.day("2025-05-01"), periodEnd: F.day("2025-07-31"),
            serviceDate: F.day("2025-05-01"))
        #expect(first?.day == F.day("2025-07-01"))
    }

    @Test("the sex is read from the 17th digit of the id: odd a man")
    func sexFromID() {
        #expect(DependantEligibility.isMan(F.person(11)))
        #expect(!DependantEligibility.isMan(F.person(1)))
        let id = PersonID.withCheckCharacter("11010119800101003")!  // 17th digit 3: a man
        #expect(DependantEligibility.isMan(id))
    }
}
