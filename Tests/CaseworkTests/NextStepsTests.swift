import FundModel
import Testing

@testable import Casework

/// `DeterminationMachine.nextSteps` is the list the console, the API and the CLI offer (issue 12: one
/// transition table); every step it does not list must be refused by `apply`, in every state.
@Suite("The next steps offered agree with what the state machine allows")
struct NextStepsTests {
    /// One action of every code, with an act that carries a reason (for the steps that need one).
    static let everyAction: [DeterminationAction] = [
        .receiveMaterials(DeterminationMaterial.allCases), .notifyIncomplete, .accept(clearCase: false),
        .refuseAcceptance, .startInvestigation,
        .recordInvestigation(InvestigationRecord(day: T.day("2024-06-01"), investigators: ["张三"], summary: "调查")),
        .suspend(awaiting: "交警部门事故责任认定书"), .resume, T.recognized14_1, .deliver,
    ]

    /// Files in every state the procedure reaches.
    static func files() throws -> [DeterminationFile] {
        func step(_ file: DeterminationFile, _ action: DeterminationAction, _ day: String) throws -> DeterminationFile {
            try DeterminationMachine.apply(action, to: file, act: T.act(day, reason: "说明"), today: T.today).0
        }
        let complete = try DeterminationMachine.open(T.application(), act: T.act("2024-03-10"), today: T.today).0
        let missing = try DeterminationMachine.open(
            T.application("GS-2", materials: [DeterminationMaterial.allCases[0]]), act: T.act("2024-03-10"),
            today: T.today
        ).0
        let incomplete = try step(missing, .notifyIncomplete, "2024-03-11")
        let supplemented = try step(incomplete, .receiveMaterials(DeterminationMaterial.allCases), "2024-03-12")
        let accepted = try step(complete, .accept(clearCase: false), "2024-03-20")
        let investigating = try step(accepted, .startInvestigation, "2024-03-21")
        let suspended = try step(investigating, .suspend(awaiting: "结论"), "2024-03-22")
        let decided = try step(accepted, T.recognized14_1, "2024-04-01")
        let delivered = try step(decided, .deliver, "2024-04-02")
        let refused = try step(complete, .refuseAcceptance, "2024-03-12")
        return [
            complete, missing, incomplete, supplemented, accepted, investigating, suspended, decided, delivered,
            refused,
        ]
    }

    @Test("a step not offered is refused, in every state")
    func notOfferedIsRefused() throws {
        let files = try Self.files()
        #expect(Set(files.map(\.state)) == Set(DeterminationState.allCases))
        for file in files {
            let offered = Set(DeterminationMachine.nextSteps(file))
            for action in Self.everyAction where !offered.contains(action.code) {
                #expect(
                    throws: CaseworkError.self, "\(file.state) offers no \(action.code), yet it is allowed"
                ) {
                    try DeterminationMachine.apply(
                        action, to: file, act: T.act("2024-06-01", reason: "说明"), today: T.today)
                }
            }
        }
    }

    @Test("a closed file offers nothing")
    func closedOffersNothing() throws {
        for file in try Self.files() where file.state.isClosed {
            #expect(DeterminationMachine.nextSteps(file).isEmpty)
        }
    }
}
