import FundModel

/// Identifiers of the demo province: valid citizen ids, credit codes, account and record numbers.
enum Identifiers {
    /// The characters of a 统一社会信用代码 (GB 32100-2015), in the order of their values.
    static let creditCodeAlphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let creditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// A 统一社会信用代码 with a valid check character: "91" (an enterprise registered with the market
    /// regulator), the city's division code, a nine-character organisation code unique to `serial`, and
    /// the GB 32100 check character.
    static func creditCode(city: RegionCode, serial: Int, _ rng: inout DemoRandom) -> String {
        var chars: [Character] = ["9", "1"] + Array(city.raw)
        // Two random characters, then the serial in base 31 on seven characters: unique for 27 billion.
        chars.append(creditCodeAlphabet[rng.int(0...30)])
        chars.append(creditCodeAlphabet[rng.int(0...30)])
        var n = serial
        var serialChars: [Character] = []
        for _ in 0..<7 {
            serialChars.append(creditCodeAlphabet[n % 31])
            n /= 31
        }
        chars += serialChars.reversed()
        var sum = 0
        for (i, c) in chars.enumerated() { sum += creditCodeAlphabet.firstIndex(of: c)! * creditCodeWeights[i] }
        let check = (31 - sum % 31) % 31
        chars.append(creditCodeAlphabet[check])
        return String(chars)
    }

    /// Whether an 18-character credit code has the right GB 32100 check character (for tests).
    static func isValidCreditCode(_ code: String) -> Bool {
        let chars = Array(code)
        guard chars.count == 18 else { return false }
        var sum = 0
        for i in 0..<17 {
            guard let v = creditCodeAlphabet.firstIndex(of: chars[i]) else { return false }
            sum += v * creditCodeWeights[i]
        }
        return creditCodeAlphabet[(31 - sum % 31) % 31] == chars[17]
    }

    /// A number padded with zeros to `width` digits.
    static func padded(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// A bank card number (19 digits) unique to the kind and serial: 6217 for workers, 6228 for relatives,
    /// 6230 for the accounts of the R19 plants.
    static func account(prefix: String, serial: Int) -> String { prefix + padded(serial, 15) }
}

/// Hands out citizen ids (GB 11643) that are valid and never repeat within a province.
struct PersonIDFactory: Sendable {
    private var used: Set<UInt64> = []

    /// A valid id for a person born on `birth`, registered in `region` (a county or city code).
    mutating func make(region: String, birth: Day, male: Bool, _ rng: inout DemoRandom) -> PersonID {
        let c = birth.components
        let datePart = Identifiers.padded(c.year, 4) + Identifiers.padded(c.month, 2) + Identifiers.padded(c.day, 2)
        var sequence = rng.int(0...499) * 2 + (male ? 1 : 0)
        while true {
            let first17 = region + datePart + Identifiers.padded(sequence, 3)
            let key = UInt64(first17)!
            if used.insert(key).inserted { return PersonID.withCheckCharacter(first17)! }
            sequence = (sequence + 2) % 1000
        }
    }

    /// The same person id with a wrong check character (the DQ01 plants): the next character in `10X98765432`.
    static func corrupted(_ id: PersonID) -> PersonID {
        let table = Array("10X98765432")
        let last = Array(id.raw).last!
        let index = table.firstIndex(of: last)!
        let wrong = table[(index + 1) % table.count]
        return PersonID(String(id.raw.dropLast()) + String(wrong))!
    }
}
