import Execution

extension ExecutionLimits {
  /// The size of each scratch tmpfs a run gets (its work dir, /tmp, /dev/shm): room for a few files
  /// at the file-size limit.
  var scratchMegabytes: Int { max(fileSizeMegabytes * 4, 16) }
}
