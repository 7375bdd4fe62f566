/// One event of a `text/event-stream`, as the HTML standard's parsing rules assemble it.
struct ServerSentEvent: Equatable, Sendable {
  /// `event:`; "message" when the server gave none.
  var type: String
  /// Every `data:` line of the event, joined with newlines.
  var data: String
  /// The last event id seen so far (this event's own, or an earlier one): what a reconnection
  /// sends as `Last-Event-ID`.
  var lastEventID: String
}
