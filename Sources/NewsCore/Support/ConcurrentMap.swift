import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `(0..<count).map(element)`, computed on every core: for items that do not depend on each other. The result is
    /// in index order whichever item finishes first.
    package init(count: Int, computedConcurrently element: @Sendable (Int) -> Element) {
        let computed = Mutex([Element?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let value = element(index)
            computed.withLock { $0[index] = value }
        }
        self = computed.withLock { $0 }.map { $0! }
    }
}
