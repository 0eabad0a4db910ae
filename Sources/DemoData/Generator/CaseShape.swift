import FundModel

/// A hospital stay of a case's treatment, as offsets from the accident.
struct StayPlan: Sendable {
    /// Days from the end of the previous stay (or from the accident, for the first) to admission.
    var gapDays: Int
    var lengthDays: Int
    /// The stay's cost relative to the hospital's daily rate, per mille.
    var costPerMille: Int
}

/// A dependant of a fatal case, as planned before anyone is born.
struct DependantPlan: Sendable {
    var relation: Relation
    /// Age in whole years on the day of the death.
    var ageAtDeath: Int
    var lone: Bool
}

/// The labour-capacity assessment of a case, as offsets.
struct AssessmentPlan: Sendable {
    /// Months from the accident month to the application, and its day of month.
    var applyMonthOffset: Int
    var applyDay: Int
    var concludeDays: Int
    var grade: Int?
    var nursing: NursingLevel
    var feeYuan: Int
    /// 再次鉴定 at the province: days after the conclusion (within the 15 of the law), days to conclude, grade.
    var second: (applyDays: Int, concludeDays: Int, grade: Int?)?
    /// 复查鉴定: months after the final conclusion (at least a year), day, days to conclude, new grade and nursing.
    var review: (monthOffset: Int, day: Int, concludeDays: Int, grade: Int, nursing: NursingLevel)?
}

/// Everything random about a case that does not depend on the year it happens in.
///
/// The demo repeats each city's cases every year with the same shape (same day
/// of the year, same delays, same wage level, same grade), so that every
/// trailing twelve months hold the same cases and the fund's expenditure grows
/// only with wages (I01 stays quiet except where it is planted). The people,
/// hospitals and amounts in fen still differ from year to year.
struct CaseShape: Sendable {
    var profile: CaseProfile
    var kind: CaseKind
    var male: Bool
    var ageAtAccident: Int
    /// The worker's wage relative to the city's average, per mille (some below 60 %, some above 300 %).
    var wageRatioPerMille: Int
    var accidentMonth: Int
    var accidentDay: Int
    var applicant: Applicant
    var applyDays: Int
    var acceptDays: Int
    var decideDays: Int
    /// A commuting traffic accident with a third party liable: the fund advances MED (先行支付).
    var trafficLiability: Liability?
    var description: String
    /// Fatal cases: days from the accident to the death (0 = on the spot).
    var deathDays: Int
    var dependants: [DependantPlan]
    var stays: [StayPlan]
    /// Outpatient claims: days from the previous claim or stay.
    var outpatientGaps: [Int]
    var outpatientYuan: [Int]
    var rehabMonths: Int
    var rehabYuan: [Int]
    var device: (monthOffset: Int, day: Int, yuan: Int)?
    var travel: (monthOffset: Int, day: Int, yuan: Int)?
    var assessment: AssessmentPlan?
    /// Months from the final conclusion to leaving the employer (一次性工伤医疗补助金 then), day of month.
    var leave: (monthOffset: Int, day: Int)?
    /// A provincial training subsidy (PROV_TRAINING) after leaving.
    var trainingYuan: Int?
    /// A grade 1–4 worker who reaches the pension age a few years after the accident (PENSION_TOPUP).
    var retiree: Bool
    /// The day of month of each one-off payment, by the order they are paid.
    var payDays: [Int]
}

extension CaseShape {
    /// Draws a shape for a profile. `gradedTooSevere` is a minor injury that the I05 city's committee grades 1–4 (treated, paid and
    /// earning like a minor case, so that only the grade stands out).
    static func draw(
        _ profile: CaseProfile, gradedTooSevere: Bool = false, _ rng: inout DemoRandom
    ) -> CaseShape {
        let fatal = profile == .fatal
        var shape = CaseShape(
            profile: profile, kind: .injury, male: rng.chance(perMille: 700), ageAtAccident: rng.int(22...56),
            wageRatioPerMille: drawWageRatio(&rng), accidentMonth: rng.int(1...12), accidentDay: rng.int(1...28),
            applicant: .employer, applyDays: rng.int(2...24), acceptDays: rng.int(1...10), decideDays: rng.int(8...45),
            trafficLiability: nil, description: "", deathDays: 0, dependants: [], stays: [], outpatientGaps: [],
            outpatientYuan: [], rehabMonths: 0, rehabYuan: [], device: nil, travel: nil, assessment: nil, leave: nil,
            trainingYuan: nil, retiree: false, payDays: (0..<8).map { _ in rng.int(5...25) })

        // Who applied, and when. Rev. 2 (rules.md R20): an application more than 30 days after the accident is
        // a finding whoever made it (the employer did not apply in time and bears the costs, 条例 17(4)), so
        // the background applies within 28 days; R20's plants apply late.
        if fatal {
            if rng.chance(perMille: 400) {
                shape.applicant = .relative
                shape.applyDays = rng.int(8...28)
            }
        } else if profile != .rejected || rng.chance(perMille: 500) {
            let who = rng.int(0...99)
            if who < 10 {
                shape.applicant = .worker
                shape.applyDays = rng.int(5...28)
            } else if who < 12 {
                shape.applicant = .union
                shape.applyDays = rng.int(5...28)
            }
        }

        switch profile {
        case .fatal:
            if rng.chance(perMille: 333) {
                shape.kind = .deemed
                shape.deathDays = rng.int(0...1)
                shape.description = "工作时间和工作岗位突发疾病，48小时内经抢救无效死亡"
            } else {
                shape.deathDays = rng.chance(perMille: 550) ? 0 : rng.int(2...9)
                shape.description = rng.pick(["高处坠落，经抢救无效死亡", "机械伤害致死", "施工现场坍塌事故死亡", "车间爆燃事故死亡"])
            }
            shape.dependants = drawDependants(workerAge: shape.ageAtAccident, &rng)
            if shape.deathDays > 0 {
                shape.stays = [StayPlan(gapDays: 0, lengthDays: shape.deathDays, costPerMille: rng.int(1_400...2_200))]
            }
        case .rejected:
            if rng.chance(perMille: 400) {
                shape.trafficLiability = rng.pick([.main, .full])
                shape.description = "下班途中发生交通事故，本人负主要及以上责任，不予认定"
            } else {
                shape.description = rng.pick(["非因工作原因受伤，不予认定", "下班后在宿舍内摔伤，不属于工作时间和工作场所", "醉酒后受伤，不予认定"])
            }
        default:
            shape.description = rng.pick([
                "操作冲压设备时右手受伤", "搬运货物时腰部扭伤", "高处作业坠落致骨折", "车间地面湿滑摔倒致左腿骨折", "切割作业时左手受伤",
                "叉车作业时被撞伤", "脚手架拆除时坠落受伤", "配送途中被货物砸伤",
            ])
            if profile == .minorGraded && rng.chance(perMille: 60) {
                shape.kind = .disease
                shape.description = rng.pick(["职业性尘肺病（壹期）", "职业性噪声聋", "职业性慢性苯中毒"])
            } else if profile != .severe && rng.chance(perMille: 100) {
                shape.trafficLiability = rng.pick([Liability.none, .minor, .equal])
                shape.description = "上班途中发生非本人主要责任的交通事故受伤"
            }
        }

        if gradedTooSevere {
            shape.profile = .minorGraded
            shape.wageRatioPerMille = rng.int(600...700)
        }
        shape.drawTreatment(&rng)
        shape.profile = profile
        if profile.isAssessed { shape.drawAssessment(&rng) }
        if gradedTooSevere {
            shape.assessment!.grade = 4
            shape.assessment!.nursing = .none
            shape.assessment!.review = nil
            shape.retiree = false
            shape.male = rng.chance(perMille: 700)
            shape.ageAtAccident = rng.int(22...50)
        }
        return shape
    }

    /// Own wage as a share of the city average: one in ten below the 60 % floor, one in twenty above the cap.
    private static func drawWageRatio(_ rng: inout DemoRandom) -> Int {
        switch rng.weightedIndex([100, 750, 100, 50]) {
        case 0: rng.int(450...590)
        case 1: rng.int(620...1_800)
        case 2: rng.int(1_800...2_900)
        default: rng.int(3_050...3_800)
        }
    }

    /// Dependants whose shares add up to at most 100 %, so that the cap never scales them.
    private static func drawDependants(workerAge: Int, _ rng: inout DemoRandom) -> [DependantPlan] {
        let spouse = DependantPlan(relation: .spouse, ageAtDeath: max(20, workerAge + rng.int(-4...3)), lone: false)
        func child() -> DependantPlan {
            DependantPlan(relation: .child, ageAtDeath: rng.int(1...min(16, max(1, workerAge - 20))), lone: false)
        }
        func parent(lone: Bool = false) -> DependantPlan {
            DependantPlan(relation: .parent, ageAtDeath: min(92, workerAge + rng.int(24...32)), lone: lone)
        }
        switch rng.int(0...9) {
        case 0, 1: return [spouse, child()]
        case 2: return [spouse, child(), child()]
        case 3: return [spouse]
        case 4: return [spouse, parent()]
        case 5: return [parent(), parent()]
        case 6, 7: return [spouse, child(), parent()]
        case 8:
            var orphan = child()
            orphan.lone = true
            return [orphan]
        default: return [parent(lone: true)]
        }
    }

    private mutating func drawTreatment(_ rng: inout DemoRandom) {
        guard profile != .rejected, profile != .fatal else { return }
        var plan: [(ClosedRange<Int>, ClosedRange<Int>)] = []  // (gap, length)
        var outpatient = 0
        // Stays are kept within a factor of three of each other, and outpatient claims are many: a hospital's
        // mean MED per payment (R16) must not hang on whether a severe case happened to be treated there.
        switch profile {
        case .severe:
            plan = [(0...1, 14...24), (10...25, 8...14), (20...40, 5...10)]
            outpatient = rng.int(11...13)
        case .moderate:
            plan = [(0...1, 10...18), (15...30, 6...10)]
            outpatient = rng.int(8...9)
        case .minorGraded:
            plan = [(0...1, 6...12)]
            outpatient = rng.int(6...7)
        case .ungraded:
            plan = [(0...1, 4...8)]
            outpatient = rng.int(4...5)
        default:
            if rng.chance(perMille: 500) { plan = [(0...1, 3...6)] }
            outpatient = rng.int(3...5)
        }
        stays = plan.map {
            StayPlan(gapDays: rng.int($0.0), lengthDays: rng.int($0.1), costPerMille: rng.int(800...1_200))
        }
        outpatientGaps = (0..<outpatient).map { _ in rng.int(8...21) }
        outpatientYuan = (0..<outpatient).map { _ in rng.int(120...1_600) }

        let rehabChance = [CaseProfile.severe: 1_000, .moderate: 600, .minorGraded: 100][profile] ?? 0
        if rng.chance(perMille: rehabChance) {
            rehabMonths = profile == .severe ? rng.int(3...6) : rng.int(2...4)
            rehabYuan = (0..<rehabMonths).map { _ in
                profile == .severe ? rng.int(3_000...12_000) : rng.int(2_000...8_000)
            }
        }
        let deviceChance = [CaseProfile.severe: 700, .moderate: 300, .minorGraded: 80][profile] ?? 0
        if rng.chance(perMille: deviceChance) {
            device = (
                rng.int(4...9), rng.int(3...26), profile == .severe ? rng.int(3_000...18_000) : rng.int(1_500...8_000)
            )
        }
        let travelChance = [CaseProfile.severe: 250, .moderate: 120][profile] ?? 0
        if rng.chance(perMille: travelChance) {
            travel = (rng.int(2...7), rng.int(3...26), rng.int(600...4_500))
        }
    }

    private mutating func drawAssessment(_ rng: inout DemoRandom) {
        var plan = AssessmentPlan(
            applyMonthOffset: 3, applyDay: rng.int(2...27), concludeDays: rng.int(20...55), grade: nil,
            nursing: .none, feeYuan: 600, second: nil, review: nil)
        switch profile {
        case .severe:
            plan.applyMonthOffset = rng.int(5...9)
            plan.grade = [4, 3, 2, 1][rng.weightedIndex([50, 25, 15, 10])]
            plan.nursing = CaseShape.nursing(grade: plan.grade!, &rng)
            plan.feeYuan = 1_200
            if rng.chance(perMille: 300) {
                let grade = max(1, plan.grade! - 1)
                plan.review = (
                    rng.int(13...20), rng.int(2...27), rng.int(20...50), grade, CaseShape.reviewNursing(grade)
                )
            }
            retiree = rng.chance(perMille: 250)
            if retiree {
                male = true
                ageAtAccident = 57
            }
        case .moderate:
            plan.applyMonthOffset = rng.int(4...7)
            plan.grade = rng.chance(perMille: 450) ? 5 : 6
            plan.feeYuan = 900
        case .minorGraded:
            plan.applyMonthOffset = rng.int(3...6)
            plan.grade = [7, 8, 9, 10][rng.weightedIndex([15, 25, 30, 30])]
            plan.feeYuan = 700
        default:
            plan.applyMonthOffset = rng.int(3...5)
        }
        if (profile == .moderate || profile == .minorGraded) && rng.chance(perMille: 80) {
            let range = profile.grades!
            let grade = min(range.upperBound, max(range.lowerBound, plan.grade! + rng.int(-1...1)))
            plan.second = (rng.int(5...14), rng.int(25...55), grade)
        }
        if (profile == .moderate || profile == .minorGraded) && rng.chance(perMille: 600) {
            leave = (rng.int(2...14), rng.int(3...26))
            if rng.chance(perMille: 300) { trainingYuan = rng.int(2_000...3_000) }
        }
        assessment = plan
    }

    private static func nursing(grade: Int, _ rng: inout DemoRandom) -> NursingLevel {
        switch grade {
        case 1: .full
        case 2: .most
        case 3: rng.chance(perMille: 600) ? .partial : .none
        default: rng.chance(perMille: 250) ? .partial : .none
        }
    }

    private static func reviewNursing(_ grade: Int) -> NursingLevel {
        switch grade {
        case 1: .full
        case 2: .most
        default: .partial
        }
    }
}
