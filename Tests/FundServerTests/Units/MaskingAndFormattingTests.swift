import Foundation
import FundApp
import FundModel
import Testing

@testable import FundServer

@Suite("Masking of personal data and formatting of amounts")
struct MaskingAndFormattingTests {
    @Test func namesKeepTheFamilyName() {
        #expect(Masking.name("张三") == "张*")
        #expect(Masking.name("欧阳娜娜") == "欧***")
        #expect(Masking.name("王") == "王*")
    }

    @Test func idNumbersInsideText() {
        let id = PersonID.withCheckCharacter("32010219800101001")!
        #expect(Masking.maskIDs(in: "职工\(id.raw)于") == "职工320102********\(id.raw.suffix(4))于")
        // 19 digits is not an id number: left alone.
        #expect(Masking.maskIDs(in: "1\(id.raw)") == "1\(id.raw)")
    }

    @Test func yuanWithThousands() {
        #expect(Formatting.yuan(Money(fen: 123_456_789)) == "1,234,567.89")
        #expect(Formatting.yuan(Money(fen: -5)) == "-0.05")
        #expect(Formatting.yuan(Money(fen: 100_000)) == "1,000.00")
        #expect(Formatting.shortYuan(Money(yuan: 123_456)) == "12.3万")
        #expect(Formatting.shortYuan(Money(yuan: 250_000_000)) == "2.5亿")
        #expect(Formatting.shortYuan(Money(yuan: 9_999)) == "9999")
    }

    @Test func typedAmounts() {
        #expect(Formatting.parseYuan("1,234.5") == Money(fen: 123_450))
        #expect(Formatting.parseYuan("¥ 80元") == Money(yuan: 80))
        #expect(Formatting.parseYuan("12.345") == nil)
        #expect(Formatting.parseYuan("abc") == nil)
    }

    @Test func percent() {
        #expect(Formatting.percent(1, of: 3) == "33.3%")
        #expect(Formatting.percent(0, of: 0) == "—")
    }

    @Test func chartAxisTops() {
        #expect(Charts.niceCeiling(7) == 10)
        #expect(Charts.niceCeiling(130) == 200)
        #expect(Charts.niceCeiling(450) == 500)
        #expect(Charts.niceCeiling(1000) == 1000)
    }

    @Test func passwordPolicy() {
        #expect(PasswordPolicy.problems("short1", userName: "u").count == 1)
        #expect(PasswordPolicy.problems("onlyletters", userName: "u").count == 1)
        #expect(PasswordPolicy.problems("nj2-Passw0rd", userName: "nj2").contains("密码不能包含用户名"))
        #expect(PasswordPolicy.problems("Passw0rd-123", userName: "nj").isEmpty)
        #expect(PasswordPolicy.problems(RandomToken.password(), userName: "admin").isEmpty)
    }

    @Test func nextMustBeLocal() {
        #expect(SessionRoutes.safeNext("/findings?level=red") == "/findings?level=red")
        #expect(SessionRoutes.safeNext("//evil.example/") == "/dashboard")
        #expect(SessionRoutes.safeNext("https://evil.example/") == "/dashboard")
        #expect(SessionRoutes.safeNext("/\\evil") == "/dashboard")
    }

    @Test func rateLimiterWindow() {
        let limiter = LoginRateLimiter(maxFailures: 3, window: 60, baseDelay: 10, addressFactor: 2)
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        for i in 0..<3 { #expect(limiter.begin(address: "a", name: "x", now: t0.addingTimeInterval(Double(i))) == nil) }
        // The pair (address, name) is slowed: a delay after the third failure.
        #expect(limiter.begin(address: "a", name: "x", now: t0.addingTimeInterval(3)) != nil)
        // The same name from another address is not: the offender is slowed, not the account locked.
        #expect(limiter.begin(address: "b", name: "x", now: t0.addingTimeInterval(3)) == nil)
        // Other names from the same address count toward the address's larger allowance.
        #expect(limiter.begin(address: "a", name: "y", now: t0.addingTimeInterval(3)) == nil)
        #expect(limiter.begin(address: "a", name: "z", now: t0.addingTimeInterval(3)) == nil)
        #expect(limiter.begin(address: "a", name: "w", now: t0.addingTimeInterval(3)) == nil)
        #expect(limiter.begin(address: "a", name: "v", now: t0.addingTimeInterval(3)) != nil)
        // After the window and the delay the failures are forgotten.
        #expect(limiter.begin(address: "a", name: "x", now: t0.addingTimeInterval(200)) == nil)
    }
}
