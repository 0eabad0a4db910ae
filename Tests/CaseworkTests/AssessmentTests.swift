import FundModel
import Testing

@testable import Casework

/// A determination decided with `outcome` on 2024-04-01 (parts 左手, 右腿 unless rejected).
func decidedFile(_ outcome: DeterminationOutcome = .recognized, id: String = "GS-1", fatal: Bool = false) throws
    -> DeterminationFile
{
    var (file, _) = try DeterminationMachine.open(
        T.application(id, fatal: fatal), act: T.act("2024-03-10"), today: T.today)
    file = try DeterminationMachine.apply(.accept(clearCase: false), to: file, act: T.act("2024-03-22"), today: T.today)
        .0
    if fatal {
        let record = InvestigationRecord(day: T.day("2024-03-25"), investigators: ["张三"], summary: "调查")
        file = try DeterminationMachine.apply(
            .recordInvestigation(record), to: file, act: T.act("2024-03-25"), today: T.today
        ).0
    }
    let basis: StatuteBasis =
        switch outcome {
        case .recognized: StatuteBasis(article: 14, item: 1)
        case .deemed: StatuteBasis(article: 15, item: 2)
        case .rejected: StatuteBasis(article: 16, item: 2)
        }
    let parts = outcome == .rejected ? [] : ["左手", "右腿"]
    return try DeterminationMachine.apply(
        .decide(outcome: outcome, basis: basis, injuredParts: parts), to: file, act: T.act("2024-04-01"), today: T.today
    ).0
}

func assessmentApplication(
    _ id: String = "JD-1", kind: AssessmentKind = .initial, previous: String? = nil, received: Day? = nil,
    applicant: AssessmentApplicant = .worker, materials: [AssessmentMaterial]? = nil
) -> AssessmentApplication {
    AssessmentApplication(
        assessmentID: id, caseID: "GS-1", kind: kind, previousAssessmentID: previous, conclusionReceived: received,
        applicant: applicant, hospitalID: T.hospital, specialties: ["骨科"],
        materials: materials ?? AssessmentMaterial.checklist(for: kind))
}

private func open(
    _ application: AssessmentApplication, on day: String, case file: DeterminationFile? = nil,
    caseFiles: [AssessmentFile] = [], prior: [PriorConclusion] = [], today: Day = T.today
) throws -> AssessmentFile {
    try AssessmentMachine.open(
        application, assessedCase: AssessedCase(try file ?? decidedFile()), caseFiles: caseFiles,
        priorConclusions: prior, act: T.act(day), today: today
    ).0
}

/// A file with a drawn panel (as `ExpertPanels` leaves it).
private func withPanel(_ file: AssessmentFile, _ size: Int = 3) -> AssessmentFile {
    var file = file
    file.panelDrawID = file.assessmentID + "-P1"
    file.panel = (1...size).map { "ZJ\($0)" }
    return file
}

private let conclusion = AssessmentAction.conclude(grade: 7, nursing: .none, injuredParts: ["左手"], opinion: "左手功能部分丧失")

/// An initial assessment applied 2024-06-01, concluded 2024-07-20, delivered 2024-08-10.
private func deliveredInitial() throws -> AssessmentFile {
    var file = withPanel(try open(assessmentApplication(), on: "2024-06-01"))
    file = try AssessmentMachine.apply(conclusion, to: file, act: T.act("2024-07-20"), today: T.today).0
    return try AssessmentMachine.apply(.deliver, to: file, act: T.act("2024-08-10"), today: T.today).0
}

@Suite("AssessmentMachine: the 劳动能力鉴定 procedure")
struct AssessmentMachineTests {
    @Test("only a recognized or deemed, non-fatal case may be assessed")
    func eligibility() throws {
        #expect(try open(assessmentApplication(), on: "2024-06-01").state == .examining)
        #expect(try open(assessmentApplication(), on: "2024-06-01", case: try decidedFile(.deemed)).state == .examining)

        let rejected = T.error {
            _ = try open(assessmentApplication(), on: "2024-06-01", case: try decidedFile(.rejected))
        }
        #expect(rejected?.kind == .refused && rejected?.message.contains("不予认定工伤") == true)
        #expect(rejected?.message.contains("社会保险法第三十六条") == true)

        var (pending, _) = try DeterminationMachine.open(T.application(), act: T.act("2024-03-10"), today: T.today)
        pending = try DeterminationMachine.apply(
            .accept(clearCase: false), to: pending, act: T.act("2024-03-22"), today: T.today
        ).0
        #expect(
            T.error { _ = try open(assessmentApplication(), on: "2024-06-01", case: pending) }?.message.contains(
                "条例第二十三条") == true)

        let fatal = T.error {
            _ = try open(assessmentApplication(), on: "2024-06-01", case: try decidedFile(fatal: true))
        }
        #expect(fatal?.message.contains("工亡") == true)
    }

    @Test("60 days from complete materials; one notice of what is missing")
    func materialsAndClock() throws {
        let complete = try open(assessmentApplication(), on: "2024-06-01")
        // 条例 25: 2024-06-01 + 60 days = 2024-07-31.
        #expect(complete.materialsCompleted == T.day("2024-06-01") && complete.conclusionDue == T.day("2024-07-31"))
        #expect(complete.determinationParts == ["左手", "右腿"] && complete.regionCode == T.city)

        var file = try open(assessmentApplication(materials: [.applicationForm, .identityDocument]), on: "2024-06-01")
        #expect(file.state == .received && file.conclusionDue == nil)
        file = try AssessmentMachine.apply(.notifyIncomplete, to: file, act: T.act("2024-06-03"), today: T.today).0
        #expect(file.state == .incomplete && file.notice?.missing == [.determinationDecision, .medicalRecords])
        #expect(file.currentDeadline() == nil)
        #expect(
            T.error {
                _ = try AssessmentMachine.apply(.notifyIncomplete, to: file, act: T.act("2024-06-04"), today: T.today)
            }?.message.contains("一次性") == true)
        file = try AssessmentMachine.apply(
            .receiveMaterials([.determinationDecision, .medicalRecords]), to: file, act: T.act("2024-06-10"),
            today: T.today
        ).0
        // The clock starts when the materials are complete: 2024-06-10 + 60 = 2024-08-09.
        #expect(file.state == .examining && file.conclusionDue == T.day("2024-08-09"))
    }

    @Test("no conclusion without a panel of 3 or 5 (条例 25); the grade is 1–10; parts must be the determination's")
    func conclude() throws {
        let file = try open(assessmentApplication(), on: "2024-06-01")
        let noPanel = T.error {
            _ = try AssessmentMachine.apply(conclusion, to: file, act: T.act("2024-07-01"), today: T.today)
        }
        #expect(noPanel?.kind == .refused && noPanel?.message.contains("条例第二十五条") == true)
        var four = withPanel(file, 4)
        four.panel = ["A", "B", "C", "D"]
        #expect(
            T.error { _ = try AssessmentMachine.apply(conclusion, to: four, act: T.act("2024-07-01"), today: T.today) }?
                .kind == .refused)

        let paneled = withPanel(file)
        let badGrade = T.error {
            _ = try AssessmentMachine.apply(
                .conclude(grade: 11, nursing: .none, injuredParts: ["左手"], opinion: ""), to: paneled,
                act: T.act("2024-07-01"),
                today: T.today)
        }
        #expect(badGrade?.kind == .invalid && badGrade?.message.contains("条例第二十二条") == true)
        let strayPart = T.error {
            _ = try AssessmentMachine.apply(
                .conclude(grade: 5, nursing: .partial, injuredParts: ["左手", "头部"], opinion: ""), to: paneled,
                act: T.act("2024-07-01"), today: T.today)
        }
        #expect(strayPart?.kind == .refused && strayPart?.message.contains("“头部”") == true)

        let (concluded, event) = try AssessmentMachine.apply(
            .conclude(grade: nil, nursing: .none, injuredParts: ["右腿"], opinion: "未达级"), to: paneled,
            act: T.act("2024-07-20"), today: T.today)
        #expect(concluded.state == .concluded && concluded.conclusion?.grade == nil)
        #expect(event.detail.contains("未达级"))
        // Delivery within 15 days (2025 办法): the 15th day, 2024-08-04, is a Sunday, so Monday (民法典 203); a review
        // from the anniversary (条例 28), which is not a deadline and does not move.
        #expect(concluded.deliveryDue == T.day("2024-08-05") && concluded.earliestReview == T.day("2025-07-20"))
        #expect(concluded.concludedOnTime == true)
        #expect(
            concluded.assessment.expertIDs == ["ZJ1", "ZJ2", "ZJ3"]
                && concluded.assessment.concludedDate == T.day("2024-07-20"))
        #expect(
            T.error {
                _ = try AssessmentMachine.apply(conclusion, to: concluded, act: T.act("2024-07-21"), today: T.today)
            }?.message.contains("重复") == true)
    }

    @Test("the 30-day extension once, with a reason; a rescheduled examination moves the deadline")
    func extendAndPostpone() throws {
        var file = try open(assessmentApplication(), on: "2024-06-01")
        #expect(
            T.error { _ = try AssessmentMachine.apply(.extend, to: file, act: T.act("2024-07-01"), today: T.today) }?
                .kind == .invalid)
        file = try AssessmentMachine.apply(
            .extend, to: file, act: T.act("2024-07-01", reason: "涉及多个专科"), today: T.today
        ).0
        // 2024-07-31 + 30 = 2024-08-30.
        #expect(file.conclusionDue == T.day("2024-08-30"))
        let twice = T.error {
            _ = try AssessmentMachine.apply(.extend, to: file, act: T.act("2024-07-02", reason: "再延"), today: T.today)
        }
        #expect(twice?.kind == .refused && twice?.message.contains("只能延长一次") == true)
        file = try AssessmentMachine.apply(
            .postpone(days: 10), to: file, act: T.act("2024-07-05", reason: "职工住院无法到场"), today: T.today
        ).0
        #expect(file.conclusionDue == T.day("2024-09-09"))
        #expect(
            T.error {
                _ = try AssessmentMachine.apply(
                    .postpone(days: 0), to: file, act: T.act("2024-07-06", reason: "x"), today: T.today)
            }?.kind == .invalid)
    }

    @Test("a second assessment within 15 days of receiving the conclusion (条例 26), to the province, final")
    func secondAssessment() throws {
        let initial = try deliveredInitial()
        let prior = [initial.priorConclusion!]
        #expect(initial.secondAssessmentDue == T.day("2024-08-26"))

        // Delivered 2024-08-10: the 15th day is Sunday 2024-08-25, so the deadline is Monday 26 (民法典 203).
        let second = try open(
            assessmentApplication("JD-2", kind: .second), on: "2024-08-26", caseFiles: [initial], prior: prior)
        #expect(second.regionCode == T.province && second.previousAssessmentID == "JD-1")
        #expect(second.missingMaterials.isEmpty && second.state == .examining)

        let late = T.error {
            _ = try open(
                assessmentApplication("JD-2", kind: .second), on: "2024-08-27", caseFiles: [initial], prior: prior)
        }
        #expect(late?.kind == .refused)
        #expect(late?.message.contains("条例第二十六条") == true && late?.message.contains("2024-08-26") == true)

        // The applicant received it later than the register's delivery: the window counts from that day.
        let receivedLater = try open(
            assessmentApplication("JD-2", kind: .second, received: T.day("2024-08-15")), on: "2024-08-30",
            caseFiles: [initial], prior: prior)
        #expect(receivedLater.kind == .second)

        // The province's conclusion is final.
        var concludedSecond = withPanel(second, 5)
        concludedSecond = try AssessmentMachine.apply(
            conclusion, to: concludedSecond, act: T.act("2024-09-20"), today: T.today
        ).0
        #expect(concludedSecond.secondAssessmentDue == nil)
        let third = T.error {
            _ = try open(
                assessmentApplication("JD-3", kind: .second, previous: "JD-2", received: T.day("2024-09-21")),
                on: "2024-09-22",
                caseFiles: [initial, concludedSecond], prior: prior + [concludedSecond.priorConclusion!])
        }
        #expect(third?.message.contains("最终结论") == true)
    }

    @Test("a review not earlier than one year after the conclusion (条例 28)")
    func review() throws {
        let initial = try deliveredInitial()
        let prior = [initial.priorConclusion!]
        let later = T.day("2026-01-01")
        let early = T.error {
            _ = try open(
                assessmentApplication("JD-R", kind: .review), on: "2025-07-19", caseFiles: [initial], prior: prior,
                today: later)
        }
        #expect(early?.kind == .refused)
        #expect(early?.message.contains("条例第二十八条") == true && early?.message.contains("2025-07-20") == true)
        let review = try open(
            assessmentApplication("JD-R", kind: .review, applicant: .agency), on: "2025-07-20", caseFiles: [initial],
            prior: prior, today: later)
        #expect(review.kind == .review && review.regionCode == T.city && review.previousAssessmentID == "JD-1")
        // Without any conclusion there is nothing to review.
        #expect(
            T.error { _ = try open(assessmentApplication("JD-R", kind: .review), on: "2025-07-20", today: later) }?
                .message.contains("尚无") == true)
    }

    @Test("one assessment at a time, one initial per case, the agency only for a review")
    func oneAtATime() throws {
        let running = try open(assessmentApplication(), on: "2024-06-01")
        #expect(
            T.error { _ = try open(assessmentApplication("JD-2"), on: "2024-06-02", caseFiles: [running]) }?.message
                .contains("正在办理") == true)
        let initial = try deliveredInitial()
        let again = T.error {
            _ = try open(
                assessmentApplication("JD-2"), on: "2024-09-01", caseFiles: [initial], prior: [initial.priorConclusion!]
            )
        }
        #expect(again?.message.contains("已有初次鉴定") == true)
        #expect(
            T.error { _ = try open(assessmentApplication(applicant: .agency), on: "2024-06-01") }?.message.contains(
                "经办机构") == true)
        // A terminated attempt does not block a new one.
        let terminated = try AssessmentMachine.apply(
            .terminate, to: running, act: T.act("2024-06-10", reason: "职工无正当理由未参加现场鉴定"), today: T.today
        ).0
        #expect(terminated.state == .terminated)
        #expect(try open(assessmentApplication("JD-2"), on: "2024-06-20", caseFiles: [terminated]).state == .examining)
        #expect(
            T.error {
                _ = try AssessmentMachine.apply(.terminate, to: running, act: T.act("2024-06-10"), today: T.today)
            }?.kind == .invalid)
    }
}
