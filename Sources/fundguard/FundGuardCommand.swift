import ArgumentParser

/// `fundguard`: the command line of FundGuard (工伤保险基金监管平台).
@main
struct FundGuardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fundguard",
        abstract: "FundGuard 工伤保险基金监管平台: import, screen and supervise work-injury insurance fund data.",
        subcommands: [
            DemoCommand.self, DemoDataCommand.self, ImportCommand.self, EntitlementsCommand.self, ScreenCommand.self,
            RulesCommand.self, ServeCommand.self, UserCommand.self, BackupCommand.self, RestoreCommand.self,
            AuditCommand.self,
        ] + CaseworkCommands.all
    )
}
