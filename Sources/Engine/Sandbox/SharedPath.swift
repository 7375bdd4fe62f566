import Glibc

/// A host file or directory a run was asked to see beside its program (`run --with PATH`): it
/// appears in the work dir under its own name, read-only. Never given by default; see
/// docs/security.md for what it exposes and what is refused.
struct SharedPath: Equatable {
  /// The host path, resolved: no symbolic link anywhere in it.
  var source: String
  /// Its name beside `main.py`.
  var name: String
  var isDirectory: Bool

  /// Resolves what the user asked for, or says why not, in words for the user. `homes` are the
  /// user's home directories, resolved (see `homeDirectories`).
  static func resolve(_ paths: [String], homes: [String]) throws(SharedPathError) -> [SharedPath] {
    var resolved: [SharedPath] = []
    for path in paths {
      let shared = try resolve(path, homes: homes)
      if shared.name == "main.py" {
        throw SharedPathError(path: path, reason: "main.py is the program's own name")
      }
      if resolved.contains(where: { $0.name == shared.name }) {
        throw SharedPathError(path: path, reason: "another --with is named \(shared.name) already")
      }
      resolved.append(shared)
    }
    return resolved
  }

  static func resolve(_ path: String, homes: [String]) throws(SharedPathError) -> SharedPath {
    var link = stat()
    guard lstat(path, &link) == 0 else {
      throw SharedPathError(path: path, reason: String(cString: strerror(errno)))
    }
    // A link is refused rather than followed: what the user named is what is shared, and a link
    // pointing out of a project would otherwise share its target unnoticed.
    if link.st_mode & S_IFMT == S_IFLNK {
      throw SharedPathError(
        path: path, reason: "it is a symbolic link (name what it points to, if that is meant)")
    }
    guard let real = realpath(path, nil) else {
      throw SharedPathError(path: path, reason: String(cString: strerror(errno)))
    }
    let source = String(cString: real)
    free(real)
    let kind = link.st_mode & S_IFMT
    guard kind == S_IFREG || kind == S_IFDIR else {
      throw SharedPathError(path: path, reason: "only regular files and directories can be shared")
    }
    if let refused = refusal(source, homes: homes) { throw SharedPathError(path: path, reason: refused) }
    let name = String(source.split(separator: "/").last ?? "")
    return SharedPath(source: source, name: name, isDirectory: kind == S_IFDIR)
  }

  /// Why `source` (resolved) may not be shared: `/`, a home directory itself, or a directory
  /// holding one (`/home`), which would hand over the user's keys, mail and history at once.
  static func refusal(_ source: String, homes: [String]) -> String? {
    if source == "/" { return "the root directory is never shared" }
    for home in homes where home != "/" {
      if source == home { return "the home directory itself is never shared (name a directory inside it)" }
      if home.hasPrefix(source + "/") { return "it holds the home directory \(home), which is never shared" }
    }
    return nil
  }

  /// `$HOME` and the password database's home of this user, resolved, without duplicates.
  static func homeDirectories() -> [String] {
    var homes: [String] = []
    var candidates: [String] = []
    if let home = getenv("HOME") { candidates.append(String(cString: home)) }
    if let entry = getpwuid(getuid()), let home = entry.pointee.pw_dir {
      candidates.append(String(cString: home))
    }
    for candidate in candidates where !candidate.isEmpty {
      guard let real = realpath(candidate, nil) else { continue }
      let resolved = String(cString: real)
      free(real)
      if !homes.contains(resolved) { homes.append(resolved) }
    }
    return homes
  }
}

/// Why a `--with` path was refused.
struct SharedPathError: Error, Equatable, CustomStringConvertible {
  var path: String
  var reason: String
  var description: String { "--with \(path): \(reason)" }
}
