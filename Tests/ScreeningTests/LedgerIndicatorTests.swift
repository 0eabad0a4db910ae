import FundColumns
import FundModel
import Screening
import Testing

/// A data set of the four-city province with the given ledger rows.
private func ledgerData(_ rows: [FundLedgerEntry]) -> DataSet {
    var data = DataSet()
    data.regions = Fixture.fourCities
    data.fundLedger = rows
    return data
}

@Suite("I01 待遇支出增长率")
struct I01Tests {
    static let previous = Fixture.months(12, endingWith: "2025-09")
    static let current = Fixture.months(12, endingWith: "2026-09")

    /// 24 months of a city: `before` yuan a month, then `after` yuan a month.
    static func city(_ region: RegionCode, before: String = "100000", after: String, skip: String? = nil)
        -> [FundLedgerEntry]
    {
        (previous.map { ($0, before) } + current.map { ($0, after) }).filter { $0.0 != skip }.map {
            Fixture.ledger(region, $0.0, benefit: $0.1)
        }
    }

    static let fourCities =
        city(Fixture.city, after: "120000") + city(Fixture.otherCity, after: "120000.10")
        + city(Fixture.thirdCity, after: "150000") + city(Fixture.fourthCity, after: "150000.10")

    @Test(
        "exactly 20 % is no warning; 20.0001 % yellow; 50 % orange; 50.0001 % red; the province is the sum of its cities"
    )
    func levels() async throws {
        let report = await screen(ledgerData(Self.fourCities), ["I01"])
        #expect(
            report.severities("I01") == [
                "320200": .yellow, "320300": .orange, "320400": .red,
                // (540000.20 − 400000) / 400000 = 35.00005 % > 35 %.
                "320000": .orange,
            ])
        let finding = try #require(report.findings.first { $0.subjectID == "320400" })
        #expect(finding.findingID == "I01-region-320400" && finding.subjectType == .region)
        #expect(finding.regionCode == Fixture.fourthCity && finding.amount == .zero)
        let trailing = IndicatorPeriod.trailing12(Fixture.month("2026-09"))
        let a = try #require(report.indicator("I01", Fixture.city, trailing))
        #expect(a.value == Decimal4(20) && a.severity == nil)
        #expect(a.provinceValue == Decimal4.of("35.0001"))  // 35.00005 rounded half up
        #expect(report.indicator("I01", Fixture.fourthCity, trailing)?.severity == .red)
        #expect(
            report.indicator("I01", Fixture.otherCity, .month(Fixture.month("2026-03")))?.value
                == Decimal4.of("20.0001"))
        // The trailing 12 months a year earlier need 2023-10…2024-09, which are missing.
        #expect(report.indicator("I01", Fixture.city, .trailing12(Fixture.month("2025-09")))?.value == nil)
        // 5 regions × (12 months + 2 windows).
        #expect(report.indicatorValues.filter { $0.indicatorID == "I01" }.count == 5 * 14)
    }

    @Test("a missing month leaves the figure undefined; the province's own rows are its account")
    func missingAndProvinceRows() async {
        let rows =
            Self.city(Fixture.city, after: "200000", skip: "2025-03")
            + Self.city(Fixture.province, before: "100", after: "100")
            + Self.city(Fixture.otherCity, after: "200000")
        let report = await screen(ledgerData(rows), ["I01"])
        #expect(report.severities("I01") == ["320200": .red])
        #expect(report.indicator("I01", Fixture.province, .trailing12(Fixture.month("2026-09")))?.value == Decimal4(0))
    }

    @Test("the window ends with the last month ended on the screening date: a day earlier shifts it a month")
    func screeningDate() async {
        let data = ledgerData(Self.fourCities)
        #expect(await screen(data, ["I01"], asOf: "2026-10-15").severities("I01").count == 4)
        // Reference month 2026-08: the earlier window needs 2024-09, which is missing.
        #expect(await screen(data, ["I01"], asOf: "2026-09-29").findings.isEmpty)
    }

    @Test("a city can raise its levels")
    func cityOverride() async {
        let configuration = Fixture.yaml(
            """
            cities:
              "320200":
                indicators:
                  I01:
                    levels:
                      yellow: 25
            """)
        let report = await screen(ledgerData(Self.fourCities), ["I01"], configuration: configuration)
        #expect(report.severities("I01")["320200"] == nil)
    }
}

@Suite("I02 可支付月数")
struct I02Tests {
    /// 12 months of a city spending 100 000 a month in all (benefit 90 000, prevention, assessment
    /// and other 4 000, 3 000, 3 000), with `balance` at the end of September 2026.
    static func city(_ region: RegionCode, balance: String, months: Int = 12) -> [FundLedgerEntry] {
        Fixture.months(months, endingWith: "2026-09").map {
            Fixture.ledger(
                region, $0, benefit: "90000", prevention: "4000", assessment: "3000", other: "3000",
                balance: $0 == "2026-09" ? balance : "1000000")
        }
    }

    @Test("6 months is no warning; 5.9999 orange; 3 orange; 2.9999 red")
    func levels() async throws {
        let rows =
            Self.city(Fixture.city, balance: "600000") + Self.city(Fixture.otherCity, balance: "599990")
            + Self.city(Fixture.thirdCity, balance: "300000") + Self.city(Fixture.fourthCity, balance: "299990")
        let report = await screen(ledgerData(rows), ["I02"])
        // Province: 1 799 980 / 400 000 = 4.49995 months.
        #expect(
            report.severities("I02") == ["320200": .orange, "320300": .orange, "320400": .red, "320000": .orange])
        let trailing = IndicatorPeriod.trailing12(Fixture.month("2026-09"))
        #expect(report.indicator("I02", Fixture.city, trailing)?.value == Decimal4(6))
        #expect(report.indicator("I02", Fixture.otherCity, trailing)?.value == Decimal4.of("5.9999"))
        #expect(report.indicator("I02", Fixture.city, trailing)?.provinceValue == Decimal4.of("4.5"))
        let finding = try #require(report.findings.first { $0.subjectID == "320400" })
        #expect(finding.detail.contains("可支付 2.9999 个月（阈值 3 个月，红色预警"))
    }

    @Test("the mean is over the months in the ledger; a ledger a month behind uses its latest balance")
    func months() async throws {
        // 6 months of 100 000: the mean is 100 000, so 500 000 pays 5 months (not 10).
        let six = Self.city(Fixture.city, balance: "500000", months: 6)
        #expect(await screen(ledgerData(six), ["I02"]).severities("I02")["320100"] == .orange)
        // No September row: the August balance of 200 000 over 11 months of 100 000 pays 2 months.
        let behind = Fixture.months(11, endingWith: "2026-08").map {
            Fixture.ledger(
                Fixture.city, $0, benefit: "100000", balance: $0 == "2026-08" ? "200000" : "1000000")
        }
        let report = await screen(ledgerData(behind), ["I02"])
        #expect(report.severities("I02")["320100"] == .red)
        let finding = try #require(report.findings.first { $0.subjectID == "320100" })
        #expect(finding.detail.contains("2026-08 末基金余额 200000.00 元"))
        // No row at all in the window: undefined.
        let old = Fixture.months(12, endingWith: "2025-09").map {
            Fixture.ledger(Fixture.city, $0, benefit: "1", balance: "1")
        }
        #expect(await screen(ledgerData(old), ["I02"]).findings.isEmpty)
    }

    @Test("the province sums only the months every reporting city has")
    func provinceMonths() async {
        let rows =
            Self.city(Fixture.city, balance: "1000000")
            + Self.city(Fixture.otherCity, balance: "1000000").filter { $0.month != Fixture.month("2026-09") }
        let report = await screen(ledgerData(rows), ["I02"])
        // The province's latest month is August (both cities): 2 000 000 over 11 months of 200 000 = 10.
        #expect(report.indicator("I02", Fixture.province, .trailing12(Fixture.month("2026-09")))?.value == Decimal4(10))
    }
}

@Suite("I03 工伤预防费占比")
struct I03Tests {
    /// 2024-01…2026-09 of a city: revenue 100 000 a month; prevention by month as given.
    static func city(_ region: RegionCode, prevention: [String: String] = [:], skip: String? = nil)
        -> [FundLedgerEntry]
    {
        Fixture.months(33, endingWith: "2026-09").filter { $0 != skip }.map {
            Fixture.ledger(region, $0, revenue: "100000", prevention: prevention[$0] ?? "0")
        }
    }

    static var ninePerMonth: [String: String] {
        Dictionary(uniqueKeysWithValues: Fixture.months(9, endingWith: "2026-09").map { ($0, "4000") })
    }

    @Test(
        "3 % of last year's revenue is no warning; 3.0001 % red with the excess as amount; last year's breach is reported"
    )
    func levels() async throws {
        var b = Self.ninePerMonth
        b["2026-09"] = "4001.20"
        let rows =
            Self.city(Fixture.city, prevention: Self.ninePerMonth) + Self.city(Fixture.otherCity, prevention: b)
            + Self.city(Fixture.thirdCity, prevention: ["2025-12": "40000"])
            + Self.city(Fixture.fourthCity, prevention: ["2025-12": "40000"], skip: "2024-05")
        let report = await screen(ledgerData(rows), ["I03"])
        #expect(report.severities("I03") == ["320200": .red, "320300": .red])
        let over = try #require(report.findings.first { $0.subjectID == "320200" })
        #expect(over.amount == Money(fen: 120))  // 36 001.20 − 3 % × 1 200 000
        #expect(over.findingID == "I03-region-320200")
        let lastYear = try #require(report.findings.first { $0.subjectID == "320300" })
        #expect(lastYear.detail.contains("2025 年"))
        #expect(lastYear.amount == Money(yuan: 4000))  // 40 000 − 36 000
        #expect(report.indicator("I03", Fixture.city, .year(2026))?.value == Decimal4(3))
        #expect(report.indicator("I03", Fixture.otherCity, .year(2026))?.value == Decimal4.of("3.0001"))
        #expect(report.indicator("I03", Fixture.thirdCity, .year(2025))?.value == Decimal4.of("3.3333"))
        #expect(report.indicator("I03", Fixture.thirdCity, .year(2025))?.severity == .red)
        // 2024 has 11 months in the fourth city: its 2025 share is undefined.
        #expect(report.indicator("I03", Fixture.fourthCity, .year(2025))?.value == nil)
        // A month's figure: the year to date, 4 000 of 1 200 000 in January.
        #expect(report.indicator("I03", Fixture.city, .month(Fixture.month("2026-01")))?.value == Decimal4.of("0.3333"))
    }
}
