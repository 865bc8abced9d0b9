import SQLKit

extension SQLBind {
    /// A bound value, or SQL `NULL` when there is none.
    static func orNull(_ value: (any Encodable & Sendable)?) -> any SQLExpression {
        value.map { SQLBind($0) } ?? SQLLiteral.null
    }
}
