import Execution
import Glibc
import Processes

/// Forwards our standard input to a running program as it comes: at a terminal, each line as the
/// user ends it (the terminal echoes and edits, ^D is end of file); from a pipe or file, each read's
/// bytes. End of file (or an error reading) closes the program's stdin. The reading thread may
/// still be blocked in read(2) when the program ends; the process exits past it.
enum StdinPassthrough {
  static func start(into control: any ExecutionControl) {
    DetachedThread.start {
      var buffer = [UInt8](repeating: 0, count: 65_536)
      while true {
        let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { break }
        control.send(stdin: Array(buffer[..<count]))
      }
      control.closeStdin()
    }
  }
}
