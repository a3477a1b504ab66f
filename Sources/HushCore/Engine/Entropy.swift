/// Shannon entropy of a candidate secret, judged against the alphabet it is written in.
///
/// A random hex string cannot reach the bits per character of a random base64 string, and a
/// short string cannot reach the entropy of a long one. So a rule's `min-entropy` (bits per
/// character) is capped, per candidate, by what a uniformly random string of the same length
/// over the candidate's own alphabet is expected to reach.
public enum Entropy {
  /// Shannon entropy in bits per byte.
  public static func shannon<C: Collection<UInt8>>(_ bytes: C) -> Double {
    guard !bytes.isEmpty else { return 0 }
    var counts = [Int](repeating: 0, count: 256)
    for byte in bytes { counts[Int(byte)] += 1 }
    let total = Double(bytes.count)
    var bits = 0.0
    for count in counts where count > 0 {
      let p = Double(count) / total
      bits -= p * log2(p)
    }
    return bits
  }

  /// Size of the smallest common alphabet the bytes are drawn from: 10 (digits), 16 (hex, one
  /// case), 36 (digits and one letter case), 62 (alphanumeric), 64 (base64 or base64url), or 95.
  public static func alphabetSize<C: Collection<UInt8>>(_ bytes: C) -> Int {
    var lowerHex = false
    var upperHex = false
    var lower = false
    var upper = false
    var base64Symbols = 0
    var other = false
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): continue
      case UInt8(ascii: "a")...UInt8(ascii: "f"): lowerHex = true
      case UInt8(ascii: "A")...UInt8(ascii: "F"): upperHex = true
      case UInt8(ascii: "g")...UInt8(ascii: "z"): lower = true
      case UInt8(ascii: "G")...UInt8(ascii: "Z"): upper = true
      case UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "_"),
        UInt8(ascii: "="):
        base64Symbols += 1
      default: other = true
      }
    }
    if other { return 95 }
    let anyLower = lower || lowerHex
    let anyUpper = upper || upperHex
    if base64Symbols > 0 { return 64 }
    if !anyLower && !anyUpper { return 10 }
    if !lower && !upper && !(lowerHex && upperHex) { return 16 }
    if anyLower != anyUpper { return 36 }
    return 62
  }

  /// Expected Shannon entropy (bits/char) of a uniformly random string of `length` characters
  /// over an alphabet of `alphabet` symbols.
  public static func expectedRandom(length: Int, alphabet: Int) -> Double {
    guard length > 1, alphabet > 1 else { return 0 }
    let n = Double(length)
    let k = Double(alphabet)
    // For long strings the Miller–Madow bias term is exact enough.
    if length > 512 { return log2(k) - (k - 1) / (2 * n * M_LN2) }
    // E[H] = log2(n) − (k/n)·E[c·log2 c], c ~ Binomial(n, 1/k).
    let p = 1 / k
    let logP = log(p)
    let logQ = log1p(-p)
    let lgammaN1 = logGamma(n + 1)
    var expectation = 0.0
    for c in 2...length {
      let cd = Double(c)
      let logPMF =
        lgammaN1 - logGamma(cd + 1) - logGamma(n - cd + 1) + cd * logP + (n - cd) * logQ
      expectation += exp(logPMF) * cd * log2(cd)
    }
    return log2(n) - k / n * expectation
  }

  private static func logGamma(_ x: Double) -> Double {
    let value: Double = lgamma(x)
    return value
  }

  /// Share of a random string's expected entropy that a candidate must reach when the rule's
  /// `min-entropy` is more than a string of its length and alphabet could plausibly have.
  public static let fairShare = 0.85

  /// The entropy a candidate must reach for a rule whose `min-entropy` is `minimum`: the
  /// minimum itself, lowered for short or small-alphabet candidates to `fairShare` of what a
  /// random string of the same length and alphabet is expected to reach.
  public static func threshold<C: Collection<UInt8>>(_ minimum: Double, for bytes: C) -> Double {
    let attainable = expectedRandom(length: bytes.count, alphabet: alphabetSize(bytes))
    return min(minimum, fairShare * attainable)
  }

  /// Whether the bytes reach `minimum`, judged against their own alphabet.
  public static func meets<C: Collection<UInt8>>(_ minimum: Double, _ bytes: C) -> Bool {
    shannon(bytes) >= threshold(minimum, for: bytes)
  }
}
