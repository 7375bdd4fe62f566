import Editor

/// Program output made safe to write straight to a terminal: every control character except
/// newline, tab and carriage return becomes its visible `ControlPicture`, so escape
/// sequences arrive inert. Other bytes, valid UTF-8 or not, pass through unchanged.
public enum TerminalSafeText {
  public static func neutralise(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b < 0x20 && b != 0x0A && b != 0x09 && b != 0x0D || b == 0x7F {
        out += Array(ControlPicture.substitute(for: Character(Unicode.Scalar(b)))!.utf8)
      } else if b == 0xC2 && i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]) {
        // A C1 control in UTF-8 (U+0080–U+009F): CSI and OSC introducers on some terminals.
        out += Array(ControlPicture.substitute(for: Character(Unicode.Scalar(bytes[i + 1])))!.utf8)
        i += 1
      } else {
        out.append(b)
      }
      i += 1
    }
    return out
  }
}
