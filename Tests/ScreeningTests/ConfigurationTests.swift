import Foundation
import FundModel
import FundRules
import Screening
import Testing

@Suite("Rules configuration")
struct ConfigurationTests {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    @Test("the repository's rules.yaml is exactly the built-in default")
    func repositoryFileEqualsBuiltIn() throws {
        let text = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("rules.yaml"), encoding: .utf8)
        #expect(text == DefaultRulesConfiguration.yaml)
    }

    @Test("the default is complete: every rule and indicator of the catalogue, all enabled")
    func defaultComplete() throws {
        let configuration = try RulesConfiguration(complete: DefaultRulesConfiguration.yaml)
        #expect(configuration == RulesConfiguration.default)
        #expect(Set(configuration.base.keys) == Set(RuleCatalog.all.map(\.id)))
        #expect(RuleCatalog.all.map(\.id).prefix(3) == ["DQ01", "R01", "R02"])
        #expect(RuleCatalog.rules.count == 28 && RuleCatalog.indicators.count == 9)
        for spec in RuleCatalog.all { #expect(configuration.settings(spec.id, region: nil).enabled) }
    }

    @Test("issue 10 point 6: the statutory defaults are the law's (FundRules), not figures written twice")
    func statutoryDefaults() {
        let configuration = RulesConfiguration.default
        func count(_ rule: String, _ key: String) -> Int {
            configuration.settings(rule, region: nil).count("params", key)
        }
        let ages = DependantAgeLimits.statutory
        #expect(count("R15", "age_limit") == ages.youngLimit && ages.youngLimit == 18)
        #expect(count("R15", "elder_age_man") == ages.elderMan && ages.elderMan == 60)
        #expect(count("R15", "elder_age_woman") == ages.elderWoman && ages.elderWoman == 55)
        #expect(count("R20", "employer_limit_days") == DeterminationClock.employerApplicationDays)
        #expect(count("R20", "worker_limit_years") == DeterminationClock.personalApplicationYears)
        #expect(count("R21", "days") == DeterminationClock.decisionDays)
        #expect(count("I07", "days") == DeterminationClock.decisionDays)
        let cap = configuration.settings("I03", region: nil).gradedLevels.first { $0.severity == .red }?.figure
        #expect(cap == Decimal4(StatutoryRates.preventionCapPercent))
        // The law itself, as domain.md states it: 条例 17 (30 days, 1 year), 20 (60 days), 人社部规〔2017〕13号 (3 %).
        #expect(DeterminationClock.employerApplicationDays == 30 && DeterminationClock.personalApplicationYears == 1)
        #expect(DeterminationClock.decisionDays == 60 && StatutoryRates.preventionCapPercent == 3)
    }

    @Test("the defaults are those of rules.md")
    func defaultValues() {
        let d = RulesConfiguration.default
        let r03 = d.settings("R03", region: nil)
        #expect(
            r03.itemMap("params", "threshold") == [
                "MED": .amount(Money(yuan: 100_000)), "REHAB": .amount(Money(yuan: 50_000)),
                "DEVICE": .amount(Money(yuan: 30_000)), "TRAVEL": .amount(Money(yuan: 10_000)),
                "MEAL": .amount(Money(yuan: 5_000)), "ASSESSMENT_FEE": .amount(Money(yuan: 2_000)),
            ])
        #expect(r03.gradedLevels.map(\.severity) == [.red, .orange, .yellow])
        #expect(r03.gradedLevels.map(\.figure) == [Decimal4(5), Decimal4(2), Decimal4(1)])
        let r04 = d.settings("R04", region: nil)
        #expect(r04.count("params", "windows", "MED", "count") == 8)
        #expect(r04.count("params", "windows", "DEVICE", "days") == 365)
        #expect(r04.gradedLevels.map(\.severity) == [.orange, .yellow])
        #expect(d.settings("R13", region: nil).severity("levels", "outside_insured_period") == .red)
        #expect(d.settings("R19", region: nil).gradedLevels.map(\.figure) == [Decimal4(6), Decimal4(3)])
        #expect(d.settings("R25", region: nil).number("params", "ratio") == Decimal4(tenThousandths: 15_000))
        #expect(d.settings("I02", region: nil).gradedLevels.map(\.figure) == [Decimal4(3), Decimal4(6)])
        #expect(d.settings("R10", region: nil).amount("params", "tolerance") == Money(yuan: 1))
        #expect(d.settings("R24", region: nil).bool("params", "check_worker"))
    }

    @Test("every error is reported with its path, unknown keys included")
    func errorsWithPaths() {
        let issues = RulesConfiguration.validate(
            yaml: """
                version: 1
                colour: blue
                rules:
                  R03:
                    enabled: maybe
                    params:
                      threshold:
                        MED: -5
                        REHAB: 12.345
                        med: 10
                      thresold: 3
                  R04:
                    params:
                      windows:
                        MED:
                          count: 0
                          days: 30
                  R99:
                    enabled: true
                  I01:
                    enabled: true
                  R09:
                    params:
                      services:
                        MED: hospital
                  R05:
                    params:
                      dependant_items: FUNERAL
                indicators:
                  I02:
                    levels:
                      orange: ten
                cities:
                  "3201":
                    rules: {}
                  "320100":
                    rules:
                      R21:
                        params:
                          days: 0
                    other: 1
                """)
        let messages = Set(issues.map(\.description))
        let expected: Set<String> = [
            "colour: unknown key (expected one of: version, province, rules, indicators, verification, evaluation, cities)",
            "rules.R03.enabled: must be true or false",
            "rules.R03.params.threshold.MED: must be a positive amount in yuan",
            "rules.R03.params.threshold.REHAB: must be a positive amount in yuan",
            "rules.R03.params.threshold.med: not an item code (capital letters, digits and _, e.g. MED)",
            "rules.R03.params.thresold: unknown key (expected one of: threshold)",
            "rules.R04.params.windows.MED.count: must be a whole number, at least 1",
            "rules.R99: unknown rule id",
            "rules.I01: I01 is an indicator: put it under indicators",
            "rules.R09.params.services.MED: must be medical, rehab or assistive",
            "rules.R05.params.dependant_items: must be a list of item codes, e.g. [MED, REHAB]",
            "indicators.I02.levels.orange: must be a positive number (at most four decimals), or null",
            "cities.3201: not a city code (6 digits ending in 00, not 0000)",
            "cities.320100.rules.R21.params.days: must be a whole number of days, at least 1",
            "cities.320100.other: unknown key (expected one of: rules, indicators)",
        ]
        #expect(messages == expected)
        #expect(issues.count == expected.count)
        #expect(issues.first { $0.path == "rules.R03.params.threshold.MED" }?.line == 8)
    }

    @Test("graded levels must be ordered, in the province and in each city")
    func levelOrder() {
        let issues = RulesConfiguration.validate(
            yaml: """
                rules:
                  R03:
                    levels:
                      orange: 6
                cities:
                  "320200":
                    indicators:
                      I02:
                        levels:
                          red: 7
                """)
        #expect(
            Set(issues.map(\.description)) == [
                "rules.R03.levels.red: must be greater than orange (6), found 5",
                "cities.320200.indicators.I02.levels.red: must be less than orange (6), found 7",
            ])
    }

    @Test("a YAML syntax error is reported with its line")
    func syntaxError() {
        let issues = RulesConfiguration.validate(yaml: "rules:\n  R03: [unclosed\n")
        #expect(issues.count == 1)
        #expect(issues[0].message.hasPrefix("YAML syntax error"))
        #expect(issues[0].line != nil)
    }

    @Test("a city must belong to the province the file names")
    func cityOfProvince() {
        let issues = RulesConfiguration.validate(
            yaml: "province: \"320000\"\ncities:\n  \"330100\":\n    rules: {}\n")
        #expect(issues.map(\.description) == ["cities.330100: not a city of province 320000"])
    }

    @Test("the city's value wins over the province's, key by key; counties resolve through their city")
    func resolution() {
        let configuration = Fixture.yaml(
            """
            rules:
              R03:
                params:
                  threshold:
                    MED: 120000
            cities:
              "320100":
                rules:
                  R03:
                    levels:
                      red: 4
                    params:
                      threshold:
                        REHAB: 60000
            """)
        let province = configuration.settings("R03", region: Fixture.province)
        #expect(province.amount("params", "threshold", "MED") == Money(yuan: 120_000))
        #expect(province.amount("params", "threshold", "REHAB") == Money(yuan: 50_000))
        let city = configuration.settings("R03", region: RegionCode("320102")!)  // a county of 320100
        #expect(city.amount("params", "threshold", "MED") == Money(yuan: 120_000))
        #expect(city.amount("params", "threshold", "REHAB") == Money(yuan: 60_000))
        #expect(city.gradedLevels.first?.figure == Decimal4(4))
        let other = configuration.settings("R03", region: Fixture.otherCity)
        #expect(other.gradedLevels.first?.figure == Decimal4(5))
    }

    @Test("written back as YAML and read again, the configuration is the same")
    func roundTrip() throws {
        let configuration = Fixture.yaml(
            """
            province: "320000"
            rules:
              R03:
                levels:
                  red: null
                params:
                  threshold:
                    MED: 1234.5
                    PROV_ITEM: 10
            cities:
              "320100":
                rules:
                  R04:
                    params:
                      windows:
                        MED:
                          count: 5
                indicators:
                  I01:
                    enabled: false
              "320200": {}
            """)
        let text = configuration.yaml()
        #expect(text.contains("MED: 1234.50"))
        #expect(try RulesConfiguration(complete: text) == configuration)
        #expect(try RulesConfiguration(complete: RulesConfiguration.default.yaml()) == .default)
    }
}
