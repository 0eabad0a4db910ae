import FundStore

/// Why a casework step was refused. Nothing was written: a refused step leaves every record and the history as
/// they were.
///
/// `message` is Chinese and names the article that forbids the step, so the
/// console can show it as is; `kind` lets the API choose its status code.
public struct CaseworkError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The record does not exist (HTTP 404).
        case notFound
        /// The input is malformed or incomplete: a missing reason, an unknown code (HTTP 422).
        case invalid
        /// The law or the procedure forbids the step in the record's present state (HTTP 409).
        case refused
        /// Someone else changed the record first, or the id exists (HTTP 409).
        case conflict
    }

    public var kind: Kind
    public var message: String
    /// The part of the act at fault, when it is one (`ActPart`), so that a form or an API can name its field.
    public var actPart: ActPart?

    /// The parts of a `CaseworkAct` a step can find wrong.
    public enum ActPart: String, Sendable, Hashable {
        case actor, day, reason
    }

    public init(_ kind: Kind, _ message: String, actPart: ActPart? = nil) {
        self.kind = kind
        self.message = message
        self.actPart = actPart
    }

    public var description: String { message }

    static func refused(_ message: String) -> CaseworkError { CaseworkError(.refused, message) }
    static func invalid(_ message: String) -> CaseworkError { CaseworkError(.invalid, message) }
    static func notFound(_ message: String) -> CaseworkError { CaseworkError(.notFound, message) }

    /// The store's refusal, in the register's words.
    init(_ error: CaseworkStoreError) {
        switch error {
        case .duplicate(_, let id): self.init(.conflict, "编号 \(id) 已存在，不能重复登记")
        case .conflict(_, let id): self.init(.conflict, "\(id) 已被他人修改，请刷新后重新办理")
        case .unknownColumn: self.init(.invalid, error.description)
        }
    }
}
