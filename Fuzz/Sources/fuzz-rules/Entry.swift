import HushFuzzTargets

/// libFuzzer calls this once per input; `FuzzTarget.rules` holds the logic, which the
/// regression tests replay.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  FuzzTarget.rules.fuzz(data, size)
}
