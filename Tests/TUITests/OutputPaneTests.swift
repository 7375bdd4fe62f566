import Foundation
import Testing

@testable import TUI

@Suite struct OutputPaneTests {
  /// A pane of `width`×`height` holding `lines` lines "line 1"…
  static func pane(lines: Int, width: Int = 30, height: Int = 5) -> OutputPane {
    var pane = OutputPane()
    pane.fit(width: width, height: height)
    pane.log.append(Array((1...max(1, lines)).map { "line \($0)\n" }.joined().utf8), from: .stdout)
    return pane
  }

  static func screen(_ pane: OutputPane, width: Int = 30, height: Int = 5) -> [String] {
    var grid = Grid(width: width, height: height)
    pane.render(in: Rect(x: 0, y: 0, width: width, height: height), into: &grid)
    return grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  static func press(_ keys: Key..., in pane: inout OutputPane) {
    for key in keys { _ = pane.handle(.key(key)) }
  }

  @Test func homeAndPageUpAtTheTopShowAFullScreenFromTheFirstLine() {
    var pane = Self.pane(lines: 20)
    Self.press(.home, in: &pane)
    #expect(Self.screen(pane) == ["line 1", "line 2", "line 3", "line 4", "line 5"])
    Self.press(.pageUp, .pageUp, .up, .home, in: &pane)
    #expect(Self.screen(pane) == ["line 1", "line 2", "line 3", "line 4", "line 5"])
    Self.press(.pageDown, in: &pane)
    #expect(Self.screen(pane).first == "line 5")
  }

  @Test func followsTheEndWhileAtTheBottom() {
    var pane = Self.pane(lines: 20)
    pane.log.append(Array("line 21\n".utf8), from: .stdout)
    #expect(Self.screen(pane).last == "line 21")
    #expect(pane.isFollowing)
  }

  @Test func aScrolledBackViewHoldsStillWhileOutputArrives() {
    var pane = Self.pane(lines: 20)
    Self.press(.up, .up, .up, in: &pane)
    let held = Self.screen(pane)
    #expect(held.first == "line 13")
    for n in 21...60 { pane.log.append(Array("line \(n)\n".utf8), from: .stdout) }
    #expect(Self.screen(pane).prefix(4) == held.prefix(4))
    // End follows again; scrolling back down to the bottom does too.
    Self.press(.end, in: &pane)
    #expect(Self.screen(pane).last == "line 60")
    Self.press(.up, .down, in: &pane)
    #expect(pane.isFollowing)
  }

  @Test func longLinesWrapByDefault() {
    var pane = OutputPane()
    pane.fit(width: 10, height: 4)
    pane.log.append(Array("abcdefghijklmnopqrstuvwxy\nz\n".utf8), from: .stdout)
    #expect(Self.screen(pane, width: 10, height: 4) == ["abcdefghij", "klmnopqrst", "uvwxy", "z"])
  }

  @Test func withWrapOffLongLinesAreMarkedAndScrollSideways() {
    var pane = OutputPane()
    pane.fit(width: 10, height: 3)
    pane.log.append(Array("abcdefghijklmnopqrstuvwxy\nshort\n".utf8), from: .stdout)
    Self.press(.ctrl("w"), in: &pane)
    #expect(!pane.wrap)
    #expect(Self.screen(pane, width: 10, height: 3).prefix(2) == ["abcdefghi›", "short"])
    Self.press(.right, in: &pane)
    #expect(Self.screen(pane, width: 10, height: 3).first == "‹jklmnopq›")
    Self.press(.right, .right, in: &pane)
    #expect(Self.screen(pane, width: 10, height: 3).first == "‹")
  }

  @Test func theFirstLineStaysAboveTheDroppedMark() {
    var pane = OutputPane()
    pane.log = OutputLog(maxLines: 5)
    pane.fit(width: 60, height: 4)
    pane.log.append(Array((1...12).map { "line \($0)\n" }.joined().utf8), from: .stdout)
    Self.press(.home, in: &pane)
    #expect(
      Self.screen(pane, width: 60, height: 4) == [
        "line 1", "⋯ 7 earlier lines dropped (the pane keeps 5) ⋯", "line 9", "line 10",
      ])
  }

  @Test func findJumpsToMatchesAndWraps() {
    var pane = Self.pane(lines: 50)
    Self.press(.ctrl("f"), in: &pane)
    for character in "LINE 7" { Self.press(.character(character), in: &pane) }
    guard let match = pane.match else {
      Issue.record("no match")
      return
    }
    #expect(match.line == 6 && match.range == 0..<6)
    #expect(Self.screen(pane).contains("line 7"))
    Self.press(.enter, in: &pane)
    #expect(pane.match?.line == 6)
    Self.press(.ctrl("p"), in: &pane)
    #expect(pane.prompt?.status.hasPrefix("line") == true)
    Self.press(.escape, in: &pane)
    #expect(pane.prompt == nil)
  }

  @Test func findSaysWhenNothingMatches() {
    var pane = Self.pane(lines: 5)
    Self.press(.ctrl("f"), .character("z"), in: &pane)
    #expect(pane.match == nil)
    #expect(pane.prompt?.status == "no matches")
  }

  @Test func copyTakesTheSelectedLinesOrEverything() {
    var pane = Self.pane(lines: 10)
    Self.press(.ctrl("k"), in: &pane)
    #expect(pane.takeCopied() == (1...10).map { "line \($0)" }.joined(separator: "\n"))
    // The first Shift-↑ selects the bottom line, each next one a line more.
    Self.press(.modified(.up, .shift), .modified(.up, .shift), .modified(.up, .shift), in: &pane)
    Self.press(.ctrl("k"), in: &pane)
    #expect(pane.takeCopied() == "line 8\nline 9\nline 10")
    #expect(pane.takeCopied() == nil)
  }

  @Test func copiedTextHasNoEscapeCodes() {
    var pane = OutputPane()
    pane.log.append(Array("\u{1B}[31mred\u{1B}[0m\n".utf8), from: .stdout)
    Self.press(.ctrl("k"), in: &pane)
    #expect(pane.takeCopied() == "red")
  }

  @Test func savingNeverOverwritesWithoutAsking() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("output-save-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("out.txt").path
    try "precious\n".write(toFile: path, atomically: true, encoding: .utf8)

    var pane = Self.pane(lines: 3)
    pane.log.append(Array("\u{1B}[1mbold\u{1B}[0m\n".utf8), from: .stdout)
    Self.press(.ctrl("s"), in: &pane)
    _ = pane.handle(.paste(path))
    Self.press(.enter, in: &pane)
    #expect(pane.prompt?.purpose == .confirmOverwrite(path: path))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious\n")
    Self.press(.character("n"), in: &pane)
    #expect(pane.prompt?.purpose == .saveAs)
    Self.press(.enter, .character("y"), in: &pane)
    #expect(pane.prompt == nil)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "line 1\nline 2\nline 3\nbold\n")
  }

  @Test func aFailedSaveSaysWhyAndKeepsThePromptOpen() {
    var pane = Self.pane(lines: 1)
    Self.press(.ctrl("s"), in: &pane)
    _ = pane.handle(.paste("/nonexistent-dir-\(UUID())/out.txt"))
    Self.press(.enter, in: &pane)
    #expect(pane.prompt?.purpose == .saveAs)
    #expect(pane.prompt?.status.hasPrefix("could not save: ") == true)
  }

  @Test func escapeClosesWhatIsOpenThenLeavesThePane() {
    var pane = Self.pane(lines: 3)
    Self.press(.ctrl("f"), in: &pane)
    #expect(pane.escapeStaysInPane)
    Self.press(.escape, in: &pane)
    #expect(!pane.escapeStaysInPane)
    #expect(pane.handle(.key(.escape)) == .ignored)
  }

  @Test func rawViewShowsTheCodesAndColoursComeBack() {
    var pane = OutputPane()
    pane.fit(width: 20, height: 2)
    pane.log.append(Array("\u{1B}[31mred\n".utf8), from: .stdout)
    #expect(Self.screen(pane, width: 20, height: 2).first == "red")
    Self.press(.ctrl("e"), in: &pane)
    #expect(Self.screen(pane, width: 20, height: 2).first == "␛[31mred")
  }
}

@Suite struct OutputPaneKeyHelpTests {
  /// Every key the output pane acts on (with wrap on or off, with something selected or found) is
  /// one the keymap binds in the output context, so F1 and the docs list it.
  @Test func everyKeyThePaneHandlesIsBound() throws {
    let bound = Set(Keymap.standard.commands(in: .output).flatMap(\.keys))
    let letters = "abcdefghijklmnopqrstuvwxyz"
    let candidates: [Key] =
      [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .escape, .enter, .tab, .backspace]
      + (1...24).map { .function($0) } + letters.map { .ctrl($0) }
      + [.up, .down, .left, .right, .home, .end].map { .modified($0, .shift) }
    for wrap in [true, false] {
      for key in candidates {
        var pane = OutputPaneTests.pane(lines: 40)
        if !wrap { _ = pane.handle(.key(.ctrl("w"))) }
        _ = pane.handle(.key(.modified(.up, .shift)))  // something selected, so Esc acts
        if pane.handle(.key(key)) == .handled {
          #expect(bound.contains(key), "the output pane handles \(key.label); the keymap does not bind it")
        }
      }
    }
  }
}
