/// A shell `completions` can write a script for.
public enum Shell: String, CaseIterable, Sendable {
  case bash, zsh, fish

  /// The completion script for `root`'s command tree, in this shell's language.
  public func completionScript(for root: CommandSpec) -> String {
    switch self {
    case .bash: BashCompletion(root: root).script
    case .zsh: ZshCompletion(root: root).script
    case .fish: FishCompletion(root: root).script
    }
  }
}
