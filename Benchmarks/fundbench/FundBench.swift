import ArgumentParser

/// `fundbench`: FundGuard's benchmarks (see BENCHMARKS.md).
@main
struct FundBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fundbench",
        subcommands: [ImportBenchmark.self, ScreenBenchmark.self, ScreenRun.self, RegressionGuard.self])
}
