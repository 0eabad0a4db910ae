import FundColumns
import FundModel

/// R18 专家回避与集中: an expert of the same institution as the assessment's evidence hospital
/// (recusal: red, on the assessment); an expert on 5 or more panels for workers of one employer
/// within 365 days (concentration: orange, on the expert).
///
/// - Recusal compares the expert's `institution_id` (experts.csv) with the
///   assessment's `hospital_id`; pending assessments are checked too (the
///   panel must stand aside before it concludes). The thresholds are those
///   of the assessment's committee region.
/// - A panel's date is its assessment's `concluded_date`, or its
///   `applied_date` while pending (rules.md §5); an assessment with neither
///   is not counted. The employer is the case's `employer_id` (the employer
///   at the time of the injury); an assessment whose case is not in
///   injury_cases.csv, or has no employer, is not counted.
/// - "Within 365 days" is read as for R04: the panels' dates lie within 365
///   calendar days, both ends included (the last at most 364 days after the first).
/// - One concentration finding per expert and employer, on the window with
///   the most panels (the earliest of equals), id `R18-expert-EXPERT-EMPLOYER`,
///   in the expert's region (experts.csv; else the committee region of its
///   latest panel for the employer), with that region's thresholds.
public struct R18ExpertRecusal: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R18", name: "专家回避与集中", subject: .assessment,
        tables: [.assessments, .experts, .injuryCases],
        fields: [
            .outcomes(["recusal", "concentration"]),
            .params([
                FieldSpec("panels", .count, "panels for workers of one employer"),
                FieldSpec("days", .days, "within this many days"),
            ]),
        ])

    public init() {}

    /// One panel an expert sat on.
    struct Panel: Sendable {
        var date: Day
        var assessmentID: String
        var region: RegionCode
    }

    struct PairKey: Hashable, Comparable {
        var expert: String
        var employer: String
        static func < (a: PairKey, b: PairKey) -> Bool { (a.expert, a.employer) < (b.expert, b.employer) }
    }

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        let rows = RecordRows.firstAssessments(snapshot)
        var findings = recusals(rows, context)
        var thresholds = RegionMemo(context) { settings in
            (
                level: settings.severity("levels", "concentration"), panels: settings.count("params", "panels"),
                days: settings.count("params", "days")
            )
        }
        // No pair with fewer panels than the smallest threshold of any region can be reported.
        let fewest = snapshot.regionCodes.names.compactMap(RegionCode.init).map { thresholds($0).panels }.min() ?? 1
        let members = PanelMembers(rows, snapshot)
        for pair in members.pairs(withAtLeast: fewest) {
            let panels = pair.members.map { member in
                let assessment = snapshot.assessments[Int(members.row[Int(member)])]
                return Panel(
                    date: Day(ordinal: members.date[Int(member)]), assessmentID: assessment.assessmentID,
                    region: assessment.regionCode)
            }
            let key = PairKey(expert: pair.expert, employer: pair.employer)
            let region =
                expert(of: key.expert, snapshot)?.regionCode
                ?? panels.max { ($0.date, $0.assessmentID) < ($1.date, $1.assessmentID) }!.region
            let (level, needed, days) = thresholds(region)
            guard panels.count >= needed else { continue }
            if let finding = concentration(
                key, panels, region: region, level: level, needed: needed, days: days, context)
            {
                findings.append(finding)
            }
        }
        return RuleOutput(findings: findings)
    }

    /// Every (expert, employer, panel) of the assessments, as integers.
    ///
    /// A million assessments make four million panel seats; grouping them by
    /// an (expert, employer) key of two strings was most of R18's time. Here
    /// the experts and employers are numbered once, a seat is three integers,
    /// and only the pairs with enough seats are turned back into records.
    struct PanelMembers {
        var experts = IDTable()
        var employers = IDTable()
        /// Per seat: its (expert, employer) pair, panel date ordinal and assessment row.
        var pair: [Int32] = []
        var date: [Int32] = []
        var row: [Int32] = []
        var pairKeys: [(expert: Int32, employer: Int32)] = []

        init(_ rows: [Int], _ snapshot: Snapshot) {
            // The employer of each case of the table (-1: none or not in injury_cases.csv).
            var caseEmployer = [Int32](repeating: -1, count: snapshot.caseIDs.count)
            for caseID in caseEmployer.indices {
                let caseRow = snapshot.caseRow[caseID]
                guard caseRow >= 0, let id = snapshot.cases[Int(caseRow)].employerID, !id.isEmpty else { continue }
                caseEmployer[caseID] = employers.intern(id)
            }
            var pairOf: [Int64: Int32] = [:]
            var seen: [Int32] = []
            for assessmentRow in rows {
                let assessment = snapshot.assessments[assessmentRow]
                guard let day = assessment.concludedDate ?? assessment.appliedDate else { continue }
                let caseID = snapshot.assessmentCase[assessmentRow]
                let employer = caseID >= 0 ? caseEmployer[Int(caseID)] : -1
                guard employer >= 0 else { continue }
                seen.removeAll(keepingCapacity: true)
                for id in assessment.expertIDs where !id.isEmpty {
                    let expert = experts.intern(id)
                    guard !seen.contains(expert) else { continue }  // each expert once a panel
                    seen.append(expert)
                    let key = Int64(expert) << 32 | Int64(employer)
                    let number: Int32
                    if let known = pairOf[key] {
                        number = known
                    } else {
                        number = Int32(pairKeys.count)
                        pairOf[key] = number
                        pairKeys.append((expert, employer))
                    }
                    pair.append(number)
                    date.append(day.ordinal)
                    row.append(Int32(assessmentRow))
                }
            }
        }

        /// The pairs with at least `count` seats, by expert then employer id (the findings' order), with
        /// their seats.
        func pairs(withAtLeast count: Int) -> [(expert: String, employer: String, members: ArraySlice<Int32>)] {
            let index = GroupIndex(keys: pair, keyCount: pairKeys.count)
            var result: [(expert: String, employer: String, members: ArraySlice<Int32>)] = []
            for number in 0..<Int32(pairKeys.count) where index.count(for: number) >= count {
                let key = pairKeys[Int(number)]
                result.append(
                    (experts.name(key.expert), employers.name(key.employer), index.rows(for: number)))
            }
            return result.sorted { ($0.expert, $0.employer) < ($1.expert, $1.employer) }
        }
    }

    // MARK: Recusal

    func recusals(_ rows: [Int], _ context: RuleContext) -> [Finding] {
        let snapshot = context.snapshot
        var findings: [Finding] = []
        for row in rows {
            let assessment = snapshot.assessments[row]
            guard let hospital = assessment.hospitalID, !hospital.isEmpty else { continue }
            let conflicted = RecordRows.panel(assessment).filter { expert(of: $0, snapshot)?.institutionID == hospital }
            guard !conflicted.isEmpty else { continue }
            let names = conflicted.map { id in expert(of: id, snapshot).map { "\(id)（\($0.name)）" } ?? id }
            let settings = context.settings(region: assessment.regionCode)
            findings.append(
                Finding(
                    ruleID: spec.id, severity: settings.severity("levels", "recusal"),
                    regionCode: assessment.regionCode, subjectType: .assessment, subjectID: assessment.assessmentID,
                    amount: .zero,
                    detail:
                        "鉴定 \(assessment.assessmentID) 的专家 \(names.joined(separator: "、")) 与出具医学证据的医院 \(hospital) 属同一机构，应当回避，请核查鉴定结论",
                    evidence: conflicted + [hospital]))
        }
        return findings
    }

    // MARK: Concentration

    /// The finding of one expert's panels for one employer, in `region` with its thresholds, or `nil`.
    func concentration(
        _ key: PairKey, _ unsorted: [Panel], region: RegionCode, level: Severity, needed: Int, days: Int,
        _ context: RuleContext
    ) -> Finding? {
        let snapshot = context.snapshot
        let panels = unsorted.sorted { ($0.date, $0.assessmentID) < ($1.date, $1.assessmentID) }
        var best = (start: 0, end: -1)
        var start = 0
        for end in panels.indices {
            while panels[start].date.distance(to: panels[end].date) >= days { start += 1 }
            if end - start > best.end - best.start { best = (start, end) }
        }
        let count = best.end - best.start + 1
        guard count >= needed else { return nil }
        let window = panels[best.start...best.end]
        let name = expert(of: key.expert, snapshot).map { "（\($0.name)）" } ?? ""
        let employerName = employer(key.employer, snapshot).map { "（\($0.name)）" } ?? ""
        return Finding(
            ruleID: spec.id, severity: level, regionCode: region,
            subjectType: .expert, subjectID: key.expert, amount: .zero,
            detail:
                "专家 \(key.expert)\(name) 在 \(window.first!.date)–\(window.last!.date) 参加了 \(count) 次用人单位 \(key.employer)\(employerName) 职工的鉴定（阈值：\(days) 天内 \(needed) 次），请核查专家抽取是否随机、有无利害关系",
            evidence: window.map(\.assessmentID),
            findingID: Finding.stableID(ruleID: spec.id, subjectType: .expert, subjectID: key.expert) + "-"
                + key.employer)
    }

    // MARK: Lookups

    func expert(of id: String, _ snapshot: Snapshot) -> Expert? {
        guard let key = snapshot.expertIDs.id(id), snapshot.expertRow[Int(key)] >= 0 else { return nil }
        return snapshot.experts[Int(snapshot.expertRow[Int(key)])]
    }

    func employer(_ id: String, _ snapshot: Snapshot) -> Employer? {
        guard let key = snapshot.employerIDs.id(id), snapshot.employerRow[Int(key)] >= 0 else { return nil }
        return snapshot.employers[Int(snapshot.employerRow[Int(key)])]
    }
}
