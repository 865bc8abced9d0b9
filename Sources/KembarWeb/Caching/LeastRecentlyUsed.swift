/// Values kept within a budget of bytes: when a new value does not fit, the values used least
/// recently go first. Not thread-safe; each cache keeps one inside its own isolation.
struct LeastRecentlyUsed<Key: Hashable, Value> {
    private final class Node {
        let key: Key
        var value: Value
        var cost: Int
        var newer: Node?
        weak var older: Node?

        init(key: Key, value: Value, cost: Int) {
            self.key = key
            self.value = value
            self.cost = cost
        }
    }

    /// The most bytes the values may take together.
    let budget: Int
    private(set) var cost = 0
    private var nodes: [Key: Node] = [:]
    /// Least recently used; it holds the chain towards `newest` through `newer`.
    private var oldest: Node?
    private weak var newest: Node?

    init(budget: Int) {
        self.budget = budget
    }

    var count: Int { nodes.count }

    /// The value of `key`, which becomes the most recently used.
    mutating func value(_ key: Key) -> Value? {
        guard let node = nodes[key] else { return nil }
        moveToNewest(node)
        return node.value
    }

    /// The value of `key`, leaving the order of use as it is.
    func peek(_ key: Key) -> Value? {
        nodes[key]?.value
    }

    /// Keeps `value` as the most recently used, then drops the least recently used until the
    /// values fit the budget again. A value larger than the whole budget is not kept.
    mutating func insert(_ value: Value, for key: Key, cost: Int) {
        remove(key)
        guard cost <= budget else { return }
        let node = Node(key: key, value: value, cost: cost)
        nodes[key] = node
        self.cost += cost
        if let newest {
            newest.newer = node
            node.older = newest
        } else {
            oldest = node
        }
        newest = node
        while self.cost > budget, let victim = oldest, victim !== node {
            remove(victim.key)
        }
    }

    mutating func remove(_ key: Key) {
        guard let node = nodes.removeValue(forKey: key) else { return }
        cost -= node.cost
        unlink(node)
    }

    mutating func removeAll() {
        nodes.removeAll()
        oldest = nil
        newest = nil
        cost = 0
    }

    private mutating func moveToNewest(_ node: Node) {
        guard newest !== node else { return }
        unlink(node)
        newest?.newer = node
        node.older = newest
        newest = node
        if oldest == nil { oldest = node }
    }

    private mutating func unlink(_ node: Node) {
        let older = node.older
        let newer = node.newer
        if let older { older.newer = newer } else { oldest = newer }
        if let newer { newer.older = older } else { newest = older }
        node.older = nil
        node.newer = nil
    }
}
