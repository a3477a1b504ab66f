import Testing

@testable import HushCore

@Suite struct ByteSizeTests {
  @Test func sizesParse() throws {
    #expect(try ByteSize.parse("10MiB") == 10 << 20)
    #expect(try ByteSize.parse("512k") == 512 << 10)
    #expect(try ByteSize.parse("1048576") == 1_048_576)
    #expect(throws: InputError.self) { try ByteSize.parse("ten") }
    #expect(throws: InputError.self) { try ByteSize.parse("-5") }
  }
}
