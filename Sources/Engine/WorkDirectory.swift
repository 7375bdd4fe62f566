import Foundation

/// A private temporary directory for one run, holding the program as `main.py`.
struct WorkDirectory {
  let path: String

  /// Creates a fresh directory (mode 0700) under `parent`.
  init(parent: String = NSTemporaryDirectory()) throws {
    var template = Array((parent.hasSuffix("/") ? parent : parent + "/").utf8CString.dropLast())
    template += Array("coderemote-run-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: parent])
    }
    path = String(cString: made)
  }

  func write(_ name: String, _ contents: String) throws {
    try Data(contents.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
  }

  /// Removes the directory and whatever the program left in it. `removeItem` deletes symlinks
  /// themselves, never their targets.
  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
