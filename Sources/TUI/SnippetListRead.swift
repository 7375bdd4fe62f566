import FoundationEssentials

/// A read of the browser's whole list on another thread, while its first page is on screen: which
/// browser asked, after which reload (a newer reload makes an older read stale), and in what order.
/// It comes back through the app's inbox with the list (`App.Message.snippetList`).
public struct SnippetListRead: Sendable, Equatable {
  let browser: UUID
  let generation: Int
  let order: CatalogOrder
}
