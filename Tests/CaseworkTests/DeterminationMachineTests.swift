import FundModel
import Testing

@testable import Casework

/// Applies steps in order to a new file, failing the test on any refusal.
private func run(
    _ steps: [(DeterminationAction, CaseworkAct)], from application: DeterminationApplication = T.application(),
    applied: String = "2024-03-10"
) throws -> DeterminationFile {
    var (file, _) = try DeterminationMachine.open(application, act: T.act(applied), today: T.today)
    for (action, act) in steps {
        file = try DeterminationMachine.apply(action, to: file, act: act, today: T.today).0
    }
    return file
}

@Suite("DeterminationMachine: the 工伤认定 procedure")
struct DeterminationMachineTests {
    @Test("the whole path: applied → accepted → investigating → suspended → resumed → decided → delivered")
    func wholePath() throws {
        var (file, opened) = try DeterminationMachine.open(T.application(), act: T.act("2024-03-10"), today: T.today)
        #expect(file.state == .applied && file.version == 1 && opened.toState == "applied")
        // 认定办法 8: acceptance within 15 days of 2024-03-10.
        #expect(file.acceptanceDue == T.day("2024-03-25"))

        var event: CaseworkEvent
        (file, event) = try DeterminationMachine.apply(
            .accept(clearCase: false), to: file, act: T.act("2024-03-22"), today: T.today)
        #expect(file.state == .accepted && file.acceptedDate == T.day("2024-03-22") && file.version == 2)
        #expect(event.fromState == "applied" && event.toState == "accepted" && event.act.actor == "王科员")
        // 条例 20: 60 days from 2024-03-22 is 2024-05-21 (9 days to 31 March, 30 in April, 21 in May).
        #expect(file.decisionDue(asOf: T.day("2024-03-22")) == T.day("2024-05-21"))

        (file, _) = try DeterminationMachine.apply(
            .startInvestigation, to: file, act: T.act("2024-03-25"), today: T.today)
        #expect(file.state == .investigating)
        (file, _) = try DeterminationMachine.apply(
            .suspend(awaiting: "交警部门事故责任认定书"), to: file, act: T.act("2024-04-01"), today: T.today)
        #expect(file.state == .suspended)
        // While suspended the clock stands: no deadline runs, and the due day moves with every day waited.
        #expect(file.currentDeadline(asOf: T.day("2024-04-05")) == nil)
        // (2024-05-25 is a Saturday: the due day shown moves to Monday 27 May.)
        #expect(file.decisionDue(asOf: T.day("2024-04-05")) == T.day("2024-05-27"))

        (file, event) = try DeterminationMachine.apply(.resume, to: file, act: T.act("2024-04-11"), today: T.today)
        #expect(file.state == .investigating)
        // Suspended 10 days (1 → 11 April): due 2024-05-21 + 10 = 2024-05-31.
        #expect(file.suspendedDays(asOf: T.today) == 10)
        #expect(file.decisionDue(asOf: T.today) == T.day("2024-05-31"))
        #expect(event.detail.contains("2024-05-31"))

        (file, event) = try DeterminationMachine.apply(
            T.recognized14_1, to: file, act: T.act("2024-05-10"), today: T.today)
        #expect(file.state == .decided)
        #expect(file.decision?.outcome == .recognized && file.decision?.basis == StatuteBasis(article: 14, item: 1))
        #expect(file.decision?.injuredParts == ["左手", "右腿"])
        #expect(event.detail.contains("《工伤保险条例》第十四条第（一）项"))
        // 认定办法 22: delivery within 20 days of 2024-05-10.
        #expect(file.deliveryDue == T.day("2024-05-30"))
        #expect(file.decidedWithinSixtyDays == true)
        #expect(file.injuryCase.decision == .recognized && file.injuryCase.decidedDate == T.day("2024-05-10"))

        (file, _) = try DeterminationMachine.apply(.deliver, to: file, act: T.act("2024-05-20"), today: T.today)
        #expect(file.state == .delivered && file.deliveredDate == T.day("2024-05-20") && file.version == 7)
        #expect(file.currentDeadline(asOf: T.today) == nil)
    }

    @Test("a clear case is due in 15 days (条例 20(2))")
    func clearCase() throws {
        let file = try run([(.accept(clearCase: true), T.act("2024-03-22"))])
        // 2024-04-06 is in the Qingming holiday: due on the make-up working Sunday 7 April (民法典 203).
        #expect(file.decisionDue(asOf: T.today) == T.day("2024-04-07"))
        #expect(file.currentDeadline(asOf: T.day("2024-03-30"))?.basis == "条例第二十条第二款")
    }

    @Test("incomplete materials: one notice of everything missing, supplements, then 15 days to accept")
    func incompleteMaterials() throws {
        var (file, _) = try DeterminationMachine.open(
            T.application(materials: [.applicationForm]), act: T.act("2024-03-10"), today: T.today)
        #expect(file.missingMaterials == [.employmentProof, .medicalCertificate])

        var event: CaseworkEvent
        (file, event) = try DeterminationMachine.apply(
            .notifyIncomplete, to: file, act: T.act("2024-03-12"), today: T.today)
        #expect(file.state == .incomplete)
        #expect(file.notice?.missing == [.employmentProof, .medicalCertificate])
        #expect(event.detail.contains("劳动关系证明材料") && event.detail.contains("医疗诊断证明"))
        // Waiting for the applicant: no deadline of the department runs.
        #expect(file.currentDeadline(asOf: T.day("2024-03-15")) == nil)

        // A second notice is refused: the notice is one-time (条例 18).
        let again = T.error {
            _ = try DeterminationMachine.apply(.notifyIncomplete, to: file, act: T.act("2024-03-13"), today: T.today)
        }
        #expect(again?.kind == .refused)
        #expect(again?.message.contains("一次性") == true && again?.message.contains("条例第十八条") == true)

        (file, _) = try DeterminationMachine.apply(
            .receiveMaterials([.employmentProof]), to: file, act: T.act("2024-03-15"), today: T.today)
        #expect(file.state == .incomplete)
        (file, event) = try DeterminationMachine.apply(
            .receiveMaterials([.medicalCertificate]), to: file, act: T.act("2024-03-20"), today: T.today)
        #expect(file.state == .supplemented && file.supplementsCompleted == T.day("2024-03-20"))
        // 认定办法 8: 15 days from the last supplement, 2024-04-04, falls in the Qingming holiday (4–6 April 2024):
        // due on the make-up working Sunday 7 April (民法典 203).
        #expect(file.acceptanceDue == T.day("2024-04-07"))
        #expect(event.detail.contains("2024-04-07"))

        (file, _) = try DeterminationMachine.apply(
            .accept(clearCase: false), to: file, act: T.act("2024-03-25"), today: T.today)
        #expect(file.state == .accepted)
    }

    @Test("accepting with materials missing is refused, naming 条例 18 and what is missing")
    func acceptIncomplete() throws {
        let (file, _) = try DeterminationMachine.open(
            T.application(materials: [.applicationForm, .medicalCertificate]), act: T.act("2024-03-10"), today: T.today)
        let error = T.error {
            _ = try DeterminationMachine.apply(
                .accept(clearCase: false), to: file, act: T.act("2024-03-11"), today: T.today)
        }
        #expect(error?.kind == .refused)
        #expect(error?.message.contains("条例第十八条") == true && error?.message.contains("劳动关系证明材料") == true)
        // Nor may a complete file be told to supplement.
        let complete = try run([])
        let notice = T.error {
            _ = try DeterminationMachine.apply(
                .notifyIncomplete, to: complete, act: T.act("2024-03-11"), today: T.today)
        }
        #expect(notice?.message.contains("材料齐全") == true)
    }

    @Test("deciding before acceptance is refused in every pre-acceptance state (条例 20)")
    func decideBeforeAcceptance() throws {
        let applied = try run([])
        let incomplete = try run(
            [(.notifyIncomplete, T.act("2024-03-11"))], from: T.application(materials: [.applicationForm]))
        let supplemented = try run(
            [
                (.notifyIncomplete, T.act("2024-03-11")),
                (.receiveMaterials([.employmentProof, .medicalCertificate]), T.act("2024-03-12")),
            ],
            from: T.application(materials: [.applicationForm]))
        #expect(supplemented.state == .supplemented)
        for file in [applied, incomplete, supplemented] {
            let error = T.error {
                _ = try DeterminationMachine.apply(T.recognized14_1, to: file, act: T.act("2024-03-20"), today: T.today)
            }
            #expect(error?.kind == .refused)
            #expect(error?.message.contains("尚未受理") == true && error?.message.contains("条例第二十条") == true)
        }
    }

    @Test("a fatal case cannot be decided without an investigation record")
    func fatalNeedsInvestigation() throws {
        let accepted = try run([(.accept(clearCase: false), T.act("2024-03-22"))], from: T.application(fatal: true))
        let fatalDecision = DeterminationAction.decide(
            outcome: .recognized, basis: StatuteBasis(article: 14, item: 1), injuredParts: [])
        let error = T.error {
            _ = try DeterminationMachine.apply(fatalDecision, to: accepted, act: T.act("2024-04-01"), today: T.today)
        }
        #expect(error?.kind == .refused && error?.message.contains("工亡案件") == true)
        // Starting an investigation is not enough: a record is needed.
        let investigating = try DeterminationMachine.apply(
            .startInvestigation, to: accepted, act: T.act("2024-03-25"), today: T.today
        ).0
        #expect(
            T.error {
                _ = try DeterminationMachine.apply(
                    fatalDecision, to: investigating, act: T.act("2024-04-01"), today: T.today)
            } != nil)

        let record = InvestigationRecord(
            day: T.day("2024-03-28"), investigators: ["张三", " 李四 ", ""], summary: " 现场勘查，询问同事三人 ")
        let recorded = try DeterminationMachine.apply(
            .recordInvestigation(record), to: accepted, act: T.act("2024-03-28"), today: T.today
        ).0
        #expect(recorded.state == .investigating)
        #expect(
            recorded.investigations == [
                InvestigationRecord(day: T.day("2024-03-28"), investigators: ["张三", "李四"], summary: "现场勘查，询问同事三人")
            ])
        // A fatal case needs no injured parts.
        let decided = try DeterminationMachine.apply(
            fatalDecision, to: recorded, act: T.act("2024-04-01"), today: T.today
        ).0
        #expect(decided.state == .decided)
    }

    @Test("no decision while suspended; resume returns to the state before")
    func suspendedCannotDecide() throws {
        let suspended = try run([
            (.accept(clearCase: false), T.act("2024-03-22")),
            (.suspend(awaiting: "劳动关系仲裁裁决"), T.act("2024-03-30")),
        ])
        let error = T.error {
            _ = try DeterminationMachine.apply(
                T.recognized14_1, to: suspended, act: T.act("2024-04-01"), today: T.today)
        }
        #expect(error?.message.contains("中止") == true && error?.message.contains("条例第二十条第三款") == true)
        let resumed = try DeterminationMachine.apply(.resume, to: suspended, act: T.act("2024-04-30"), today: T.today).0
        #expect(resumed.state == .accepted)
        #expect(resumed.suspensions.first?.until == T.day("2024-04-30"))
        // Resuming twice, or suspending without saying what is awaited, is refused.
        #expect(
            T.error {
                _ = try DeterminationMachine.apply(.resume, to: resumed, act: T.act("2024-05-01"), today: T.today)
            }?.kind == .refused)
        #expect(
            T.error {
                _ = try DeterminationMachine.apply(
                    .suspend(awaiting: "  "), to: resumed, act: T.act("2024-05-01"), today: T.today)
            }?.kind == .invalid)
    }

    @Test("the article: 14 (1)–(7) for recognized, 15 (1)–(3) for deemed, 16 (1)–(3) or 14/15 for rejected")
    func basis() throws {
        let accepted = try run([(.accept(clearCase: false), T.act("2024-03-22"))])
        func decide(_ outcome: DeterminationOutcome, _ article: Int, _ item: Int?) -> CaseworkError? {
            T.error {
                _ = try DeterminationMachine.apply(
                    .decide(outcome: outcome, basis: StatuteBasis(article: article, item: item), injuredParts: ["左手"]),
                    to: accepted, act: T.act("2024-04-01"), today: T.today)
            }
        }
        #expect(decide(.recognized, 14, 7) == nil)
        #expect(decide(.recognized, 14, 8)?.kind == .invalid)
        #expect(decide(.recognized, 15, 1)?.kind == .invalid)
        #expect(decide(.recognized, 14, nil)?.kind == .invalid)
        #expect(decide(.deemed, 15, 3) == nil)
        #expect(decide(.deemed, 15, 4)?.kind == .invalid)
        #expect(decide(.rejected, 16, 2) == nil)
        #expect(decide(.rejected, 14, nil) == nil)
        #expect(decide(.rejected, 15, nil) == nil)
        #expect(decide(.rejected, 16, nil)?.kind == .invalid)
        #expect(decide(.rejected, 17, 1)?.kind == .invalid)
        #expect(StatuteBasis(code: "14(6)") == StatuteBasis(article: 14, item: 6))
        #expect(StatuteBasis(code: "16") == StatuteBasis(article: 16, item: nil))
        #expect(StatuteBasis(article: 16, item: 3).chineseName == "《工伤保险条例》第十六条第（三）项")
    }

    @Test("recognition names the injured parts; a rejection needs none")
    func injuredParts() throws {
        let accepted = try run([(.accept(clearCase: false), T.act("2024-03-22"))])
        let noParts = T.error {
            _ = try DeterminationMachine.apply(
                .decide(outcome: .recognized, basis: StatuteBasis(article: 14, item: 1), injuredParts: [" "]),
                to: accepted,
                act: T.act("2024-04-01"), today: T.today)
        }
        #expect(noParts?.kind == .invalid && noParts?.message.contains("受伤部位") == true)
        let rejected = try DeterminationMachine.apply(
            .decide(outcome: .rejected, basis: StatuteBasis(article: 16, item: 2), injuredParts: []), to: accepted,
            act: T.act("2024-04-01"), today: T.today
        ).0
        #expect(rejected.decision?.outcome == .rejected && rejected.injuryCase.decision == .rejected)
    }

    @Test("not accepted needs a reason and closes the file")
    func notAccepted() throws {
        let file = try run([])
        #expect(
            T.error {
                _ = try DeterminationMachine.apply(
                    .refuseAcceptance, to: file, act: T.act("2024-03-11"), today: T.today)
            }?.kind == .invalid)
        let closed = try DeterminationMachine.apply(
            .refuseAcceptance, to: file, act: T.act("2024-03-11", reason: "申请人与用人单位不存在劳动关系"), today: T.today
        ).0
        #expect(closed.state == .notAccepted && closed.notAcceptedReason == "申请人与用人单位不存在劳动关系")
        #expect(
            T.error {
                _ = try DeterminationMachine.apply(
                    .accept(clearCase: false), to: closed, act: T.act("2024-03-12"), today: T.today)
            }?.kind == .refused)
    }

    @Test("steps out of order are refused: deliver before deciding, investigate before accepting, decide twice")
    func outOfOrder() throws {
        let accepted = try run([(.accept(clearCase: false), T.act("2024-03-22"))])
        #expect(
            T.error {
                _ = try DeterminationMachine.apply(.deliver, to: accepted, act: T.act("2024-04-01"), today: T.today)
            }?.message.contains("认定办法第二十二条") == true)
        let applied = try run([])
        #expect(
            T.error {
                _ = try DeterminationMachine.apply(
                    .startInvestigation, to: applied, act: T.act("2024-03-11"), today: T.today)
            }?.message.contains("条例第十九条") == true)
        let decided = try DeterminationMachine.apply(
            T.recognized14_1, to: accepted, act: T.act("2024-04-01"), today: T.today
        ).0
        #expect(
            T.error {
                _ = try DeterminationMachine.apply(
                    T.recognized14_1, to: decided, act: T.act("2024-04-02"), today: T.today)
            }?.message.contains("重复认定") == true)
    }

    @Test("who and when: an actor is required, no backdating before the last step, no future dates")
    func actChecks() throws {
        let accepted = try run([(.accept(clearCase: false), T.act("2024-03-22"))])
        let backdated = T.error {
            _ = try DeterminationMachine.apply(
                .startInvestigation, to: accepted, act: T.act("2024-03-21"), today: T.today)
        }
        #expect(backdated?.kind == .invalid && backdated?.message.contains("倒签") == true)
        let future = T.error {
            _ = try DeterminationMachine.apply(
                .startInvestigation, to: accepted, act: T.act("2025-01-01"), today: T.today)
        }
        #expect(future?.message.contains("晚于今天") == true)
        let anonymous = T.error {
            _ = try DeterminationMachine.apply(
                .startInvestigation, to: accepted, act: T.act("2024-03-23", by: " "), today: T.today)
        }
        #expect(anonymous?.message.contains("经办人") == true)
        // An application dated before its accident.
        #expect(
            T.error {
                _ = try DeterminationMachine.open(
                    T.application(accident: "2024-03-11"), act: T.act("2024-03-10"), today: T.today)
            }?.kind == .invalid)
    }

    @Test("条例 17: a late application is registered and marked (employer 30 days, others 1 year)")
    func lateApplication() throws {
        // Employer: accident 2024-03-01, the 30th day is Sunday 2024-03-31: due Monday 1 April (民法典 203).
        let (onTime, _) = try DeterminationMachine.open(T.application(), act: T.act("2024-04-01"), today: T.today)
        #expect(onTime.applicationDue == T.day("2024-04-01") && !onTime.appliedLate)
        let (late, event) = try DeterminationMachine.open(T.application(), act: T.act("2024-04-02"), today: T.today)
        #expect(late.appliedLate && event.detail.contains("超过条例第十七条申请时限"))
        // Worker: one year, to Saturday 2025-03-01: due Monday 3 March.
        let (worker, _) = try DeterminationMachine.open(
            T.application(applicant: .worker), act: T.act("2024-12-31"), today: T.today)
        #expect(worker.applicationDue == T.day("2025-03-03") && !worker.appliedLate)
    }

    @Test("I07: decided within 60 days net of suspensions; overdue undecided cases count against the rate")
    func onTimeRate() throws {
        let accept = (DeterminationAction.accept(clearCase: false), T.act("2024-03-22"))  // due 2024-05-21
        let onTime = try run([accept, (T.recognized14_1, T.act("2024-05-21"))])
        let late = try run([accept, (T.recognized14_1, T.act("2024-05-22"))], from: T.application("GS-2"))
        // Suspended 20 days: 2024-05-30 is within 60 + 20 days (due 2024-06-10).
        let suspended = try run(
            [
                accept, (.suspend(awaiting: "法院判决"), T.act("2024-04-01")), (.resume, T.act("2024-04-21")),
                (T.recognized14_1, T.act("2024-05-30")),
            ], from: T.application("GS-3"))
        // Undecided, 60 days ran out on 2024-05-21: overdue on 2024-06-30.
        let pending = try run([accept], from: T.application("GS-4"))
        // Undecided but suspended since April: the clock stands, not overdue.
        let waiting = try run([accept, (.suspend(awaiting: "法院判决"), T.act("2024-04-01"))], from: T.application("GS-5"))
        // Another city, decided on time.
        let other = try run(
            [accept, (T.recognized14_1, T.act("2024-04-01"))], from: T.application("GS-6", region: T.otherCity))

        let rates = DeterminationRegister.onTimeRates(
            [onTime, late, suspended, pending, waiting, other], from: T.day("2024-01-01"), to: T.day("2024-12-31"),
            asOf: T.day("2024-06-30"))
        #expect(rates.count == 2)
        let city = try #require(rates.first { $0.regionCode == T.city })
        #expect(city.onTime == 2 && city.late == 1 && city.overduePending == 1)
        // 2 of 4 = 50 %.
        #expect(city.rate == Decimal4(tenThousandths: 5000) && city.percentText == "50.00%")
        let second = try #require(rates.first { $0.regionCode == T.otherCity })
        #expect(second.total == 1 && second.percentText == "100.00%")
        // A period that holds none of the decisions.
        #expect(
            DeterminationRegister.onTimeRates(
                [onTime], from: T.day("2024-06-01"), to: T.day("2024-06-30"), asOf: T.today
            ).isEmpty)
        // 2 of 3 rounds half up to 66.67 %.
        #expect(OnTimeRate(regionCode: T.city, onTime: 2, late: 1, overduePending: 0).percentText == "66.67%")
    }
}
