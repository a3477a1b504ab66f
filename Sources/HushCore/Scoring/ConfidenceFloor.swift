/// The confidence a candidate of the generic grammar must reach to be reported.
public enum ConfidenceFloor: Sendable, Equatable {
  /// Every candidate is reported, with its confidence (`rules check`, tests).
  case keepAll
  /// The model's named operating point: `scan` (recall first) or `staged` (precision first).
  case operatingPoint(String)
  /// A number from `--min-confidence` or `.hush.toml`.
  case value(Double)

  /// The floor as a probability, or nil when nothing is dropped.
  public func minimum(in model: ScoringModel) -> Double? {
    switch self {
    case .keepAll: nil
    case .operatingPoint(let name): model.thresholds[name] ?? 0.5
    case .value(let value): value
    }
  }
}
