import Editor
import Execution

/// The analyses the app has asked for: the analyser and cache the executable handed in, the
/// request in flight, and which request a posted outcome answers.
struct AnalysisWork {
  var analyzer: (any CodeAnalyzing)?
  var cache: (any AnalysisCache)?
  var task: Task<Void, Never>?
  /// Numbers the requests; an outcome for any but the newest is dropped.
  var request = 0
  /// The editor's text version the newest request read: the shown result is stale when it moves on.
  var version: Int?
}

/// Complexity analysis from the editor: F7, and each run. The work runs off the UI thread and
/// comes back through the inbox like a run's events; a newer request cancels an older one, and
/// so do Ctrl-C and an edit while timing runs.
extension App {
  /// Hands in the analyser (and the cache); the cache's last analysis of the open code then shows
  /// as soon as it is read.
  public func connectAnalysis(_ analyzer: any CodeAnalyzing, cache: (any AnalysisCache)?) {
    analysisWork.analyzer = analyzer
    analysisWork.cache = cache
    guard let cache else { return }
    let request = beginAnalysisRequest()
    let code = editor.state.text
    let inbox = self.inbox
    analysisWork.task = Task.detached {
      let kind: AnalysisOutcome.Kind
      do {
        kind = try cache.analysis(of: code).map { .analysed($0, fromCache: true) } ?? .nothingCached
      } catch {
        kind = .cacheFailed(String(describing: error))
      }
      inbox.post(.analysis(AnalysisOutcome(request: request, kind: kind)))
    }
  }

  /// Analyses the code as it is now, timing included. `reusingCache` (a run) shows a cached
  /// analysis of exactly this code instead; F7 always analyses afresh.
  func startAnalysis(reusingCache: Bool) {
    guard let analyzer = analysisWork.analyzer else {
      analysis.fail("this session has no analyser")
      return
    }
    analysisWork.task?.cancel()
    let request = beginAnalysisRequest()
    let code = editor.state.text
    let cache = analysisWork.cache
    let inbox = self.inbox
    analysis.begin(empirical: true)
    analysisWork.task = Task.detached {
      let post = { (kind: AnalysisOutcome.Kind) in
        inbox.post(.analysis(AnalysisOutcome(request: request, kind: kind)))
      }
      if reusingCache, let hit = try? cache?.analysis(of: code) {
        post(.analysed(hit, fromCache: true))
        return
      }
      let result: AnalysisResult
      do {
        result = try await analyzer.analyze(code, empirical: true)
      } catch {
        // A cancelled request has been answered by the UI already.
        if !Task.isCancelled { post(.failed(String(describing: error))) }
        return
      }
      guard !Task.isCancelled else { return }
      post(.analysed(result, fromCache: false))
      do { try cache?.keep(result, of: code) } catch { post(.cacheFailed(String(describing: error))) }
    }
  }

  private func beginAnalysisRequest() -> Int {
    analysisWork.request += 1
    analysisWork.version = editor.state.version
    return analysisWork.request
  }

  /// Stops the analysis in flight, if any; its outcome, should one still come, is dropped.
  func cancelAnalysis(_ why: String) {
    guard analysis.isAnalysing else { return }
    analysisWork.task?.cancel()
    analysisWork.task = nil
    analysisWork.request += 1
    analysis.cancel(why)
  }

  func receiveAnalysis(_ outcome: AnalysisOutcome) {
    guard outcome.request == analysisWork.request else { return }
    switch outcome.kind {
    case .analysed(let result, let fromCache): analysis.show(result, fromCache: fromCache)
    case .failed(let message): analysis.fail(message)
    case .nothingCached: break
    case .cacheFailed(let message): analysis.noteCacheProblem(message)
    }
  }

  /// After the editor handled a key: an edit stops timing the old code.
  func noticeEditForAnalysis() {
    if analysis.isAnalysing && analysisWork.version != editor.state.version {
      cancelAnalysis("the code changed")
    }
  }

  /// Before a frame: whether the result still describes the code, the focus, the scroll for the
  /// pane's rectangle, and the hot lines in the editor's gutter (not once the code has changed:
  /// the lines may have moved).
  func prepareAnalysis(in rect: Rect) {
    analysis.isStale = analysis.result != nil && analysisWork.version != editor.state.version
    analysis.isFocused = focus == .analysis
    if rect.width > 0 { analysis.fit(width: rect.width, height: rect.height) }
    editor.gutterMarks = editor.gutterMarks.filter { $0.value != .hotspot }
    for line in analysis.isStale ? [] : analysis.hotLines where editor.gutterMarks[line] == nil {
      editor.gutterMarks[line] = .hotspot
    }
  }
}
