import DemoData
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
            if p.amount.fen >= 0, let excess = excess(p), excess.fen > 100 { add("R10", .payment, p.paymentID) }
            if !p.advance {
                let c = p.caseID.flatMap { casesByID[$0] }
                if c == nil || !c!.decision.entitlesBenefits || p.serviceDate < c!.accidentDate {
                    add("R11", .payment, p.paymentID)
                }
            }
            if r12(p) { add("R12", .payment, p.paymentID) }
            if p.itemCode == "DEPENDANT", let id = p.dependentID, let d = dependantsByID[id] {
                if let end = d.endDate, p.serviceDate > end { add("R15", .payment, p.paymentID) }
                if [.child, .grandchild, .sibling].contains(d.relation), !d.disabled, let birth = d.birthDate,
                    p.serviceDate >= birth.birthday(age: 18)
                {
                    add("R15", .payment, p.paymentID)
                }
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

    private func excess(_ p: Payment) -> Money? {
        guard let caseID = p.caseID, let c = casesByID[caseID] else { return nil }
        let facts = CaseFacts(
            case: c, latestAssessment: latestAssessment(caseID, before: p.serviceDate),
            dependents: dependantsByCase[caseID] ?? [])
        guard let item = items.item(p.itemCode), ItemCode.withStatutoryAmount.contains(p.itemCode) else { return nil }
        if p.itemCode == "DEPENDANT" && p.dependentID == nil { return nil }
        let computed = try? calculator.statutoryAmount(itemCode: p.itemCode, facts: facts, dependentID: p.dependentID)
        guard let amount = computed ?? nil else { return nil }
        var months: Int64 = 1
        if item.paidAs == .monthly, let s = p.periodStart, let e = p.periodEnd {
            months = Int64(s.yearMonth.monthsInclusive(to: e.yearMonth))
        }
        return p.amount - amount * months
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
            for p in sorted.dropFirst() where p.amount.fen >= 0 { out.insert(p.paymentID) }
        }
        return out
    }

    private func r14(_ payments: [Payment]) -> Set<String> {
        let stays = payments.filter {
            $0.itemCode == "MED" && $0.amount.fen > 0 && $0.periodStart != nil && $0.periodEnd != nil
                && $0.periodStart!.distance(to: $0.periodEnd!) >= 1
        }
        var out: Set<String> = []
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
