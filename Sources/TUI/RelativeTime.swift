import FoundationEssentials

/// "just now", "5 min ago", "3 h ago", "2 days ago", or the date: how old a draft or a run is, in
/// the fewest characters that still say it. Pure: both times are passed in.
enum RelativeTime {
  static func describe(_ date: Date, now: Date) -> String {
    let seconds = Int(now.timeIntervalSince(date))
    switch seconds {
    case ..<45: return "just now"
    case ..<3_600: return "\(max(1, (seconds + 30) / 60)) min ago"
    case ..<86_400: return "\(seconds / 3_600) h ago"
    case ..<(86_400 * 2): return "yesterday"
    case ..<(86_400 * 30): return "\(seconds / 86_400) days ago"
    default:
      let day = Date.ISO8601FormatStyle().year().month().day()
      return date.formatted(day)
    }
  }
}
