import FundModel

/// A page of the findings register for the console: filters, sort and paging (预警与疑点).
public struct FindingListQuery: Sendable, Hashable {
    public enum SortKey: String, Sendable, CaseIterable {
        /// Severity, then amount descending (the interchange order).
        case severity
        case amount
        case rule
        case region
        case status
        /// The day the finding was first raised (its first run's screening date).
        case firstSeen = "first_seen"
        /// The verification's due date (`dueDays` after the day first found, by level).
        case due
    }

    public var scope: RegionScope
    public var ruleID: String?
    public var severity: Severity?
    public var regionCode: RegionCode?
    public var status: FindingStatus?
    public var stillRaised: Bool?
    public var minAmount: Money?
    public var maxAmount: Money?
    /// Inclusive bounds on the first screening date.
    public var firstSeenFrom: Day?
    public var firstSeenTo: Day?
    public var subjectID: String?
    public var sort: SortKey
    public var descending: Bool
    public var limit: Int
    public var offset: Int
    /// The days a finding's verification has by level (the configuration in force), for `overdueOn` and `.due`.
    public var dueDays: FindingDueDays = .standard
    /// Only the findings still open (new, assigned, verifying) whose due date is before this day (issue 14 #7).
    public var overdueOn: Day?

    public init(
        scope: RegionScope = .all, ruleID: String? = nil, severity: Severity? = nil, regionCode: RegionCode? = nil,
        status: FindingStatus? = nil, stillRaised: Bool? = nil, minAmount: Money? = nil, maxAmount: Money? = nil,
        firstSeenFrom: Day? = nil, firstSeenTo: Day? = nil, subjectID: String? = nil, sort: SortKey = .severity,
        descending: Bool = false, limit: Int = 50, offset: Int = 0
    ) {
        self.scope = scope
        self.ruleID = ruleID
        self.severity = severity
        self.regionCode = regionCode
        self.status = status
        self.stillRaised = stillRaised
        self.minAmount = minAmount
        self.maxAmount = maxAmount
        self.firstSeenFrom = firstSeenFrom
        self.firstSeenTo = firstSeenTo
        self.subjectID = subjectID
        self.sort = sort
        self.descending = descending
        self.limit = limit
        self.offset = offset
    }
}

/// A finding in a console list: the stored finding, when it was first raised, and who verifies it.
public struct FindingListRow: Sendable, Hashable {
    public var stored: StoredFinding
    public var firstSeen: Day
    public var assigneeName: String?

    public init(stored: StoredFinding, firstSeen: Day, assigneeName: String?) {
        self.stored = stored
        self.firstSeen = firstSeen
        self.assigneeName = assigneeName
    }
}

/// Counts of findings for the dashboard.
public struct FindingCounts: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public var key: String
        public var count: Int
        public var red: Int
        public var amount: Money
        /// Concluded or closed.
        public var done: Int

        public init(key: String, count: Int, red: Int, amount: Money, done: Int) {
            self.key = key
            self.count = count
            self.red = red
            self.amount = amount
            self.done = done
        }
    }

    public var bySeverity: [Severity: Int]
    public var byStatus: [FindingStatus: Int]
    /// By rule id, in no particular order.
    public var byRule: [Line]
    /// By region code.
    public var byRegion: [Line]
    public var total: Int { bySeverity.values.reduce(0, +) }
}

/// One month of the fund, summed over the regions in scope.
public struct LedgerMonth: Sendable, Hashable {
    public var month: YearMonth
    public var revenue: Money
    public var expenditure: Money
    public var balance: Money
}

/// A stored row rendered as text cells, for showing evidence side by side.
public struct DisplayRecord: Sendable, Hashable {
    public struct Cell: Sendable, Hashable {
        public var column: String
        public var text: String
        /// An id number: masked for roles that may not see it.
        public var isPersonID: Bool
        /// A person's name: masked for roles that may not see it.
        public var isPersonName: Bool
    }

    public var table: Table
    public var cells: [Cell]

    /// The text of a column, if present.
    public subscript(column: String) -> String? { cells.first { $0.column == column }?.text }
}
