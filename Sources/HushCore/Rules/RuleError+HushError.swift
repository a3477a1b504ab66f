// RuleError lives in HushRules, which the build-time catalog compiler shares and which knows
// nothing of HushCore's error protocol.
extension RuleError: HushError {}
