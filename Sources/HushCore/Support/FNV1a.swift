/// 64-bit FNV-1a: a fast, non-cryptographic hash for telling byte strings apart inside one
/// run (lines of a diff, a file's candidate values, feature vectors); never stored, never
/// shown, never used where someone could choose collisions to hide a secret.
enum FNV1a {
  static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
  static let prime: UInt64 = 0x0000_0100_0000_01b3

  /// The hash of `bytes`.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash = offset
    for byte in bytes { hash = mix(hash, UInt64(byte)) }
    return hash
  }

  /// `hash` after one more word.
  @inline(__always)
  static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 { (hash ^ word) &* prime }
}
