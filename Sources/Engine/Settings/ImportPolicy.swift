/// Which Python features user code may reach, enforced by an audit hook installed before the program
/// starts. Defence in depth only: the operating-system layers are the walls.
public enum ImportPolicy: String, Codable, Sendable, CaseIterable {
  /// No hook: the program runs as `python3 -I -u main.py`.
  case off
  /// No native code: `ctypes` and `cffi` cannot be imported, nor libraries loaded.
  case standard
  /// The seed's "import restrictions": no processes, signals to others, sockets or native code.
  case strict
}
