import Execution
import Foundation

/// A program with nested loops and what `coderemote analyze --json` said of it (recorded from the
/// real analyser, so the pane is tested on a real-shaped result).
enum AnalysisFixture {
  static let code = """
    def pairs(items):
        count = 0
        for a in items:
            for b in items:
                if a < b:
                    count += 1
        return count


    def total(items):
        return sum(items)


    print(pairs([3, 1, 2]), total([1, 2]))

    """

  static let json = #"""
    {"confidence":"high","empirical":{"fit":"O(n^2)","function":"pairs","peak_kb":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0],"r2":0.982,"seconds":[2.029e-07,4.719e-07,1.446e-06,5.356e-06,2.177e-05,8.779e-05,0.000204,0.0007414,0.001105,0.002441,0.006251,0.013,0.02217,0.02687,0.03172],"sizes":[2,4,8,16,32,64,96,144,216,324,486,729,911,1024,1088]},"explanation":"Static: O(n^2) time, O(1) space, from pairs(): loop in loop over n. Measured pairs() at 15 sizes, n = 2…1088: fits O(n^2) (r² 0.982, log-log slope 1.94). Stopped: time budget reached.","functions":[{"cyclomatic":4,"line":1,"name":"pairs","reason":"loop in loop over n","space":"O(1)","time":"O(n^2)"},{"cyclomatic":1,"line":10,"name":"total","reason":"sum() walks all of it","space":"O(1)","time":"O(n)"}],"hotspots":[{"cost":"O(n^2)","line":4,"why":"loop in loop over n"}],"sources":["static","empirical"],"space":"O(1)","time":"O(n^2)"}
    """#

  static func result() throws -> AnalysisResult {
    try JSONDecoder().decode(AnalysisResult.self, from: Data(json.utf8))
  }
}
