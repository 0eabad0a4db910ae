/// A dependant's relation to the deceased worker (供养亲属范围规定 art. 2).
public enum Relation: String, CodedValue {
    case spouse, child, parent, grandparent, grandchild, sibling
    public var chineseName: String {
        switch self {
        case .spouse: "配偶"
        case .child: "子女"
        case .parent: "父母"
        case .grandparent: "祖父母/外祖父母"
        case .grandchild: "孙子女/外孙子女"
        case .sibling: "兄弟姐妹"
        }
    }
}

/// A row of `dependents.csv`: a dependant of a deceased worker (供养亲属).
public struct Dependent: Sendable, Hashable, Codable {
    public var dependentID: PersonID
    public var caseID: String
    public var relation: Relation
    public var birthDate: Day?
    /// 孤寡老人 or 孤儿: the +10 % case of 条例 39.
    public var lone: Bool
    /// 完全丧失劳动能力.
    public var disabled: Bool
    public var startDate: Day?
    /// `nil` while entitled.
    public var endDate: Day?

    public init(
        dependentID: PersonID, caseID: String, relation: Relation, birthDate: Day?, lone: Bool, disabled: Bool,
        startDate: Day?, endDate: Day?
    ) {
        self.dependentID = dependentID
        self.caseID = caseID
        self.relation = relation
        self.birthDate = birthDate
        self.lone = lone
        self.disabled = disabled
        self.startDate = startDate
        self.endDate = endDate
    }
}
