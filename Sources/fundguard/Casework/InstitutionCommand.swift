import ArgumentParser
import Casework
import FundModel

/// `fundguard institution`: contracted institutions and service agreements (协议机构与服务协议).
struct InstitutionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "institution",
        abstract: "协议机构 Institutions and agreements: register, sign, suspend, reinstate, terminate, renew, expiring.",
        subcommands: [
            Add.self, List.self, Sign.self, Suspend.self, Reinstate.self, Terminate.self, Renew.self, Expiring.self,
            InstitutionCredentialCommand.self,
        ]
    )

    typealias Step = RecordStep<Register>

    /// The agreements' steps: the agreement's status and term afterwards.
    enum Register: StepRegister {
        static let idHelp = "Agreement id."

        static func apply(_ action: AgreementAction, to id: String, in casework: Casework, act: CaseworkAct)
            throws -> [String]
        {
            let a = try casework.institutions.apply(action, agreementID: id, act: act)
            return [
                "\(a.agreementID)：\(action.chineseName)，状态 \(a.status.chineseName)，\(a.startDate.iso) 至 \(a.endDate.iso)"
            ]
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "登记协议机构 Register an institution.")
        @OptionGroup var acting: ActingOptions
        @Option(help: "Institution id.") var id: String
        @Option(help: "Name.") var name: String
        @Option(help: "medical | rehab | assistive") var kind: String
        @Option(help: "Region code.") var region: String
        @Option(help: "Hospital grade, e.g. 三级甲等.") var grade: String?
        func run() throws {
            let institution = Institution(
                institutionID: id, name: name, kind: try Parse.code(kind, "--kind"),
                regionCode: try Parse.region(region, "--region"),
                grade: grade)
            _ = try acting.run { casework, act in try casework.institutions.register(institution, act: act) }
            print("已登记 \(id) \(name)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "机构与协议列表 List institutions and their agreements.")
        @OptionGroup var store: StoreOption
        @Option(help: "Region scope.") var region: String?
        func run() throws {
            let casework = try store.casework()
            let agreements = Dictionary(grouping: try casework.institutions.agreements(), by: \.institutionID)
            let institutions = try casework.institutions.institutions(
                scope: try region.map { try Parse.region($0, "--region") })
            for institution in institutions {
                print(
                    "\(institution.institutionID)  \(institution.name)  \(institution.kind.chineseName)  \(institution.regionCode.raw)  \(institution.grade ?? "")"
                )
                for a in agreements[institution.institutionID] ?? [] {
                    print(
                        "    \(a.agreementID)  \(a.services.map(\.chineseName).joined(separator: "、"))  \(a.startDate.iso) 至 \(a.endDate.iso)  \(a.status.chineseName)"
                    )
                }
            }
            print("共 \(institutions.count) 家")
        }
    }

    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "签订服务协议 Sign an agreement.")
        @OptionGroup var acting: ActingOptions
        @Option(help: "Agreement id.") var id: String
        @Option(help: "Institution id.") var institution: String
        @Option(help: "Services, comma-separated: medical, rehab, assistive.") var services: String
        @Option(help: "First day, YYYY-MM-DD.") var start: String
        @Option(help: "Last day, YYYY-MM-DD.") var end: String
        func run() throws {
            let agreement = Agreement(
                agreementID: id, institutionID: institution, services: try Parse.codes(services, "--services"),
                startDate: try Parse.day(start, "--start"), endDate: try Parse.day(end, "--end"), status: .active)
            _ = try acting.run { casework, act in try casework.institutions.sign(agreement, act: act) }
            print("已签订 \(id)")
        }
    }

    struct Suspend: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "暂停协议 Suspend (--reason).")
        @OptionGroup var step: Step
        func run() throws { try step.apply(.suspend) }
    }

    struct Reinstate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "恢复协议 Reinstate (--reason).")
        @OptionGroup var step: Step
        func run() throws { try step.apply(.reinstate) }
    }

    struct Terminate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "解除协议 Terminate (--reason).")
        @OptionGroup var step: Step
        func run() throws { try step.apply(.terminate) }
    }

    struct Renew: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "续签协议 Renew to a later end date.")
        @OptionGroup var step: Step
        @Option(help: "New last day, YYYY-MM-DD.") var until: String
        func run() throws {
            try step.apply(.renew(until: try Parse.day(until, "--until")))
        }
    }

    struct Expiring: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "即将到期的协议 Agreements ending within N days.")
        @OptionGroup var store: StoreOption
        @Option(help: "Region scope.") var region: String?
        @Option(help: "Within this many days.") var within: Int = 60
        @Option(name: .customLong("as-of"), help: "The day, YYYY-MM-DD (default: today).") var asOf: String?
        func run() throws {
            let casework = try store.casework()
            let day = try asOf.map { try Parse.day($0, "--as-of") } ?? Today.day()
            let list = try casework.institutions.expiring(
                scope: try region.map { try Parse.region($0, "--region") }, asOf: day, withinDays: within)
            for item in list {
                print(
                    "\(item.agreement.agreementID)  \(item.institution?.name ?? item.agreement.institutionID)  到期 \(item.agreement.endDate.iso)  剩余 \(item.daysLeft) 天"
                )
            }
            print("\(within) 日内到期 \(list.count) 份")
        }
    }
}
