/// A row of `parameters.csv`: one yearly statutory figure of a region.
///
/// `value` is kept exactly as a decimal with up to four places (`Decimal4`):
/// money in yuan, months or a ratio depending on `name`.
public struct Parameter: Sendable, Hashable, Codable {
    public var regionCode: RegionCode
    public var year: Int
    public var name: String
    public var value: Decimal4

    public init(regionCode: RegionCode, year: Int, name: String, value: Decimal4) {
        self.regionCode = regionCode
        self.year = year
        self.name = name
        self.value = value
    }
}

/// The parameter names of interchange.md.
public enum ParameterName {
    public static let avgMonthlyWage = "avg_monthly_wage"
    public static let minMonthlyWage = "min_monthly_wage"
    public static let urbanDisposableIncome = "urban_disposable_income"
    public static func medicalSubsidyMonths(grade: Int) -> String { "medical_subsidy_months_\(grade)" }
    public static func employmentSubsidyMonths(grade: Int) -> String { "employment_subsidy_months_\(grade)" }
    /// 条例 40 (rev. 2): the province's yearly adjustment of 伤残津贴 and 供养亲属抚恤金, as a ratio (0.045)
    /// and an amount in yuan, applied from January of the row's year.
    public static let adjustRatio = "adjust_ratio"
    public static let adjustAmount = "adjust_amount"
    /// Rev. 2: `province` under provincial pooling (省级统筹), else `city`; text in the CSV, stored as
    /// `PoolingLevel`'s code (1 province, 0 city) because the column is a decimal.
    public static let pooling = "pooling"
}

/// The pooling level of a province (rules.md §5 "Pooling level"): under provincial pooling the
/// province's figures apply to every case, its cities' own figures are ignored.
public enum PoolingLevel: String, Sendable, CaseIterable {
    case city, province

    /// The value stored in the `parameters.value` column for the text of the CSV.
    public var storedValue: Decimal4 { Decimal4(self == .province ? 1 : 0) }

    /// The level of a stored value (anything but 1 is city pooling).
    public init(storedValue: Decimal4) { self = storedValue == Decimal4(1) ? .province : .city }
}

/// An exact decimal with four places, stored as an integer count of 1/10 000.
///
/// Parameters are money (yuan), months (possibly fractional in a province's
/// table) or ratios; none of them may pass through a floating-point type.
public struct Decimal4: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var tenThousandths: Int64
    public init(tenThousandths: Int64) { self.tenThousandths = tenThousandths }
    public init(_ whole: Int64) { tenThousandths = whole * 10_000 }

    public static func < (lhs: Decimal4, rhs: Decimal4) -> Bool { lhs.tenThousandths < rhs.tenThousandths }

    /// The value as money, when it is an amount in yuan (rounded half up to the fen).
    public var money: Money { Money(fen: tenThousandths).scaled(by: 1, over: 100) }

    /// Parses `12`, `12.5`, `-0.0325` (at most four decimals).
    public init?(_ text: some StringProtocol) {
        var s = Substring(text)
        var negative = false
        if s.first == "-" || s.first == "+" {
            negative = s.first == "-"
            s = s.dropFirst()
        }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty || parts.count == 2 else { return nil }
        let wholeText = parts[0]
        let fracText = parts.count == 2 ? parts[1] : ""
        guard fracText.count <= 4, !(wholeText.isEmpty && fracText.isEmpty),
            wholeText.allSatisfy(\.isASCIIDigit), fracText.allSatisfy(\.isASCIIDigit), wholeText.count <= 12
        else { return nil }
        let whole = Int64(wholeText.isEmpty ? "0" : wholeText)!
        var frac = Int64(fracText.isEmpty ? "0" : fracText)!
        for _ in 0..<(4 - fracText.count) { frac *= 10 }
        let v = whole * 10_000 + frac
        tenThousandths = negative ? -v : v
    }

    public var description: String {
        let m = tenThousandths.magnitude
        var frac = String(m % 10_000)
        frac = String(repeating: "0", count: 4 - frac.count) + frac
        while frac.hasSuffix("0") { frac.removeLast() }
        return (tenThousandths < 0 ? "-" : "") + String(m / 10_000) + (frac.isEmpty ? "" : "." + frac)
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}
