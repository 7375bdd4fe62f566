import Glibc
import Processes

/// The file the layout is kept in between sessions (`$XDG_STATE_HOME/coderemote/layout`, chosen
/// by the executable): state the app writes itself, so the user's config.toml is never rewritten.
enum LayoutFile {
  /// The layout in the file; the defaults when there is none or it cannot be read.
  static func load(_ path: String) -> PaneLayout {
    guard let bytes = try? FileContents.read(path) else { return PaneLayout() }
    return PaneLayout(decoding: String(decoding: bytes, as: UTF8.self))
  }

  /// Writes the layout (through a temporary file and a rename, so a crash leaves the old one);
  /// the directory is made if it is missing. Returns why it could not, if it could not.
  static func save(_ layout: PaneLayout, to path: String) -> String? {
    var directory = ""
    for part in path.split(separator: "/").dropLast() {
      directory += "/" + part
      if mkdir(directory, 0o700) != 0 && errno != EEXIST { return String(cString: strerror(errno)) }
    }
    let temporary = path + ".tmp"
    do {
      try OutputFile.write(Array(layout.encoded.utf8), to: temporary, replacing: true)
    } catch {
      if case .failed(let reason) = error { return reason }
      return "cannot write \(temporary)"
    }
    guard rename(temporary, path) == 0 else { return String(cString: strerror(errno)) }
    return nil
  }
}
