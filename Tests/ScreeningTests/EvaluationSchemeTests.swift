import FundModel
import Testing

@testable import Screening

@Suite("evaluation: in the rules configuration (issue 14 #2)")
struct EvaluationSchemeTests {
    @Test("the default scheme, a province's replacement, and a write and read back")
    func defaultsAndRoundTrip() throws {
        #expect(RulesConfiguration.default.evaluation == .standard)
        let yaml = """
            evaluation:
              figures:
                I02:
                  weight: 50
                  bands:
                    - { min: 6, score: 100 }
                    - { min: 3, score: 50 }
                I01:
                  weight: 20
                  bands:
                    - { max: 10.5, score: 100 }

            """
        let configuration = try RulesConfiguration(yaml: yaml)
        #expect(configuration.evaluation.levelsWeight == 40 && configuration.evaluation.onTimeWeight == 30)
        #expect(configuration.evaluation.figures.map(\.indicatorID) == ["I02", "I01"])
        #expect(
            configuration.evaluation.figures[1].bands == [.init(bound: Decimal4("10.5")!, isMaximum: true, score: 100)])
        #expect(try RulesConfiguration(yaml: configuration.yaml()) == configuration)
        #expect(try RulesConfiguration(complete: configuration.yaml()) == configuration)
        let figure = configuration.evaluation.figures[0]
        #expect(figure.score(Decimal4(6)).score == 100 && figure.score(Decimal4("5.9999")!).score == 50)
        #expect(figure.score(Decimal4(2)).score == 0 && figure.score(Decimal4(2)).band == nil)
    }

    @Test("bad schemes are refused with their path")
    func badSchemes() {
        let cases: [(String, String)] = [
            ("evaluation: 3\n", "evaluation"),
            ("evaluation:\n  weights: 3\n", "evaluation.weights"),
            ("evaluation:\n  levels:\n    weight: 101\n", "evaluation.levels.weight"),
            ("evaluation:\n  levels:\n    deduct: {red: 5}\n", "evaluation.levels.weight"),
            ("evaluation:\n  levels:\n    weight: 10\n    deduct: {purple: 5}\n", "evaluation.levels.deduct.purple"),
            ("evaluation:\n  figures:\n    R03: {weight: 10, bands: [{min: 1, score: 1}]}\n", "evaluation.figures.R03"),
            ("evaluation:\n  figures:\n    I07: {weight: 10}\n", "evaluation.figures.I07.bands"),
            ("evaluation:\n  figures:\n    I07: {weight: 10, bands: []}\n", "evaluation.figures.I07.bands"),
            (
                "evaluation:\n  figures:\n    I07: {weight: 10, bands: [{min: x, score: 1}]}\n",
                "evaluation.figures.I07.bands.1.min"
            ),
            (
                "evaluation:\n  figures:\n    I07: {weight: 10, bands: [{min: 1, max: 2, score: 1}]}\n",
                "evaluation.figures.I07.bands.1"
            ),
            (
                "evaluation:\n  figures:\n    I07: {weight: 10, bands: [{min: 1}]}\n",
                "evaluation.figures.I07.bands.1.score"
            ),
            (
                "evaluation:\n  figures:\n    I07: {weight: 10, bands: [{min: 1, score: 200}]}\n",
                "evaluation.figures.I07.bands.1.score"
            ),
            (
                "evaluation:\n  levels: {weight: 0, deduct: {}}\n  figures: {}\n  on_time: {weight: 0, bands: [{min: 0, score: 1}]}\n",
                "evaluation"
            ),
            ("evaluation:\n  on_time: {weight: 10}\n", "evaluation.on_time.bands"),
            ("evaluation:\n  on_time: {weight: 10, bands: [{max: 5%, score: 1}]}\n", "evaluation.on_time.bands.1.max"),
        ]
        for (yaml, path) in cases {
            let issues = RulesConfiguration.validate(yaml: yaml)
            #expect(issues.contains { $0.path == path }, "\(yaml) → \(issues)")
        }
    }
}
