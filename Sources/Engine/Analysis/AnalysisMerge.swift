import Execution
import Glibc

/// One answer from the static report and the timing fit: which figure stands, how sure it is, and
/// any disagreement said plainly. Pure.
enum AnalysisMerge {
  struct Measured {
    var entry: EntryPoint
    var timings: Timings
    var fit: ComplexityFit
  }

  /// `whyNotTimed` says why there is no measurement when timing was asked for.
  static func result(_ report: StaticReport, measured: Measured?, whyNotTimed: String? = nil)
    -> AnalysisResult
  {
    var time = report.time
    var confidence = report.confidence
    var sentences = [staticSentence(report)]
    sentences += report.notes.prefix(3).map { "Note: \($0)." }
    var empirical: AnalysisResult.Empirical?
    if let measured {
      let fit = measured.fit
      empirical = AnalysisResult.Empirical(
        function: measured.entry.function, sizes: measured.timings.sizes,
        seconds: measured.timings.seconds.map(significant), fit: fit.best.rawValue, r2: rounded(fit.r2, 3),
        peakKilobytes: measured.timings.peakKilobytes)
      sentences.append(measuredSentence(measured))
      let staticOfEntry = report.function(named: measured.entry.function)
      let staticClass = staticOfEntry.flatMap { ComplexityClass(comparing: $0.timeInN) }
      let isOwner = measured.entry.function == report.owner
      if let staticClass, staticClass == fit.best {
        if isOwner {
          confidence = report.confidence >= .medium && fit.r2 >= 0.9 && fit.consistent ? .high : .medium
        }
      } else {
        let said = staticOfEntry?.time ?? "unknown"
        sentences.append("Static \(said); measured \(fit.best.rawValue) on the inputs tried.")
        if isOwner {
          if report.confidence == .high {
            // The static figure is a bound for every input; the inputs tried may not be the worst.
            confidence = .medium
          } else if fit.r2 >= 0.95 && fit.consistent {
            time = fit.best.rawValue
            confidence = .medium
            sentences.append("The static reading was unsure, so the measured class stands.")
          } else {
            confidence = .low
          }
        }
      }
    } else if let whyNotTimed {
      sentences.append("Not timed: \(whyNotTimed).")
    }
    return AnalysisResult(
      time: time, space: report.space, confidence: confidence,
      sources: empirical == nil ? ["static"] : ["static", "empirical"],
      functions: report.functions.map {
        AnalysisResult.Function(
          name: $0.name, line: $0.line, time: $0.time, space: $0.space, reason: $0.reason,
          cyclomatic: $0.cyclomatic)
      },
      hotspots: report.hotspots.map { AnalysisResult.Hotspot(line: $0.line, cost: $0.cost, why: $0.why) },
      empirical: empirical, explanation: sentences.joined(separator: " "))
  }

  static func staticSentence(_ report: StaticReport) -> String {
    let whose = report.owner == "<module>" ? "the module's own code" : "\(report.owner)()"
    return "Static: \(report.time) time, \(report.space) space, from \(whose): \(report.reason)."
  }

  static func measuredSentence(_ measured: Measured) -> String {
    let sizes = measured.timings.sizes
    let fit = measured.fit
    var text =
      "Measured \(measured.entry.function)() at \(sizes.count) sizes, n = \(sizes.first ?? 0)…\(sizes.last ?? 0):"
      + " fits \(fit.best.rawValue) (r² \(rounded(fit.r2, 3)), log-log slope \(rounded(fit.slope, 2)))."
    if !fit.consistent { text += " The slope does not match that class: the fit is unsure." }
    if let stopped = measured.timings.stopped { text += " Stopped: \(stopped)." }
    return text
  }

  static func rounded(_ value: Double, _ places: Int) -> Double {
    let scale = pow(10, Double(places))
    return (value * scale).rounded() / scale
  }

  /// Four significant digits: timings are not more precise than that.
  static func significant(_ value: Double) -> Double {
    guard value > 0, value.isFinite else { return value }
    let scale = pow(10, 3 - floor(log10(value)))
    return (value * scale).rounded() / scale
  }
}
