import Synchronization

/// One grapheme cluster, stored so that a `Cell` is plain data: copying a screen of cells is a
/// memcpy, with no reference counting. The UTF-8 bytes sit inline when they fit in 15 bytes (every
/// character but the longest emoji sequences); longer clusters are interned once, process-wide.
struct Grapheme: Hashable, Sendable {
  /// Bytes 0–14 hold UTF-8; byte 15 holds the length, or `internedTag` with the index in `low`.
  private var low: UInt64
  private var high: UInt64

  private static let internedTag: UInt64 = 0xFF
  private static let interned = Mutex<(strings: [String], indices: [String: UInt64])>(([], [:]))

  static let space = Grapheme(ascii: 0x20)
  static let empty = Grapheme("")

  /// A one-byte cluster, without looking at Unicode at all.
  init(ascii byte: UInt8) {
    low = UInt64(byte)
    high = 1 << 56
  }

  /// A character from text being drawn; one byte is ASCII, the common case.
  init(_ character: Character) {
    let utf8 = character.utf8
    if utf8.count == 1, let byte = utf8.first { self.init(ascii: byte) } else { self.init(String(character)) }
  }

  init(_ text: String) {
    let count = text.utf8.count
    if count < 16 {
      // Packed little-endian, byte by byte: no array, no allocation.
      var low: UInt64 = 0
      var high = UInt64(count) << 56
      var shift: UInt64 = 0
      for byte in text.utf8 {
        if shift < 64 { low |= UInt64(byte) << shift } else { high |= UInt64(byte) << (shift - 64) }
        shift += 8
      }
      (self.low, self.high) = (low, high)
    } else {
      low = Self.interned.withLock { table in
        if let index = table.indices[text] { return index }
        table.strings.append(text)
        table.indices[text] = UInt64(table.strings.count - 1)
        return UInt64(table.strings.count - 1)
      }
      high = Self.internedTag << 56
    }
  }

  var string: String {
    let count = high >> 56
    if count == Self.internedTag { return Self.interned.withLock { $0.strings[Int(low)] } }
    return withUnsafeBytes(of: (low, high)) { String(decoding: $0.prefix(Int(count)), as: UTF8.self) }
  }
}
