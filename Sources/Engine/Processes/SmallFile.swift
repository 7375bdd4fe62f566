/// The trimmed contents of a small kernel file such as a sysctl, or nil.
public func readSmallFile(_ path: String) -> String? {
  guard let bytes = try? FileContents.read(path) else { return nil }
  return trimmed(String(decoding: bytes, as: UTF8.self))
}

/// `text` without the white space (ASCII, which is all kernel files and tools print) around it.
public func trimmed(_ text: String) -> String {
  let bytes = text.utf8
  let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
  guard let first = bytes.firstIndex(where: { !isSpace($0) }),
    let last = bytes.lastIndex(where: { !isSpace($0) })
  else { return "" }
  return String(decoding: bytes[first...last], as: UTF8.self)
}
