import Execution
import Processes

extension ExecutionError {
  /// A failure of building or starting a box, as the backend's callers see it: the uid lease's own
  /// errors stay what they are; a spawn, a pipe or a work dir that failed is a sandbox failure.
  init(buildingBox error: any Error) {
    switch error {
    case let error as ExecutionError: self = error
    case let error as SpawnError: self = .sandboxFailure(error.description)
    case let error as WorkDirectoryError: self = .sandboxFailure("the run's work directory: \(error)")
    default: self = .sandboxFailure(String(describing: error))
    }
  }
}
