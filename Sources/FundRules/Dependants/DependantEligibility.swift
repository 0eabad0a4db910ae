import FundModel

/// The ages of 供养亲属范围规定 art. 3–4 that decide whether a dependant may be paid.
///
/// Statutory, but kept as a value so that rule R15 can take a province's
/// configured figures and the entitlement calculator the law's.
public struct DependantAgeLimits: Sendable, Hashable {
    /// Art. 3(4), (6), (7) and art. 4(1): a child, grandchild or sibling is paid until this birthday.
    public var youngLimit: Int
    /// Art. 3(2), (3), (5): a spouse, parent or grandparent who is a man is paid from this birthday.
    public var elderMan: Int
    /// Art. 3(2), (3), (5): a spouse, parent or grandparent who is a woman is paid from this birthday.
    public var elderWoman: Int

    public init(youngLimit: Int, elderMan: Int, elderWoman: Int) {
        self.youngLimit = youngLimit
        self.elderMan = elderMan
        self.elderWoman = elderWoman
    }

    /// The ages of the 规定 itself: under 18; men from 60, women from 55.
    public static let statutory = DependantAgeLimits(youngLimit: 18, elderMan: 60, elderWoman: 55)
}

/// Why a dependant may not be paid on a day (供养亲属范围规定 art. 3–4, rules.md R15 rev. 2).
public enum DependantIneligibility: Sendable, Hashable, CustomStringConvertible {
    /// Before the dependant's `start_date`.
    case beforeStart(Day)
    /// After the dependant's `end_date` (art. 4: the pension stopped).
    case afterEnd(Day)
    /// A spouse, parent or grandparent, not completely incapacitated, below the elder age for the sex.
    case belowElderAge(relation: Relation, man: Bool, age: Int, birthday: Day)
    /// A child, grandchild or sibling, not completely incapacitated, at or past the young limit.
    case pastYoungLimit(relation: Relation, age: Int, birthday: Day)

    public var description: String {
        switch self {
        case .beforeStart(let day): "供养起始日期 \(day) 之前"
        case .afterEnd(let day): "供养资格已于 \(day) 终止"
        case .belowElderAge(let relation, let man, let age, let birthday):
            "\(relation.chineseName)（\(man ? "男" : "女")）于 \(birthday) 方满 \(age) 周岁，且未完全丧失劳动能力"
        case .pastYoungLimit(let relation, let age, let birthday):
            "\(relation.chineseName)已于 \(birthday) 年满 \(age) 周岁且未完全丧失劳动能力"
        }
    }
}

/// Whether a dependant may be paid on a day: the one test used by the entitlement calculator (which
/// dependants share the cap in a month) and by rule R15 (which payments fire).
///
/// The test of art. 3 is on the day given; rules.md §5 judges a payment on the first day of each month
/// of its period. The sex is read from the 17th digit of the person id (odd: a man); the age from
/// `birth_date`, else the birth date in the id. A dependant whose age cannot be read (no birth date and
/// an id without one) is not held to the ages.
public enum DependantEligibility {
    /// `nil` when the dependant may be paid on `day`, else the first reason it may not.
    public static func ineligibility(
        of dependant: Dependent, on day: Day, limits: DependantAgeLimits = .statutory
    ) -> DependantIneligibility? {
        if let start = dependant.startDate, day < start { return .beforeStart(start) }
        if let end = dependant.endDate, day > end { return .afterEnd(end) }
        guard !dependant.disabled, let birth = dependant.birthDate ?? dependant.dependentID.embeddedBirthDate
        else { return nil }
        switch dependant.relation {
        case .spouse, .parent, .grandparent:
            let man = isMan(dependant.dependentID)
            let age = man ? limits.elderMan : limits.elderWoman
            let birthday = birth.birthday(age: age)
            return day < birthday
                ? .belowElderAge(relation: dependant.relation, man: man, age: age, birthday: birthday) : nil
        case .child, .grandchild, .sibling:
            let birthday = birth.birthday(age: limits.youngLimit)
            return day >= birthday
                ? .pastYoungLimit(relation: dependant.relation, age: limits.youngLimit, birthday: birthday) : nil
        }
    }

    /// Whether the dependant may be paid for the month (judged on its first day, rules.md §5).
    public static func isEligible(
        _ dependant: Dependent, in month: YearMonth, limits: DependantAgeLimits = .statutory
    ) -> Bool {
        ineligibility(of: dependant, on: month.firstDay, limits: limits) == nil
    }

    /// The first month of `start...end` (or the single day's month) in which the dependant may not be paid,
    /// with the reason; `nil` when every month is eligible.
    public static func firstIneligibleMonth(
        of dependant: Dependent, periodStart: Day?, periodEnd: Day?, serviceDate: Day,
        limits: DependantAgeLimits = .statutory
    ) -> (day: Day, reason: DependantIneligibility)? {
        guard let start = periodStart else {
            return ineligibility(of: dependant, on: serviceDate, limits: limits).map { (serviceDate, $0) }
        }
        let first = start.yearMonth
        let last = max(first, (periodEnd ?? start).yearMonth)
        var month = first
        while month <= last {
            if let reason = ineligibility(of: dependant, on: month.firstDay, limits: limits) {
                return (month.firstDay, reason)
            }
            month = month.adding(months: 1)
        }
        return nil
    }

    /// GB 11643: the 17th character is odd for a man, even for a woman.
    public static func isMan(_ id: PersonID) -> Bool {
        let digits = Array(id.raw.utf8)
        guard digits.count >= 17 else { return false }
        return (digits[16] &- 48) % 2 == 1
    }
}
