import Testing

@testable import TUI

@Suite struct TerminalLineTests {
  static func line(_ text: String, style: Style = .plain, sgr: Bool = true) -> TerminalLine {
    TerminalLine(Array(text.utf8), style: style, interpretSGR: sgr)
  }

  static func runs(_ text: String) -> [(String, Style)] {
    line(text).runs.map { ($0.text, $0.style) }
  }

  @Test func plainTextIsOneUnstyledRun() {
    let result = Self.line("hello")
    #expect(result.runs == [TerminalLine.Run(text: "hello", style: .plain)])
    #expect(result.endStyle == .plain)
  }

  @Test func sixteenColoursBoldAndReset() {
    let runs = Self.runs("\u{1B}[31mred\u{1B}[0m plain \u{1B}[1;92mbright\u{1B}[m")
    #expect(runs.map(\.0) == ["red", " plain ", "bright"])
    #expect(runs[0].1 == Style(foreground: .ansi(1)))
    #expect(runs[1].1 == .plain)
    #expect(runs[2].1 == Style(foreground: .ansi(10), bold: true))
  }

  @Test func backgroundsAnd256AndTruecolor() {
    let runs = Self.runs(
      "\u{1B}[44ma\u{1B}[38;5;208mb\u{1B}[48;2;10;20;30mc\u{1B}[38:2:1:2:3md\u{1B}[103;39;49me")
    #expect(runs[0].1 == Style(background: .ansi(4)))
    #expect(runs[1].1 == Style(foreground: .indexed(208), background: .ansi(4)))
    #expect(runs[2].1 == Style(foreground: .indexed(208), background: .rgb(10, 20, 30)))
    #expect(runs[3].1 == Style(foreground: .rgb(1, 2, 3), background: .rgb(10, 20, 30)))
    #expect(runs[4].1 == .plain)
  }

  @Test func dimItalicUnderlineReverseAndTheirResets() {
    let runs = Self.runs("\u{1B}[2;3;4;7mx\u{1B}[22;23;24;27my")
    #expect(runs[0].1 == Style(reverse: true, underline: true, dim: true, italic: true))
    #expect(runs[1].1 == .plain)
  }

  @Test func thePenCarriesToTheNextLine() {
    let first = Self.line("\u{1B}[33mstill yellow")
    #expect(first.endStyle == Style(foreground: .ansi(3)))
    let second = Self.line("next", style: first.endStyle)
    #expect(second.runs == [TerminalLine.Run(text: "next", style: Style(foreground: .ansi(3)))])
  }

  @Test func otherSequencesStayInertAndVisible() {
    // Cursor moves, clears, a window title, OSC 52 (clipboard), a bare ESC: none is obeyed.
    for sequence in [
      "\u{1B}[2J", "\u{1B}[10;5H", "\u{1B}]0;pwned\u{07}", "\u{1B}]52;c;aGk=\u{07}", "\u{1B}c",
    ] {
      let result = Self.line("a" + sequence + "b")
      #expect(result.text.hasPrefix("a␛"), "\(sequence.debugDescription)")
      #expect(!result.text.contains("\u{1B}") && !result.text.contains("\u{07}"))
      #expect(result.runs.contains { $0.inert && $0.text.hasPrefix("␛") })
      #expect(result.endStyle == .plain)
    }
  }

  @Test func malformedSGRIsShownNotObeyed() {
    #expect(Self.line("\u{1B}[31").text == "␛[31")
    #expect(Self.line("\u{1B}[31;xm").text == "␛[31;xm")
    #expect(Self.line("\u{1B}[38;5m!").runs.last?.text == "!")
  }

  @Test func rawViewShowsTheCodes() {
    let result = Self.line("\u{1B}[31mred", sgr: false)
    #expect(result.text == "␛[31mred")
    #expect(result.runs.allSatisfy { $0.style == .plain })
  }

  @Test func carriageReturnOverwritesLikeATerminal() {
    #expect(Self.line("10%\r50%\r100%\r").text == "100%")
    #expect(Self.line("[#####     ] 50%\r[##########] 100%").text == "[##########] 100%")
    // A shorter later state leaves the tail of the longer one, as on screen.
    #expect(Self.line("abcdef\rXY").text == "XYcdef")
    #expect(Self.line("done\r").text == "done")
  }

  @Test func carriageReturnKeepsColoursPerCell() {
    let result = Self.line("\u{1B}[32mgreen\u{1B}[0m\rab")
    #expect(result.runs.map(\.text) == ["ab", "een"])
    #expect(result.runs[1].style == Style(foreground: .ansi(2)))
  }

  @Test func tabsExpandAndControlsShowAsPictures() {
    #expect(Self.line("a\tb").text == "a   b")
    #expect(Self.line("bell\u{07}").text == "bell^G")
  }

  @Test func hugeParametersAreClamped() {
    let runs = Self.runs("\u{1B}[38;5;99999999mx")
    #expect(runs[0].1.foreground == .indexed(255))
  }
}
