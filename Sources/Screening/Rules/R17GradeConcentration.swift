import FundModel

/// R17 鉴定等级异常集中: among at least 20 initial assessments linked to one evidence hospital
/// (or one expert), the share of grades 1–4 is more than 3 standard errors above the province's
/// share (binomial z > 3): orange, on the institution or the expert.
///
/// - The denominator is the concluded initial assessments linked to that
///   hospital or expert, with or without a grade (rules.md §5), concluded on
///   or before the screening date. The province's share is over all of them,
///   the subject's own included.
/// - With p the province's share (a grades 1–4 out of b) and x of n for the
///   subject, z = (x − n·p) / √(n·p·(1 − p)) = (x·b − n·a) / √(n·a·(b − a)).
///   It is compared exactly: z > Z ⇔ x·b − n·a > 0 and
///   (x·b − n·a)² > Z²·n·a·(b − a). The z in the detail is for reading only.
/// - The finding's region is the institution's (institutions.csv) or the
///   expert's (experts.csv), else the committee region most of its
///   assessments come from; the thresholds are that region's.
public struct R17GradeConcentration: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R17", name: "鉴定等级异常集中", subject: .institution, tables: [.assessments],
        fields: [
            .level(),
            .params([
                FieldSpec("min_assessments", .count, "initial assessments per hospital or expert"),
                FieldSpec("z", .number, "standard errors above the province's share"),
            ]),
        ])

    public init() {}

    /// The concluded initial assessments of one hospital or expert.
    struct Tally: Sendable {
        var total = 0
        var severe: [String] = []
        var regions: [RegionCode: Int] = [:]

        mutating func add(_ assessment: Assessment, severe isSevere: Bool) {
            total += 1
            if isSevere { severe.append(assessment.assessmentID) }
            regions[assessment.regionCode, default: 0] += 1
        }
    }

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        var hospitals: [String: Tally] = [:]
        var experts: [String: Tally] = [:]
        var provinceTotal: Int64 = 0
        var provinceSevere: Int64 = 0
        for row in RecordRows.firstAssessments(snapshot) {
            let assessment = snapshot.assessments[row]
            guard assessment.kind == .initial, let concluded = assessment.concludedDate, concluded <= context.asOf
            else { continue }
            let severe = Self.isSevere(assessment.grade)
            provinceTotal += 1
            if severe { provinceSevere += 1 }
            if let hospital = assessment.hospitalID, !hospital.isEmpty {
                hospitals[hospital, default: Tally()].add(assessment, severe: severe)
            }
            for expert in RecordRows.panel(assessment) {
                experts[expert, default: Tally()].add(assessment, severe: severe)
            }
        }
        let province = (severe: provinceSevere, total: provinceTotal)
        var findings: [Finding] = []
        for (id, tally) in hospitals.sorted(by: { $0.key < $1.key }) {
            let region = institutionRegion(id, snapshot) ?? RecordRows.mostFrequent(tally.regions)!
            if let finding = evaluate(.institution, id, tally, region: region, province: province, context: context) {
                findings.append(finding)
            }
        }
        for (id, tally) in experts.sorted(by: { $0.key < $1.key }) {
            let region = expertRegion(id, snapshot) ?? RecordRows.mostFrequent(tally.regions)!
            if let finding = evaluate(.expert, id, tally, region: region, province: province, context: context) {
                findings.append(finding)
            }
        }
        return RuleOutput(findings: findings)
    }

    /// Grades 1–4: the most severe, which carry the monthly disability allowance for life.
    static func isSevere(_ grade: Int?) -> Bool { grade.map { (1...4).contains($0) } ?? false }

    func evaluate(
        _ subject: SubjectType, _ id: String, _ tally: Tally, region: RegionCode,
        province: (severe: Int64, total: Int64), context: RuleContext
    ) -> Finding? {
        let settings = context.settings(region: region)
        guard tally.total >= settings.count("params", "min_assessments") else { return nil }
        let z = settings.number("params", "z")
        let n = Int64(tally.total)
        let x = Int64(tally.severe.count)
        let (a, b) = province
        let excess = x * b - n * a  // (x − n·p) · b
        let spread = [Exact.factor(n), Exact.factor(a), Exact.factor(b - a)]  // n·p·(1 − p) · b²
        let zFactor = Exact.factor(z.tenThousandths)
        guard excess > 0,
            Exact.exceeds([Exact.factor(excess), Exact.factor(excess), 100_000_000], [zFactor, zFactor] + spread)
        else { return nil }
        let who =
            subject == .institution
            ? "医院 \(id) 出具医学证据的"
            : "专家 \(id)\(expertName(id, context.snapshot).map { "（\($0)）" } ?? "") 参加的"
        let share = Exact.decimal4(x, over: n, scale: 100).map { $0.rounded(places: 1) } ?? "-"
        let provinceShare = Exact.decimal4(a, over: b, scale: 100).map { $0.rounded(places: 1) } ?? "-"
        return Finding(
            ruleID: spec.id, severity: settings.level, regionCode: region, subjectType: subject, subjectID: id,
            amount: .zero,
            detail:
                "\(who) \(n) 件初次鉴定中 1–4 级 \(x) 件（\(share)%），全省为 \(provinceShare)%（z = \(Self.zText(excess, n, a, b - a))，阈值 \(z)），请核查医学材料与等级评定是否属实",
            evidence: tally.severe.sorted())
    }

    /// z = excess / √(n·a·(b − a)) with two decimals, for the detail only (the decision is exact).
    static func zText(_ excess: Int64, _ n: Int64, _ a: Int64, _ rest: Int64) -> String {
        let spread = Double(n) * Double(a) * Double(rest)
        guard spread > 0 else { return "∞" }
        let z = Double(excess) / spread.squareRoot()
        return Decimal4(tenThousandths: Int64((z * 10_000).rounded())).rounded(places: 2)
    }

    func institutionRegion(_ id: String, _ snapshot: Snapshot) -> RegionCode? {
        guard let key = snapshot.institutionIDs.id(id), snapshot.institutionRow[Int(key)] >= 0 else { return nil }
        return snapshot.institutions[Int(snapshot.institutionRow[Int(key)])].regionCode
    }

    func expertRegion(_ id: String, _ snapshot: Snapshot) -> RegionCode? {
        guard let key = snapshot.expertIDs.id(id), snapshot.expertRow[Int(key)] >= 0 else { return nil }
        return snapshot.experts[Int(snapshot.expertRow[Int(key)])].regionCode
    }

    func expertName(_ id: String, _ snapshot: Snapshot) -> String? {
        guard let key = snapshot.expertIDs.id(id), snapshot.expertRow[Int(key)] >= 0 else { return nil }
        return snapshot.experts[Int(snapshot.expertRow[Int(key)])].name
    }
}
