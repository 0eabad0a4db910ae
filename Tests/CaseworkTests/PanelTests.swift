import FundModel
import Testing

@testable import Casework

@Suite("SeededGenerator: SplitMix64, the same numbers everywhere")
struct SeededGeneratorTests {
    @Test("the published SplitMix64 test vectors")
    func vectors() {
        var zero = SeededGenerator(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
        #expect(zero.next() == 0x6E78_9E6A_A1B9_65F4)
        var seeded = SeededGenerator(seed: 1_234_567)
        #expect(
            [seeded.next(), seeded.next(), seeded.next()] == [
                6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            ])
    }

    @Test("uniform(below:) stays in range and is not constant")
    func uniform() {
        var generator = SeededGenerator(seed: 99)
        let values = (0..<1000).map { _ in generator.uniform(below: 7) }
        #expect(values.allSatisfy { (0..<7).contains($0) })
        #expect(Set(values).count == 7)
    }
}

private let pool = [
    PanelCandidate(expertID: "ZJ01", specialty: "骨科"), PanelCandidate(expertID: "ZJ02", specialty: "骨科"),
    PanelCandidate(expertID: "ZJ03", specialty: "神经外科"), PanelCandidate(expertID: "ZJ04", specialty: "骨科"),
    PanelCandidate(expertID: "ZJ05", specialty: "神经外科"), PanelCandidate(expertID: "ZJ06", specialty: "手外科"),
]

@Suite("PanelDrawer: 3 or 5 experts at random, each needed specialty seated, replayable")
struct PanelDrawerTests {
    @Test("the draw of a seed (expected panels from an independent implementation of the documented algorithm)")
    func reproducible() throws {
        let three = try PanelDrawer.select(pool: pool, specialties: ["骨科", "神经外科"], size: 3, seed: 42)
        #expect(three == ["ZJ02", "ZJ05", "ZJ04"])
        // The pool's order as given does not matter: it is sorted by id first.
        #expect(try PanelDrawer.select(pool: pool.reversed(), specialties: ["骨科", "神经外科"], size: 3, seed: 42) == three)
        #expect(
            try PanelDrawer.select(pool: pool, specialties: ["骨科", "神经外科"], size: 5, seed: 42) == [
                "ZJ02", "ZJ05", "ZJ04", "ZJ01", "ZJ03",
            ])
        #expect(
            try PanelDrawer.select(pool: pool, specialties: ["骨科", "神经外科"], size: 3, seed: 43) == [
                "ZJ02", "ZJ05", "ZJ06",
            ])
    }

    @Test("every needed specialty is on every panel, whatever the seed")
    func specialtiesSeated() throws {
        let specialty = Dictionary(uniqueKeysWithValues: pool.map { ($0.expertID, $0.specialty) })
        for seed in UInt64(0)..<200 {
            let panel = try PanelDrawer.select(pool: pool, specialties: ["手外科", "神经外科"], size: 3, seed: seed)
            #expect(Set(panel).count == 3)
            #expect(panel.contains { specialty[$0] == "手外科" } && panel.contains { specialty[$0] == "神经外科" })
        }
    }

    @Test("条例 25: a panel of 3 or 5 only; a pool too small, or a specialty without experts, is refused")
    func sizes() {
        for size in [0, 1, 2, 4, 6] {
            let error = T.error { _ = try PanelDrawer.select(pool: pool, specialties: ["骨科"], size: size, seed: 1) }
            #expect(error?.kind == .refused && error?.message.contains("条例第二十五条") == true)
        }
        #expect(
            T.error { _ = try PanelDrawer.select(pool: Array(pool.prefix(4)), specialties: ["骨科"], size: 5, seed: 1) }?
                .message.contains("不足 5 名") == true)
        #expect(
            T.error { _ = try PanelDrawer.select(pool: pool, specialties: ["眼科"], size: 3, seed: 1) }?.message.contains(
                "“眼科”") == true)
        #expect(
            T.error {
                _ = try PanelDrawer.select(pool: pool, specialties: ["骨科", "神经外科", "手外科", "眼科"], size: 3, seed: 1)
            }?.kind == .refused)
    }

    @Test("recusal: evidence institution, employer, earlier assessment, relation, unavailable — every reason named")
    func recusal() {
        let relation = ExpertRelation(
            relationID: "R1", expertID: "ZJ04", subject: .employer, subjectID: "E1",
            act: T.act("2024-01-01", reason: "曾任该单位顾问"))
        let check = RecusalCheck(
            hospitalID: "H1", employerID: "E1", earlierPanels: ["ZJ03": ["OLD-1"]], relations: [relation],
            unavailable: ["ZJ06": "出差"])
        let experts = [
            Expert(expertID: "ZJ01", name: "甲", specialty: "骨科", institutionID: "H1", regionCode: T.city),
            Expert(expertID: "ZJ02", name: "乙", specialty: "骨科", institutionID: "E1", regionCode: T.city),
            Expert(expertID: "ZJ03", name: "丙", specialty: "骨科", institutionID: nil, regionCode: T.city),
            Expert(expertID: "ZJ04", name: "丁", specialty: "骨科", institutionID: "H2", regionCode: T.city),
            Expert(expertID: "ZJ05", name: "戊", specialty: "骨科", institutionID: "H2", regionCode: T.city),
            Expert(expertID: "ZJ06", name: "己", specialty: "骨科", institutionID: nil, regionCode: T.city),
            Expert(expertID: "ZJ07", name: "庚", specialty: "眼科", institutionID: "H1", regionCode: T.city),
        ]
        let (eligible, excluded) = PanelDrawer.eligibility(experts: experts, specialties: ["骨科"], recusal: check)
        #expect(eligible == [PanelCandidate(expertID: "ZJ05", specialty: "骨科")])
        #expect(excluded.map(\.expertID) == ["ZJ01", "ZJ02", "ZJ03", "ZJ04", "ZJ06"])
        #expect(
            excluded.map(\.reasons) == [
                [.evidenceInstitution], [.employer], [.earlierAssessment], [.related], [.unavailable],
            ])
        #expect(excluded[3].detail.contains("曾任该单位顾问") && excluded[2].detail.contains("OLD-1"))
    }
}

@Suite("ExpertPanels: draws stored with their pool, exclusions and seed; redraws need a reason")
struct ExpertPanelsTests {
    /// GS-1 recognized (employer E1), assessment JD-1 complete (evidence from H1), and an expert pool.
    func setUp() throws -> TestStore {
        let db = try TestStore()
        let casework = db.casework()
        try casework.determinations.open(T.application(), act: T.act("2024-03-10"))
        try casework.determinations.apply(.accept(clearCase: false), caseID: "GS-1", act: T.act("2024-03-22"))
        try casework.determinations.apply(T.recognized14_1, caseID: "GS-1", act: T.act("2024-04-01"))
        let experts: [(String, String, String?, RegionCode)] = [
            ("ZJ01", "骨科", "H1", T.city),  // evidence institution
            ("ZJ02", "骨科", "E1", T.city),  // the employer
            ("ZJ03", "骨科", nil, T.city),  // sat on OLD-1
            ("ZJ04", "骨科", nil, T.city),  // related to E1
            ("ZJ05", "骨科", nil, T.city), ("ZJ06", "骨科", "H2", T.city), ("ZJ07", "骨科", nil, T.city),
            ("ZJ10", "骨科", nil, T.city),
            ("ZJ08", "神经外科", nil, T.city),  // not needed
            ("ZJ09", "骨科", nil, T.otherCity),  // another committee
        ]
        for (id, specialty, institution, region) in experts {
            try db.insert(
                Expert(
                    expertID: id, name: "专家\(id)", specialty: specialty, institutionID: institution, regionCode: region)
            )
        }
        try db.insert(
            Assessment(
                assessmentID: "OLD-1", caseID: "GS-0", workerID: T.worker, kind: .initial,
                appliedDate: T.day("2020-01-01"),
                concludedDate: T.day("2020-02-01"), grade: 10, nursing: NursingLevel.none, hospitalID: nil,
                expertIDs: ["ZJ03", "ZJ08"],
                regionCode: T.city))
        try casework.panels.markRelated(
            expertID: "ZJ04", subject: .employer, subjectID: "E1", act: T.act("2024-05-01", reason: "配偶在该单位任职"))
        try casework.assessments.open(assessmentApplication(), act: T.act("2024-06-01"))
        return db
    }

    @Test("the stored draw: eligible pool, excluded experts with reasons, seed; it replays to the same panel")
    func draw() throws {
        let db = try setUp()
        let panels = db.casework().panels
        let draw = try panels.draw(PanelRequest(assessmentID: "JD-1", size: 3, seed: 2024), act: T.act("2024-06-03"))
        #expect(draw.pool.map(\.expertID) == ["ZJ05", "ZJ06", "ZJ07", "ZJ10"])
        #expect(draw.excluded.map(\.expertID) == ["ZJ01", "ZJ02", "ZJ03", "ZJ04"])
        #expect(
            draw.excluded.map(\.reasons) == [[.evidenceInstitution], [.employer], [.earlierAssessment], [.related]])
        #expect(draw.drawn.count == 3 && Set(draw.drawn).isSubset(of: ["ZJ05", "ZJ06", "ZJ07", "ZJ10"]))
        #expect(draw.seed == 2024 && draw.drawID == "JD-1-P1" && draw.regionCode == T.city)

        let stored = try #require(try panels.draw(id: "JD-1-P1"))
        #expect(stored == draw)
        #expect(try panels.audit(drawID: "JD-1-P1").matches)
        let file = try #require(try db.casework().assessments.file("JD-1"))
        #expect(file.panel == draw.drawn && file.panelDrawID == "JD-1-P1")
        let history = try panels.history(drawID: "JD-1-P1")
        #expect(history.count == 1 && history[0].event.detail.contains("种子 2024"))

        // A tampered panel no longer replays.
        var forged = stored
        forged.drawn = ["ZJ05", "ZJ06", "ZJ07"] == stored.drawn ? ["ZJ10", "ZJ06", "ZJ07"] : ["ZJ05", "ZJ06", "ZJ07"]
        #expect(PanelDrawer.replay(forged) != forged.drawn)
    }

    @Test("refused draws write nothing: a second draw without redraw, a pool too small for 5, materials missing")
    func refusals() throws {
        let db = try setUp()
        let panels = db.casework().panels
        let events = try db.count("casework_events")
        let five = T.error {
            try panels.draw(PanelRequest(assessmentID: "JD-1", size: 5, seed: 1), act: T.act("2024-06-03"))
        }
        #expect(five?.message.contains("只有 4 名") == true)
        let four = T.error {
            try panels.draw(PanelRequest(assessmentID: "JD-1", size: 4, seed: 1), act: T.act("2024-06-03"))
        }
        #expect(four?.message.contains("条例第二十五条") == true)
        #expect(try db.count("panel_draws") == 0 && db.count("casework_events") == events)
        #expect(try db.casework().assessments.file("JD-1")?.version == 1)

        try panels.draw(PanelRequest(assessmentID: "JD-1", size: 3, seed: 1), act: T.act("2024-06-03"))
        #expect(
            T.error { try panels.draw(PanelRequest(assessmentID: "JD-1", size: 3, seed: 2), act: T.act("2024-06-04")) }?
                .message.contains("已抽取") == true)
        #expect(
            T.error { try panels.draw(PanelRequest(assessmentID: "JD-9", size: 3), act: T.act("2024-06-04")) }?.kind
                == .notFound)
    }

    @Test("a redraw needs a reason, keeps the old draw as superseded, and may leave out the unavailable")
    func redraw() throws {
        let db = try setUp()
        let panels = db.casework().panels
        let first = try panels.draw(PanelRequest(assessmentID: "JD-1", size: 3, seed: 5), act: T.act("2024-06-03"))
        let absent = first.drawn[0]
        #expect(
            T.error {
                try panels.redraw(PanelRequest(assessmentID: "JD-1", size: 3, seed: 6), act: T.act("2024-06-04"))
            }?.kind == .invalid)

        let second = try panels.redraw(
            PanelRequest(assessmentID: "JD-1", size: 3, seed: 6, unavailable: [absent: "住院"]),
            act: T.act("2024-06-04", reason: "\(absent) 因病无法参加"))
        #expect(second.sequence == 2 && !second.drawn.contains(absent))
        #expect(second.excluded.first { $0.expertID == absent }?.reasons == [.unavailable])
        let old = try #require(try panels.draw(id: first.drawID))
        #expect(old.superseded && old.supersededReason == "\(absent) 因病无法参加" && old.drawn == first.drawn)
        #expect(try panels.draws(assessmentID: "JD-1").map(\.drawID) == ["JD-1-P1", "JD-1-P2"])
        #expect(try db.casework().assessments.file("JD-1")?.panel == second.drawn)
        #expect(try panels.history(drawID: first.drawID).map(\.event.action) == ["draw", "supersede"])
        #expect(
            try db.casework().assessments.history("JD-1").map(\.event.action) == ["open", "drawPanel", "drawPanel"])
    }

    @Test("relations: marking needs a reason, is not duplicated, and withdrawing stops the exclusion")
    func relations() throws {
        let db = try setUp()
        let panels = db.casework().panels
        #expect(
            T.error {
                try panels.markRelated(
                    expertID: "ZJ05", subject: .worker, subjectID: T.worker.raw, act: T.act("2024-06-02"))
            }?.kind == .invalid)
        #expect(
            T.error {
                try panels.markRelated(
                    expertID: "ZJ04", subject: .employer, subjectID: "E1", act: T.act("2024-06-02", reason: "x"))
            }?.kind == .refused)
        #expect(
            T.error {
                try panels.markRelated(
                    expertID: "ZJ99", subject: .employer, subjectID: "E1", act: T.act("2024-06-02", reason: "x"))
            }?.kind == .notFound)
        let relation = try #require(try panels.relations(expertID: "ZJ04").first)
        try panels.withdrawRelation(relation.relationID, act: T.act("2024-06-02", reason: "配偶已离职"))
        let draw = try panels.draw(PanelRequest(assessmentID: "JD-1", size: 3, seed: 1), act: T.act("2024-06-03"))
        #expect(draw.pool.map(\.expertID).contains("ZJ04"))
    }

    @Test("the draw report: panels per expert and per employer, R18's 5 within 365 days")
    func report() {
        func draw(_ n: Int, _ day: String, employer: String, experts: [String], superseded: Bool = false) -> PanelDraw {
            var d = PanelDraw(
                drawID: "A\(n)-P1", assessmentID: "A\(n)", sequence: 1, workerID: T.worker, employerID: employer,
                regionCode: T.city, act: T.act(day), seed: 1, size: 3, specialties: ["骨科"], pool: [],
                excluded: [PanelExclusion(expertID: "ZJ9", reasons: [.employer], detail: "")], drawn: experts)
            d.superseded = superseded
            return d
        }
        // ZJ1 sits on five E1 panels from 2024-01-01 to 2024-12-30 (364 days apart: within 365 days).
        let days = ["2024-01-01", "2024-03-01", "2024-06-01", "2024-09-01", "2024-12-30"]
        var draws = days.enumerated().map { draw($0, $1, employer: "E1", experts: ["ZJ1", "ZJ2", "ZJ3"]) }
        // ZJ2 also sits on four E2 panels spread over two years.
        draws += ["2023-01-01", "2023-07-01", "2024-01-02", "2024-07-01"].enumerated().map {
            draw(10 + $0, $1, employer: "E2", experts: ["ZJ2", "ZJ4", "ZJ5"])
        }
        draws.append(draw(20, "2024-02-01", employer: "E3", experts: ["ZJ1", "ZJ4", "ZJ5"], superseded: true))
        let experts = ["ZJ1", "ZJ2", "ZJ3", "ZJ4", "ZJ5", "ZJ9"].map {
            Expert(expertID: $0, name: $0, specialty: "骨科", institutionID: nil, regionCode: T.city)
        }
        let stats = ExpertDrawStats.compute(draws: draws, experts: experts, from: T.day("2023-01-01"), to: T.today)
        #expect(stats.map(\.expertID) == ["ZJ2", "ZJ1", "ZJ3", "ZJ4", "ZJ5", "ZJ9"])
        let zj1 = stats[1]
        #expect(zj1.panels == 5 && zj1.superseded == 1 && zj1.concentrated)
        #expect(zj1.employers.map(\.employerID) == ["E1"] && zj1.employers[0].most365 == 5)
        let zj2 = stats[0]
        #expect(zj2.panels == 9 && zj2.employers.map(\.employerID) == ["E1", "E2"])
        // E2: 2023-01-01 … 2024-07-01; at most 2 in any 365 days (2023-07-01 and 2024-01-02, or 2024-01-02 and 2024-07-01).
        #expect(zj2.employers[1].panels == 4 && zj2.employers[1].most365 == 2)
        #expect(stats.first { $0.expertID == "ZJ9" }?.excluded == 10)
        // A window of 365 days, both ends included: 0 and 364 are in, 0 and 365 are not.
        let d0 = T.day("2023-01-01")
        #expect(ExpertDrawStats.mostWithin([d0, d0.adding(days: 364)], span: 365) == 2)
        #expect(ExpertDrawStats.mostWithin([d0, d0.adding(days: 365)], span: 365) == 1)
        // The period filters by the day of the draw.
        #expect(
            ExpertDrawStats.compute(draws: draws, experts: experts, from: T.day("2024-06-01"), to: T.today).first {
                $0.expertID == "ZJ1"
            }?.panels == 3)
    }
}
