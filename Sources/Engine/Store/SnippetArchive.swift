import FoundationEssentials
import Glibc

/// Snippets as plain files that diff well in git: for each, `NAME-UID8.py` holds the code exactly and
/// `NAME-UID8.json` the rest (pretty, keys sorted). A `.py` without its `.json` imports too, named
/// after the file, with a uid derived from its name and code so a second import is a no-op.
public struct SnippetArchive {
  public let directory: String

  public init(directory: String) { self.directory = directory }

  /// The part of a snippet the `.json` file holds.
  struct Metadata: Codable, Equatable {
    var uid: String
    var name: String
    var language: String
    var tags: [String]
    var pinned: Bool
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
      case uid, name, language, tags, pinned
      case createdAt = "created_at"
      case updatedAt = "updated_at"
    }
  }

  /// Writes every snippet; files an earlier export wrote for a snippet since renamed are removed.
  /// Returns the paths of the `.py` files written.
  public func export(_ snippets: [Snippet]) throws(ArchiveError) -> [String] {
    let files = FileManager.default
    do {
      try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw ArchiveError(path: directory, problem: "cannot create the directory: \(Self.systemReason())")
    }
    let current = Dictionary(
      snippets.map { ($0.uid, Self.basename(of: $0)) }, uniquingKeysWith: { first, _ in first })
    for (name, metadata) in try existingMetadata() where current[metadata.uid].map({ $0 != name }) == true {
      try? files.removeItem(atPath: path(name, "py"))
      try? files.removeItem(atPath: path(name, "json"))
    }
    var written: [String] = []
    for snippet in snippets {
      let name = Self.basename(of: snippet)
      let metadata = Metadata(
        uid: snippet.uid, name: snippet.name, language: snippet.language, tags: snippet.tags,
        pinned: snippet.pinned, createdAt: snippet.createdAt, updatedAt: snippet.updatedAt)
      try write(Data(snippet.code.utf8), to: path(name, "py"))
      try encodeAndWrite(Self.encoder.encode(metadata) + Data("\n".utf8), to: path(name, "json"))
      written.append(path(name, "py"))
    }
    return written
  }

  /// The snippets the directory holds, in file name order.
  public func read() throws(ArchiveError) -> [Snippet] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".py") }
        .sorted()
    } catch {
      throw ArchiveError(path: directory, problem: "cannot list the directory: \(Self.systemReason())")
    }
    return try names.map { file throws(ArchiveError) in
      let name = String(file.dropLast(3))
      let codePath = path(name, "py")
      guard let data = FileManager.default.contents(atPath: codePath) else {
        throw ArchiveError(path: codePath, problem: "cannot be read")
      }
      guard let code = String(validating: [UInt8](data), as: UTF8.self) else {
        throw ArchiveError(path: codePath, problem: "is not UTF-8 text")
      }
      let metadataPath = path(name, "json")
      guard let json = FileManager.default.contents(atPath: metadataPath) else {
        let uid = "file-" + CodeHash.of(name + "\u{0}" + code).prefix(32)
        let now = Date()
        return Snippet(
          id: 0, uid: uid, name: name, language: "python", code: code, tags: [], pinned: false,
          createdAt: now,
          updatedAt: now)
      }
      let metadata: Metadata
      do {
        metadata = try Self.decoder.decode(Metadata.self, from: json)
      } catch {
        throw ArchiveError(path: metadataPath, problem: "is not snippet metadata: \(error)")
      }
      return Snippet(
        id: 0, uid: metadata.uid, name: metadata.name, language: metadata.language, code: code,
        tags: metadata.tags, pinned: metadata.pinned, createdAt: metadata.createdAt,
        updatedAt: metadata.updatedAt)
    }
  }

  /// `fizz-buzz-1a2b3c4d`: the name in lower case with runs of other characters as one `-`.
  static func basename(of snippet: Snippet) -> String {
    var slug = ""
    for character in snippet.name.lowercased() {
      if character.isLetter || character.isNumber {
        slug.append(character)
      } else if !slug.isEmpty && slug.last != "-" {
        slug.append("-")
      }
    }
    while slug.last == "-" { slug.removeLast() }
    return String((slug.isEmpty ? "snippet" : slug).prefix(48)) + "-" + snippet.uid.prefix(8)
  }

  private func existingMetadata() throws(ArchiveError) -> [(String, Metadata)] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".json") }.compactMap { file in
      let name = String(file.dropLast(5))
      guard let data = FileManager.default.contents(atPath: path(name, "json")),
        let metadata = try? Self.decoder.decode(Metadata.self, from: data)
      else { return nil }
      return (name, metadata)
    }
  }

  private func path(_ name: String, _ suffix: String) -> String { directory + "/" + name + "." + suffix }

  private func write(_ data: Data, to path: String) throws(ArchiveError) {
    do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
      throw ArchiveError(path: path, problem: "cannot be written: \(Self.systemReason())")
    }
  }

  private func encodeAndWrite(_ encode: @autoclosure () throws -> Data, to path: String) throws(ArchiveError)
  {
    let data: Data
    do { data = try encode() } catch {
      throw ArchiveError(path: path, problem: "cannot be encoded: \(error)")
    }
    try write(data, to: path)
  }

  /// What the failed system call said: FileManager's errors carry it only in their user info.
  private static func systemReason() -> String { String(cString: strerror(errno)) }

  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return encoder
  }()

  static let decoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return decoder
  }()
}

/// A file of an export that cannot be written or read.
public struct ArchiveError: Error, Equatable, CustomStringConvertible {
  public var path: String
  public var problem: String

  public var description: String { "\(path) \(problem)" }
}
