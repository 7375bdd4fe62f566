import Server
import Settings

extension ServerConfiguration {
  /// The `[server]` table's keys over the defaults.
  mutating func apply(_ settings: ServerSettings) {
    maximumFiles = settings.maximumFiles ?? maximumFiles
    maximumFileBytes = settings.maximumFileKilobytes.map { $0 * 1_024 } ?? maximumFileBytes
    ratePerSecond = settings.ratePerSecond ?? ratePerSecond
    rateBurst = settings.rateBurst.map(Double.init) ?? rateBurst
    concurrentJobsPerToken = settings.jobsPerToken ?? concurrentJobsPerToken
    queueCapacity = settings.queueCapacity ?? queueCapacity
    retentionSeconds = settings.retentionHours.map { $0 * 3_600 } ?? retentionSeconds
  }
}
