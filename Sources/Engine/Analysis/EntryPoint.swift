/// The function the empirical analysis times, and how to make each of its arguments from a size n:
/// a generator name (`int`, `list`, `sorted`, `str`, `matrix`, `dict`, `set`, `const`) or a Python
/// expression in `n` (from a `# complexity: func(generator, …)` directive).
struct EntryPoint: Codable, Equatable, Sendable {
  var function: String
  var generators: [String]
}
