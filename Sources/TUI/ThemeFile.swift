import Editor
import FoundationEssentials
import TOMLKit

/// Reads a theme from TOML. A theme file names only what it changes; the rest comes from the
/// built-in theme. Unknown keys and bad colours are errors that name the file and the key.
///
///     [ui]
///     status_bar = { fg = 252, bg = 236 }          # 0–255, "#rrggbb", a colour name, or "default"
///     stderr = { fg = "bright-red", bold = true }   # bold, dim, italic, underline, reverse
///     [syntax]
///     keyword = { fg = "#c678dd", bold = true }
public enum ThemeFile {
  public struct Failure: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var key: String?
    public var problem: String

    public var description: String {
      "theme \(file)" + (key.map { ", key \($0)" } ?? "") + ": \(problem)"
    }
  }

  /// Where the screen's roles live in `Theme`, by their name in a theme file.
  static var roles: [String: WritableKeyPath<Theme, Style>] {
    [
      "text": \.text, "gutter": \.gutter, "current_line_number": \.currentLineNumber,
      "pane_title": \.paneTitle, "pane_title_focused": \.paneTitleFocused, "border": \.border,
      "status_bar": \.statusBar, "status_ok": \.statusOK, "status_error": \.statusError,
      "status_running": \.statusRunning, "stderr": \.stderr, "inert": \.inert, "hint": \.hint,
      "selection": \.selection, "search_match": \.searchMatch, "matching_bracket": \.matchingBracket,
      "prompt": \.prompt,
    ]
  }

  /// Roles drawn over the text area: a theme that gives `text` a background gives it to these too,
  /// unless they name their own.
  static var drawnOverText: [WritableKeyPath<Theme, Style>] {
    [
      \.gutter, \.currentLineNumber, \.border, \.stderr, \.inert, \.hint,
    ]
  }

  /// Token kinds by their name in a theme file: `functionName` is `function_name`.
  static let tokens: [String: TokenKind] = Dictionary(
    uniqueKeysWithValues: TokenKind.allCases.map { (snakeCase(String(describing: $0)), $0) })

  static let colorNames: [String: UInt8] = [
    "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
    "bright-black": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11, "bright-blue": 12,
    "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
  ]

  public static func load(path: String) throws(Failure) -> Theme {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Failure(file: path, key: nil, problem: "cannot be read")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw Failure(file: path, key: nil, problem: "is not valid UTF-8")
    }
    return try parse(text, file: path)
  }

  public static func parse(_ text: String, file: String) throws(Failure) -> Theme {
    let root: TOMLTable
    do {
      root = try TOMLTable(string: text)
    } catch {
      throw Failure(file: file, key: nil, problem: "is not valid TOML (\(error))")
    }
    var theme = Theme.standard
    for (section, value) in root {
      guard let table = value.table else {
        throw Failure(file: file, key: section, problem: "expected a table such as [ui] or [syntax]")
      }
      switch section {
      case "ui":
        for (role, style) in try styles(in: table, section: section, known: roles, file: file) {
          theme[keyPath: role] = style
        }
      case "syntax":
        for (kind, style) in try styles(in: table, section: section, known: tokens, file: file) {
          theme.highlight.styles[kind] = style
        }
      default:
        throw Failure(file: file, key: section, problem: "unknown section; expected [ui] or [syntax]")
      }
    }
    return theme.withTextBackground()
  }

  /// Each entry of a section as (what it names, its style); a name `known` lacks is an error.
  private static func styles<Target>(
    in table: TOMLTable, section: String, known: [String: Target], file: String
  ) throws(Failure) -> [(Target, Style)] {
    var result: [(Target, Style)] = []
    for (name, value) in table {
      let key = "\(section).\(name)"
      guard let target = known[name] else {
        throw Failure(
          file: file, key: key, problem: "unknown; known: \(known.keys.sorted().joined(separator: ", "))")
      }
      result.append((target, try style(value, key: key, file: file)))
    }
    return result
  }

  private static func style(_ value: any TOMLValueConvertible, key: String, file: String) throws(Failure)
    -> Style
  {
    guard let table = value.table else {
      throw Failure(
        file: file, key: key, problem: "expected an inline table such as { fg = 114, bold = true }")
    }
    var style = Style()
    for (name, field) in table {
      switch name {
      case "fg": style.foreground = try color(field, key: "\(key).fg", file: file)
      case "bg": style.background = try color(field, key: "\(key).bg", file: file)
      case "bold", "dim", "italic", "underline", "reverse":
        guard let flag = field.bool else {
          throw Failure(file: file, key: "\(key).\(name)", problem: "expected true or false")
        }
        switch name {
        case "bold": style.bold = flag
        case "dim": style.dim = flag
        case "italic": style.italic = flag
        case "underline": style.underline = flag
        default: style.reverse = flag
        }
      default:
        throw Failure(
          file: file, key: "\(key).\(name)",
          problem: "unknown; expected fg, bg, bold, dim, italic, underline or reverse")
      }
    }
    return style
  }

  static func color(_ value: any TOMLValueConvertible, key: String, file: String) throws(Failure) -> Color {
    if let index = value.int {
      guard (0...255).contains(index) else {
        throw Failure(file: file, key: key, problem: "palette index \(index) is outside 0–255")
      }
      return .indexed(UInt8(index))
    }
    guard let name = value.string else {
      throw Failure(
        file: file, key: key, problem: "expected 0–255, \"#rrggbb\", a colour name or \"default\"")
    }
    if name == "default" { return .default }
    if let ansi = colorNames[name] { return .ansi(ansi) }
    let hex = name.dropFirst()
    if name.hasPrefix("#"), hex.count == 6, let rgb = UInt32(hex, radix: 16) {
      return .rgb(UInt8(rgb >> 16), UInt8((rgb >> 8) & 0xFF), UInt8(rgb & 0xFF))
    }
    throw Failure(
      file: file, key: key,
      problem: "\"\(name)\" is not a colour: use 0–255, \"#rrggbb\", a colour name or \"default\"")
  }

  private static func snakeCase(_ name: String) -> String {
    name.reduce(into: "") { out, c in
      if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
    }
  }
}

extension Theme {
  /// Text's background under every role drawn over the text that has none of its own.
  fileprivate func withTextBackground() -> Theme {
    guard text.background != .default else { return self }
    var theme = self
    for role in ThemeFile.drawnOverText where theme[keyPath: role].background == .default {
      theme[keyPath: role].background = text.background
    }
    for (kind, style) in highlight.styles where style.background == .default {
      theme.highlight.styles[kind]?.background = text.background
    }
    return theme
  }
}
