/// Write-once result slots filled by concurrent workers.
// Each index is written by exactly one worker and read only after all workers have joined
// (concurrentPerform returns), so no two threads ever touch the same slot at the same time.
// A raw buffer, not an Array property: concurrent access to a class's Array would trip
// Swift's dynamic exclusivity checks even though the indices differ.
final class Slots<Element>: @unchecked Sendable {
  private let storage: UnsafeMutableBufferPointer<Element?>
  init(count: Int) {
    storage = .allocate(capacity: count)
    storage.initialize(repeating: nil)
  }
  deinit {
    storage.deinitialize()
    storage.deallocate()
  }
  subscript(index: Int) -> Element? {
    get { storage[index] }
    set { storage[index] = newValue }
  }
}
