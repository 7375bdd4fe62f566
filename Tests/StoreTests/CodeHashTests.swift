import Testing

@testable import Store

@Suite("SHA-256 of code")
struct CodeHashTests {
  @Test(
    "matches the FIPS 180-4 examples and a two-block message",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
      ("héllo 日本語", "d92882823120aba062255c254504244cc53894c0134283318a27637baa5ac174"),
    ])
  func vectors(text: String, digest: String) {
    #expect(CodeHash.of(text) == digest)
  }

  @Test("a message of many blocks")
  func long() {
    #expect(
      CodeHash.of(String(repeating: "a", count: 1_000))
        == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }
}
