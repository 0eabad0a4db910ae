import FundModel

/// One record a casework step writes.
public enum CaseworkChange: Sendable {
    /// A register record: inserted at version 1, else replacing version − 1.
    case document(any CaseworkDocument)
    /// A contracted institution (`institutions`, the table screening reads): inserted when `isNew`, else replaced.
    case institution(Institution, isNew: Bool)
    /// A service agreement (`agreements`, read by rule R09): inserted when `previousStatus` is nil, else
    /// replacing the row only if its status is still `previousStatus`.
    case agreement(Agreement, previousStatus: AgreementStatus?)
}

/// Everything one casework step writes: the records and the history rows, committed in one transaction or not
/// at all.
public struct CaseworkChangeSet: Sendable {
    public var changes: [CaseworkChange]
    public var events: [CaseworkEvent]

    public init(changes: [CaseworkChange] = [], events: [CaseworkEvent] = []) {
        self.changes = changes
        self.events = events
    }

    public mutating func write(_ document: any CaseworkDocument) { changes.append(.document(document)) }
    public mutating func record(_ event: CaseworkEvent) { events.append(event) }
}
