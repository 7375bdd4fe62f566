import Editor

/// What the status bar holds, and what gives way when the row is short: the cursor position and
/// the run status come first, then the attached stdin file (what the next run reads: the full
/// name, else its last part), then the isolation the runs get, then the key reminder. The run
/// status is what changes, so it is the last thing cut.
struct StatusBar: Equatable {
  /// One piece of the row, drawn from `x` in its role's colour.
  struct Piece: Equatable {
    enum Role: Equatable { case plain, run }
    var text: String
    var x: Int
    var role: Role
  }

  var pieces: [Piece]

  static let separator = " │ "

  init(width: Int, position: String, run: String, stdin: String? = nil, isolation: String, keys: String) {
    var pieces: [Piece] = []
    var x = 0
    func add(_ text: String, _ role: Piece.Role) {
      pieces.append(Piece(text: text, x: x, role: role))
      x += DisplayWidth.of(text)
    }
    add(" \(position)\(Self.separator)", .plain)
    add(run, .run)
    if let stdin {
      let short = stdin.split(separator: "/").last.map(String.init) ?? stdin
      for name in [stdin, short] where x + DisplayWidth.of(Self.separator + "stdin: " + name) <= width {
        add(Self.separator + "stdin: " + name, .plain)
        break
      }
    }
    let isolationText = "\(Self.separator)isolation: \(isolation)"
    if x + DisplayWidth.of(isolationText) <= width { add(isolationText, .plain) }
    let keysX = width - DisplayWidth.of(keys)
    if keysX > x + 1 { pieces.append(Piece(text: keys, x: keysX, role: .plain)) }
    self.pieces = pieces
  }
}
