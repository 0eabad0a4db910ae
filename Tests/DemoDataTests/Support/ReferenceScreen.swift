import DemoData
import FundColumns
import FundModel
import FundRules

/// A plain, slow reading of rules.md §2–§3, written only to check the demo province before the Screening
/// module exists: which records would a careful screening flag?
///
/// Where rules.md leaves a reading open, the reference takes the broader one
/// (the one that flags more), so that a clean background here is clean under
/// either reading; the planted rows are checked to fire under the narrower
/// reading too (see `DemoPrecisionTests`). Keys are `RULE|subjecttype|subjectid`.
struct ReferenceScreen {
    let data: DataSet
    let asOf: Day
    let broad: Bool

    private let items: ItemList
    private let calculator: EntitlementCalculator
    private let casesByID: [String: InjuryCase]
    private let assessmentsByCase: [String: [Assessment]]
    private let dependantsByID: [PersonID: Dependent]
    private let dependantsByCase: [String: [Dependent]]
    private let workersByID: [PersonID: Worker]
    private let deaths: [PersonID: Day]
    private let pensions: [PersonID: Day]
    private let pensionRows: [PersonID: [PensionRecord]]
    private let prisons: [PersonID: [Imprisonment]]
    private let agreements: [String: [Agreement]]
    private let institutions: [String: Institution]
    private let wagesByWorker: [PersonID: [Wage]]
    private let trafficByPerson: [PersonID: [TrafficAccident]]
    private let medByCase: [String: [Payment]]
    private let medByWorker: [PersonID: [Payment]]

    init(_ data: DataSet, asOf: Day, broad: Bool) {
        self.data = data
        self.asOf = asOf
        self.broad = broad
        items = ItemList(provincialRows: data.benefitItems ?? [])
        calculator = EntitlementCalculator(
            parameters: ParameterTable(parameters: data.parameters ?? [], regions: data.regions), items: items)
        casesByID = Dictionary(uniqueKeysWithValues: (data.cases ?? []).map { ($0.caseID, $0) })
        assessmentsByCase = Dictionary(grouping: data.assessments ?? [], by: \.caseID)
        dependantsByID = Dictionary(uniqueKeysWithValues: (data.dependents ?? []).map { ($0.dependentID, $0) })
        dependantsByCase = Dictionary(grouping: data.dependents ?? [], by: \.caseID)
        workersByID = Dictionary(uniqueKeysWithValues: (data.workers ?? []).map { ($0.workerID, $0) })
        var deaths: [PersonID: Day] = [:]
        for d in data.deaths ?? [] { deaths[d.personID] = min(deaths[d.personID] ?? d.deathDate, d.deathDate) }
        self.deaths = deaths
        var pensions: [PersonID: Day] = [:]
        for p in data.pensions ?? [] { pensions[p.personID] = min(pensions[p.personID] ?? p.startDate, p.startDate) }
        self.pensions = pensions
        pensionRows = Dictionary(grouping: data.pensions ?? [], by: \.personID)
        prisons = Dictionary(grouping: data.imprisonments ?? [], by: \.personID)
        agreements = Dictionary(grouping: data.agreements ?? [], by: \.institutionID)
        institutions = Dictionary(uniqueKeysWithValues: (data.institutions ?? []).map { ($0.institutionID, $0) })
        wagesByWorker = Dictionary(grouping: data.wages ?? [], by: \.workerID)
        trafficByPerson = Dictionary(grouping: data.trafficAccidents ?? [], by: \.personID)
        let med = (data.payments ?? []).filter { $0.itemCode == "MED" }
        medByCase = Dictionary(grouping: med.filter { $0.caseID != nil }, by: { $0.caseID! })
        medByWorker = Dictionary(grouping: med.filter { $0.caseID == nil }, by: \.workerID)
    }

    static func key(_ rule: String, _ type: SubjectType, _ id: String) -> String { "\(rule)|\(type.rawValue)|\(id)" }

    /// Every finding key, by rule.
    func run() -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        func add(_ rule: String, _ type: SubjectType, _ id: String) {
            out[rule, default: []].insert(Self.key(rule, type, id))
        }
        let payments = data.payments ?? []

        for w in data.workers ?? [] where !w.workerID.hasValidCheckCharacter { add("DQ01", .worker, w.workerID.raw) }
        // Rev. 2: the dependants' ids too.
        for d in data.dependents ?? [] where !d.dependentID.hasValidCheckCharacter {
            add("DQ01", .dependent, d.dependentID.raw)
        }

        let thresholds: [String: Int64] = [
            "MED": 100_000, "REHAB": 50_000, "DEVICE": 30_000, "TRAVEL": 10_000, "MEAL": 5_000, "ASSESSMENT_FEE": 2_000,
        ]
        for p in payments {
            let item = items.item(p.itemCode)
            if item == nil || item?.status == .retired || (item?.isNational == false && item?.basis == nil) {
                add("R01", .payment, p.paymentID)
            }
            if item?.payer == .employer { add("R02", .payment, p.paymentID) }
            if let t = thresholds[p.itemCode], p.amount > Money(yuan: t) { add("R03", .payment, p.paymentID) }
            let person: PersonID? =
                ["FUNERAL", "DEATH_LUMP", "DEPENDANT"].contains(p.itemCode) ? p.dependentID : p.workerID
            if let person, let death = deaths[person], p.serviceDate > death { add("R05", .payment, p.paymentID) }
            if p.itemCode == "DISABILITY_MONTHLY", let start = pensions[p.workerID], p.serviceDate >= start {
                add("R06", .payment, p.paymentID)
            }
            if let service = service(of: p.itemCode), let id = p.institutionID {
                let covered = (agreements[id] ?? []).contains { $0.covers(service, on: p.serviceDate) }
                if !covered { add("R09", .payment, p.paymentID) }
            }
            let r15 = p.itemCode == "DEPENDANT" && r15(p)
            if r15 { add("R15", .payment, p.paymentID) }
            if p.amount.fen >= 0, let (excess, allowed) = excess(p), excess.fen > 100 {
                // Rev. 2: an item the case is entitled to nothing of is R12's or R15's where they fire.
                if !(allowed == .zero && (r12(p) || r15)) { add("R10", .payment, p.paymentID) }
            }
            if !p.advance {
                let c = p.caseID.flatMap { casesByID[$0] }
                if c == nil || !c!.decision.entitlesBenefits || p.serviceDate < c!.accidentDate {
                    add("R11", .payment, p.paymentID)
                }
            }
            if r12(p) { add("R12", .payment, p.paymentID) }
            if p.itemCode == "DEPENDANT", let id = p.dependentID {
                if (prisons[id] ?? []).contains(where: { $0.covers(p.serviceDate) }) {
                    add("R24", .payment, p.paymentID)
                }
            }
            if ["DISABILITY_MONTHLY", "NURSING"].contains(p.itemCode),
                (prisons[p.workerID] ?? []).contains(where: { $0.covers(p.serviceDate) })
            {
                add("R24", .payment, p.paymentID)
            }
        }
        for k in r04(payments) { add("R04", .worker, k) }
        for k in r07(payments) { add("R07", .payment, k) }
        for k in r08(payments) { add("R08", .payment, k) }
        for k in r14(payments) { add("R14", .payment, k) }
        for k in r26(payments) { add("R26", .payment, k) }
        for k in r16(payments) { add("R16", .institution, k) }
        for (type, k) in r17() { add("R17", type, k) }
        for (type, k) in r18() { add("R18", type, k) }
        var accounts: [String: Set<PersonID>] = [:]
        for p in payments where p.institutionID == nil {
            if let a = p.payeeAccount, !a.isEmpty { accounts[a, default: []].insert(p.workerID) }
        }
        for (a, ws) in accounts where ws.count >= 3 { add("R19", .account, a) }
        for c in data.cases ?? [] {
            if let w = workersByID[c.workerID], let since = w.insuredSince {
                let gap = since.distance(to: c.accidentDate)
                if gap < 0 || gap <= 30 || (w.insuredUntil.map { c.accidentDate > $0 } ?? false) {
                    add("R13", .case, c.caseID)
                }
            }
            if let applied = c.appliedDate, let who = c.applicant {
                let late =
                    who == .employer
                    ? c.accidentDate.distance(to: applied) > 30
                    : applied > c.accidentDate.adding(years: 1) || (broad && c.accidentDate.distance(to: applied) > 365)
                if late { add("R20", .case, c.caseID) }
            }
            if let accepted = c.acceptedDate {
                if let decided = c.decidedDate {
                    if accepted.distance(to: decided) > 60 { add("R21", .case, c.caseID) }
                } else if accepted.distance(to: asOf) > 60 {
                    add("R21", .case, c.caseID)
                }
            }
            if r23(c, payments) { add("R23", .case, c.caseID) }
            if r25(c) { add("R25", .case, c.caseID) }
            if r27(c) { add("R27", .case, c.caseID) }
        }
        for a in r22() { add("R22", .assessment, a) }
        for (rule, code) in Indicators(data: data, asOf: asOf, broad: broad).run() { add(rule, .region, code) }
        return out
    }

    private func service(of item: String) -> InstitutionKind? {
        switch item {
        case "MED", "MEAL": .medical
        case "REHAB": .rehab
        case "DEVICE": .assistive
        default: nil
        }
    }

    private func latestAssessment(_ caseID: String, before day: Day) -> Assessment? {
        CaseFacts.latestConcludedAssessment(of: caseID, in: assessmentsByCase[caseID] ?? [], before: day)
    }

    /// The facts of a payment's case as rules.md §5 (rev. 2) reads them: the grade before the service date,
    /// the worker's earliest death, the grade before that death, the worker's pension rows.
    private func facts(_ c: InjuryCase, before day: Day) -> CaseFacts {
        let death = deaths[c.workerID]
        let dateOfDeath = death ?? (c.fatal ? c.accidentDate : nil)
        return CaseFacts(
            case: c, latestAssessment: latestAssessment(c.caseID, before: day),
            dependents: dependantsByCase[c.caseID] ?? [], deathDate: death,
            gradeBeforeDeath: dateOfDeath.flatMap { latestAssessment(c.caseID, before: $0)?.grade },
            pensions: pensionRows[c.workerID] ?? [])
    }

    /// R10 rev. 2: the payment minus its statutory amount (each month of a monthly item at its own figures),
    /// and that amount; `nil` where it cannot be judged. A DEPENDANT for no dependant of the case is
    /// entitled to nothing.
    private func excess(_ p: Payment) -> (Money, Money)? {
        guard let caseID = p.caseID, let c = casesByID[caseID] else { return nil }
        guard let item = items.item(p.itemCode), ItemCode.withStatutoryAmount.contains(p.itemCode) else { return nil }
        let facts = facts(c, before: p.serviceDate)
        if p.itemCode == "DEPENDANT" {
            guard let id = p.dependentID, facts.dependents.contains(where: { $0.dependentID == id }) else {
                return (p.amount, .zero)
            }
        }
        let first = (p.periodStart ?? p.serviceDate).yearMonth
        var last = first
        if item.paidAs == .monthly, let e = p.periodEnd { last = max(first, e.yearMonth) }
        var total = Money.zero
        var month = first
        while month <= last {
            let computed = try? calculator.statutoryAmount(
                itemCode: p.itemCode, facts: facts, dependentID: p.dependentID, month: month)
            guard let amount = computed ?? nil else { return nil }
            total += amount
            month = month.adding(months: 1)
        }
        return (p.amount - total, total)
    }

    /// R15 rev. 2, read from 供养亲属范围规定 art. 3 here (not through FundRules): no dependant named, a
    /// person who is not a dependant of the case, or a month (judged on its first day) before the start,
    /// after the end, or outside the ages for the relation and sex (17th digit odd: a man), unless disabled.
    private func r15(_ p: Payment) -> Bool {
        guard let id = p.dependentID else { return true }
        guard let d = (dependantsByCase[p.caseID ?? ""] ?? []).first(where: { $0.dependentID == id }) else {
            return true
        }
        let first = (p.periodStart ?? p.serviceDate).yearMonth
        let last = p.periodStart == nil ? first : max(first, (p.periodEnd ?? p.periodStart!).yearMonth)
        let digits = Array(id.raw.utf8)
        let man = digits.count >= 17 && (digits[16] - 48) % 2 == 1
        var month = first
        while month <= last {
            let day = p.periodStart == nil ? p.serviceDate : month.firstDay
            if let start = d.startDate, day < start { return true }
            if let end = d.endDate, day > end { return true }
            if !d.disabled, let birth = d.birthDate {
                switch d.relation {
                case .spouse, .parent, .grandparent:
                    if day < birth.birthday(age: man ? 60 : 55) { return true }
                case .child, .grandchild, .sibling:
                    if day >= birth.birthday(age: 18) { return true }
                }
            }
            month = month.adding(months: 1)
        }
        return false
    }

    /// R26 rev. 2: net of reversals (a negative payment of the same case, item, dependant, period and amount
    /// cancels the earliest match), a one-off paid again, a month paid again, and a month of DISABILITY_MONTHLY
    /// of one worker under two cases (the cases whose assessment is not the latest before the month fire).
    private func r26(_ payments: [Payment]) -> Set<String> {
        let oneOff: Set<String> = ["DISABILITY_LUMP", "MEDICAL_LUMP", "EMPLOYMENT_LUMP", "FUNERAL", "DEATH_LUMP"]
        let monthly: Set<String> = ["NURSING", "DISABILITY_MONTHLY", "PENSION_TOPUP", "DEPENDANT"]
        func months(_ p: Payment) -> [YearMonth] {
            let first = (p.periodStart ?? p.serviceDate).yearMonth
            let last = max(first, (p.periodEnd ?? p.periodStart ?? p.serviceDate).yearMonth)
            return (0..<first.monthsInclusive(to: last)).map { first.adding(months: $0) }
        }
        var groups: [String: [Payment]] = [:]
        for p in payments where oneOff.contains(p.itemCode) || monthly.contains(p.itemCode) {
            guard let c = p.caseID else { continue }
            groups["\(c)|\(p.itemCode)|\(p.dependentID?.raw ?? "")", default: []].append(p)
        }
        var out: Set<String> = []
        var allowances: [PersonID: [Payment]] = [:]
        for (_, list) in groups {
            let sorted = list.sorted { ($0.paidDate, $0.paymentID) < ($1.paidDate, $1.paymentID) }
            var cancelled: Set<String> = []
            for r in sorted where r.amount.fen < 0 {
                if let match = sorted.first(where: {
                    $0.amount.fen > 0 && !cancelled.contains($0.paymentID) && $0.amount == -r.amount
                        && $0.periodStart == r.periodStart && $0.periodEnd == r.periodEnd
                }) {
                    cancelled.insert(match.paymentID)
                }
            }
            let kept = sorted.filter { $0.amount.fen >= 0 && !cancelled.contains($0.paymentID) }
            if oneOff.contains(kept.first?.itemCode ?? "") {
                for p in kept.dropFirst() { out.insert(p.paymentID) }
                continue
            }
            var paid: Set<YearMonth> = []
            for p in kept {
                for m in months(p) where !paid.insert(m).inserted { out.insert(p.paymentID) }
            }
            if kept.first?.itemCode == "DISABILITY_MONTHLY" { allowances[kept[0].workerID, default: []] += kept }
        }
        for (_, list) in allowances where Set(list.compactMap(\.caseID)).count > 1 {
            var byMonth: [YearMonth: [Payment]] = [:]
            for p in list { for m in months(p) { byMonth[m, default: []].append(p) } }
            for (m, ps) in byMonth where Set(ps.compactMap(\.caseID)).count > 1 {
                let newest = Set(ps.compactMap(\.caseID)).compactMap { c in
                    latestAssessment(c, before: m.firstDay).map { (c, $0.concludedDate!) }
                }.max { $0.1 < $1.1 }?.0
                for p in ps where newest != nil && p.caseID != newest { out.insert(p.paymentID) }
            }
        }
        return out
    }

    /// R27 rev. 2: the declared own wage above 1.2 × the mean of the worker's wages among the 12 calendar
    /// months before the accident month, with at least 6 of them.
    private func r27(_ c: InjuryCase) -> Bool {
        guard let own = c.ownWage else { return false }
        let m = c.accidentDate.yearMonth
        var byMonth: [YearMonth: Int64] = [:]
        for w in wagesByWorker[c.workerID] ?? [] where w.month < m && w.month >= m.adding(months: -12) {
            byMonth[w.month] = w.wage.fen
        }
        guard byMonth.count >= 6 else { return false }
        let sum = byMonth.values.reduce(0, +)
        return own.fen * Int64(byMonth.count) * 10 > sum * 12
    }

    private func r12(_ p: Payment) -> Bool {
        guard
            ["DISABILITY_LUMP", "MEDICAL_LUMP", "EMPLOYMENT_LUMP", "DISABILITY_MONTHLY", "NURSING"].contains(p.itemCode)
        else { return false }
        let a = p.caseID.flatMap { latestAssessment($0, before: p.serviceDate) }
        switch p.itemCode {
        case "DISABILITY_MONTHLY": return !((1...4).contains(a?.grade ?? 0))
        case "NURSING": return a?.nursing == nil || a?.nursing == NursingLevel.none
        default: return a?.grade == nil
        }
    }

    private func r04(_ payments: [Payment]) -> Set<String> {
        let limits: [String: (n: Int, d: Int)] = [
            "MED": (8, 30), "REHAB": (12, 30), "TRAVEL": (4, 30), "DEVICE": (2, 365),
        ]
        var days: [String: [Int32]] = [:]
        for p in payments where p.amount.fen > 0 {
            guard limits[p.itemCode] != nil else { continue }
            days[p.workerID.raw + "|" + p.itemCode, default: []].append(p.serviceDate.ordinal)
        }
        var out: Set<String> = []
        for (key, list) in days {
            let parts = key.split(separator: "|")
            let limit = limits[String(parts[1])]!
            let sorted = list.sorted()
            let span = Int32(broad ? limit.d : limit.d - 1)
            var j = 0
            for i in sorted.indices {
                while sorted[i] - sorted[j] > span { j += 1 }
                if i - j + 1 >= limit.n { out.insert(String(parts[0])) }
            }
        }
        return out
    }

    private func r07(_ payments: [Payment]) -> Set<String> {
        let stays = Dictionary(grouping: data.medicalInsurance ?? [], by: \.personID)
        var out: Set<String> = []
        for p in payments where p.itemCode == "MED" || p.itemCode == "REHAB" {
            for s in stays[p.workerID] ?? [] {
                let ps = p.periodStart ?? p.paidDate
                let pe = p.periodEnd ?? ps
                let overlap =
                    s.institutionID == p.institutionID && ps <= (s.dischargeDate ?? s.admissionDate)
                    && s.admissionDate <= pe
                let invoice =
                    p.invoiceNo != nil && p.invoiceNo == s.invoiceNo && (broad || s.institutionID == p.institutionID)
                if overlap || invoice { out.insert(p.paymentID) }
            }
        }
        return out
    }

    private func r08(_ payments: [Payment]) -> Set<String> {
        var groups: [String: [Payment]] = [:]
        for p in payments {
            guard let i = p.institutionID, let n = p.invoiceNo, !n.isEmpty else { continue }
            groups[i + "|" + n, default: []].append(p)
        }
        var out: Set<String> = []
        for (_, list) in groups where list.count > 1 {
            let sorted = list.sorted { ($0.paidDate, $0.paymentID) < ($1.paidDate, $1.paymentID) }
            // Rev. 2: a reversal cancels the earliest payment of the opposite amount; both are left out.
            var cancelled: Set<String> = []
            for r in sorted where r.amount.fen < 0 {
                if let match = sorted.first(where: {
                    $0.amount.fen > 0 && !cancelled.contains($0.paymentID) && $0.amount == -r.amount
                }) {
                    cancelled.insert(match.paymentID)
                }
            }
            let kept = sorted.filter { $0.amount.fen >= 0 && !cancelled.contains($0.paymentID) }
            for p in kept.dropFirst() { out.insert(p.paymentID) }
        }
        return out
    }

    private func r14(_ payments: [Payment]) -> Set<String> {
        let stays = payments.filter {
            $0.itemCode == "MED" && $0.amount.fen > 0 && $0.periodStart != nil && $0.periodEnd != nil
                && $0.periodStart!.distance(to: $0.periodEnd!) >= 1
        }
        var out: Set<String> = []
        // Rev. 2: a stay overlapping by a night or more a medical-insurance stay at another institution.
        let insured = Dictionary(grouping: data.medicalInsurance ?? [], by: \.personID)
        for p in stays {
            for s in insured[p.workerID] ?? [] where s.institutionID != nil && s.institutionID != p.institutionID {
                let nights =
                    min(p.periodEnd!, s.dischargeDate ?? s.admissionDate).ordinal
                    - max(p.periodStart!, s.admissionDate).ordinal
                if nights >= 1 { out.insert(p.paymentID) }
            }
        }
        for (_, list) in Dictionary(grouping: stays, by: \.workerID) where list.count > 1 {
            for a in list {
                for b in list where a.institutionID != b.institutionID {
                    let nights = min(a.periodEnd!, b.periodEnd!).ordinal - max(a.periodStart!, b.periodStart!).ordinal
                    if nights >= 1 {
                        let later =
                            (a.periodStart!, a.paidDate, a.paymentID) > (b.periodStart!, b.paidDate, b.paymentID)
                            ? a : b
                        out.insert(later.paymentID)
                    }
                }
            }
        }
        return out
    }

    private func r16(_ payments: [Payment]) -> Set<String> {
        var sums: [String: (n: Int, total: Int64)] = [:]
        for p in payments where p.itemCode == "MED" {
            guard let i = p.institutionID else { continue }
            let key = "\(p.serviceDate.year)|\(i)"
            sums[key, default: (0, 0)].n += 1
            sums[key, default: (0, 0)].total += p.amount.fen
        }
        var groups: [String: [(id: String, mean: Double)]] = [:]
        for (key, s) in sums where s.n >= 30 {
            let parts = key.split(separator: "|")
            let id = String(parts[1])
            let inst = institutions[id]
            groups["\(parts[0])|\(inst?.kind.rawValue ?? "")|\(inst?.grade ?? "")", default: []].append(
                (id, Double(s.total) / Double(s.n)))
        }
        var out: Set<String> = []
        for (_, list) in groups {
            let means = list.map(\.mean).sorted()
            let median =
                means.count % 2 == 1
                ? means[means.count / 2] : (means[means.count / 2 - 1] + means[means.count / 2]) / 2
            for e in list where e.mean > 2 * median { out.insert(e.id) }
        }
        return out
    }

    private func r17() -> [(SubjectType, String)] {
        let initial = (data.assessments ?? []).filter { $0.kind == .initial && $0.concludedDate != nil }
        guard !initial.isEmpty else { return [] }
        let severe = { (a: Assessment) in (1...4).contains(a.grade ?? 0) }
        let p = Double(initial.filter(severe).count) / Double(initial.count)
        var byHospital: [String: (n: Int, x: Int)] = [:]
        var byExpert: [String: (n: Int, x: Int)] = [:]
        for a in initial {
            if let h = a.hospitalID {
                byHospital[h, default: (0, 0)].n += 1
                if severe(a) { byHospital[h, default: (0, 0)].x += 1 }
            }
            for e in a.expertIDs {
                byExpert[e, default: (0, 0)].n += 1
                if severe(a) { byExpert[e, default: (0, 0)].x += 1 }
            }
        }
        func z(_ s: (n: Int, x: Int)) -> Double {
            (Double(s.x) / Double(s.n) - p) / (p * (1 - p) / Double(s.n)).squareRoot()
        }
        var out: [(SubjectType, String)] = []
        for (h, s) in byHospital where s.n >= 20 && z(s) > 3 { out.append((.institution, h)) }
        for (e, s) in byExpert where s.n >= 20 && z(s) > 3 { out.append((.expert, e)) }
        return out
    }

    private func r18() -> [(SubjectType, String)] {
        let experts = Dictionary(uniqueKeysWithValues: (data.experts ?? []).map { ($0.expertID, $0) })
        var out: [(SubjectType, String)] = []
        var panels: [String: [Int32]] = [:]
        for a in data.assessments ?? [] {
            if a.expertIDs.contains(where: {
                experts[$0]?.institutionID != nil && experts[$0]?.institutionID == a.hospitalID
            }) {
                out.append((.assessment, a.assessmentID))
            }
            guard let employer = casesByID[a.caseID]?.employerID, let day = a.concludedDate ?? a.appliedDate else {
                continue
            }
            for e in a.expertIDs { panels[e + "|" + employer, default: []].append(day.ordinal) }
        }
        var flagged: Set<String> = []
        for (key, days) in panels where days.count >= 5 {
            let sorted = days.sorted()
            for i in 0...(sorted.count - 5) where sorted[i + 4] - sorted[i] <= (broad ? 365 : 364) {
                flagged.insert(String(key.split(separator: "|")[0]))
            }
        }
        for e in flagged { out.append((.expert, e)) }
        return out
    }

    private func r22() -> [String] {
        var visits: [String: [Day]] = [:]
        for v in data.healthVisits ?? [] {
            visits[v.personID.raw + "|" + (v.institutionID ?? ""), default: []].append(v.visitDate)
        }
        var out: [String] = []
        for a in data.assessments ?? [] {
            guard let h = a.hospitalID, let applied = a.appliedDate, let c = casesByID[a.caseID] else { continue }
            let days = visits[a.workerID.raw + "|" + h] ?? []
            let seen = days.contains {
                broad ? ($0 > c.accidentDate && $0 < applied) : ($0 >= c.accidentDate && $0 <= applied)
            }
            if !seen { out.append(a.assessmentID) }
        }
        return out
    }

    private func r23(_ c: InjuryCase, _ payments: [Payment]) -> Bool {
        let traffic = (trafficByPerson[c.workerID] ?? []).filter {
            abs($0.accidentDate.distance(to: c.accidentDate)) <= 3 && $0.liability != .full
        }
        guard !traffic.isEmpty else { return false }
        return ((medByCase[c.caseID] ?? []) + (medByWorker[c.workerID] ?? [])).contains { !$0.advance }
    }

    private func r25(_ c: InjuryCase) -> Bool {
        let wages = wagesByWorker[c.workerID] ?? []
        let byMonth = Dictionary(wages.map { ($0.month, $0.wage.fen) }, uniquingKeysWith: { a, _ in a })
        let m = c.accidentDate.yearMonth
        // Two readings: the three months before the accident month, or up to and including it.
        for shift in broad ? [0, 1] : [0] {
            let recent = (1...3).compactMap { byMonth[m.adding(months: -$0 + shift)] }
            let base = (4...15).compactMap { byMonth[m.adding(months: -$0 + shift)] }.sorted()
            guard recent.count == 3, base.count >= 6 else { continue }
            let median =
                base.count % 2 == 1
                ? Double(base[base.count / 2]) : Double(base[base.count / 2 - 1] + base[base.count / 2]) / 2
            if Double(recent.reduce(0, +)) / 3 > 1.5 * median { return true }
        }
        return false
    }
}
