import Execution
import Synchronization

/// Counters for `/metrics`, in the Prometheus text format. Queue depth and running jobs are read
/// from the queue at each scrape; the rest counts since start.
final class ServerMetrics: Sendable {
  /// Upper bounds of the run-duration histogram, in seconds.
  static let buckets: [Double] = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]

  private struct Counts {
    var submitted = 0
    var rejected: [String: Int] = [:]
    var finished: [String: Int] = [:]
    var durationBuckets = [Int](repeating: 0, count: ServerMetrics.buckets.count)
    var durationCount = 0
    var durationSum = 0.0
    var queueWaitSum = 0.0
  }

  private let counts = Mutex(Counts())

  func submitted() { counts.withLock { $0.submitted += 1 } }
  func rejected(_ code: String) { counts.withLock { $0.rejected[code, default: 0] += 1 } }

  func finished(_ status: ExecutionStatus, seconds: Double) {
    counts.withLock { counts in
      counts.finished[status.rawValue, default: 0] += 1
      counts.durationCount += 1
      counts.durationSum += seconds
      for (index, bound) in Self.buckets.enumerated() where seconds <= bound {
        counts.durationBuckets[index] += 1
      }
    }
  }

  func text(queued: Int, running: Int, workers: Int) -> String {
    let c = counts.withLock { $0 }
    var lines = [
      "# HELP coderemote_queue_depth Jobs waiting for a worker.",
      "# TYPE coderemote_queue_depth gauge",
      "coderemote_queue_depth \(queued)",
      "# HELP coderemote_jobs_running Jobs on a worker now.",
      "# TYPE coderemote_jobs_running gauge",
      "coderemote_jobs_running \(running)",
      "# HELP coderemote_workers Worker slots.",
      "# TYPE coderemote_workers gauge",
      "coderemote_workers \(workers)",
      "# HELP coderemote_jobs_submitted_total Jobs accepted since start.",
      "# TYPE coderemote_jobs_submitted_total counter",
      "coderemote_jobs_submitted_total \(c.submitted)",
      "# HELP coderemote_jobs_rejected_total Submissions refused, by error code.",
      "# TYPE coderemote_jobs_rejected_total counter",
    ]
    for (code, n) in c.rejected.sorted(by: { $0.key < $1.key }) {
      lines.append("coderemote_jobs_rejected_total{code=\"\(code)\"} \(n)")
    }
    lines += [
      "# HELP coderemote_jobs_finished_total Jobs finished since start, by status.",
      "# TYPE coderemote_jobs_finished_total counter",
    ]
    for status in ExecutionStatus.allCases where !["queued", "running"].contains(status.rawValue) {
      lines.append(
        "coderemote_jobs_finished_total{status=\"\(status.rawValue)\"} \(c.finished[status.rawValue] ?? 0)")
    }
    lines += [
      "# HELP coderemote_job_duration_seconds Wall time of finished runs.",
      "# TYPE coderemote_job_duration_seconds histogram",
    ]
    for (index, bound) in Self.buckets.enumerated() {
      lines.append("coderemote_job_duration_seconds_bucket{le=\"\(bound)\"} \(c.durationBuckets[index])")
    }
    lines += [
      "coderemote_job_duration_seconds_bucket{le=\"+Inf\"} \(c.durationCount)",
      "coderemote_job_duration_seconds_sum \(c.durationSum)",
      "coderemote_job_duration_seconds_count \(c.durationCount)",
    ]
    return lines.joined(separator: "\n") + "\n"
  }
}
