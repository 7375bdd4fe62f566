// The sandbox spawner: fork + exec with everything the child must do between the two,
// done in C because Swift cannot run code safely in a forked child.
#ifndef CSANDBOX_H
#define CSANDBOX_H

#include <stdint.h>
#include <sys/types.h>

/// One Landlock rule: what the program may do beneath (or with) an O_PATH descriptor.
typedef struct {
  int fd;
  uint64_t access;  // CS_LANDLOCK_* bits; anything beyond the handled set is dropped
} cs_landlock_rule;

enum {
  CS_LANDLOCK_EXECUTE = 1 << 0,
  CS_LANDLOCK_WRITE_FILE = 1 << 1,
  CS_LANDLOCK_READ_FILE = 1 << 2,
  CS_LANDLOCK_READ_DIR = 1 << 3,
};

/// A box of namespaces the spawner builds itself (as root, no user namespace needed): its own mount,
/// PID (the program is its init), network (no interfaces up), IPC, UTS and cgroup namespaces, and
/// a root of its own: a read-only tmpfs holding read-only binds of the interpreter's files, a few
/// device nodes and /dev/shm, /proc, a fresh /tmp, and the work dir at /sandbox.
typedef struct {
  const char *mount_point;           // an empty host directory the new root is mounted on
  const char *work_dir;              // host directory bound read-write at /sandbox
  const char *const *read_only;      // host paths bound read-only at the same path inside
  int read_only_count;
  const char *const *link_paths;     // symlinks made inside: link_paths[i] -> link_targets[i]
  const char *const *link_targets;
  int link_count;
  const char *const *shared_sources;  // host paths (resolved) bound read-only in the work dir,
  const char *const *shared_names;    // under these names (no '/'): `run --with`
  int shared_count;
  uint64_t tmp_bytes;                // size of /tmp (and of /dev/shm)
  // A network namespace to join instead of making one (making one costs a run about a millisecond),
  // or -1. Boxes that share it are kept apart by Landlock's scoping: no abstract socket or signal
  // reaches outside the box's own domain (needs Landlock ABI 6).
  int network_fd;
} cs_box;

#define CS_BOX_WORK_DIR "/sandbox"

/// Opens the shared network namespace bound at `path` (an empty one: no interface is up), making it
/// first when there is none. Returns a close-on-exec descriptor, or -1 with errno.
int cs_open_shared_network(const char *path);

/// Whether this process may build boxes: effective uid 0 with CAP_SYS_ADMIN (root in a container
/// that dropped it may not).
int cs_can_build_boxes(void);

/// What the child sets up before exec. A zero limit means "leave as inherited".
typedef struct {
  uint64_t address_space_bytes;
  uint64_t cpu_seconds;
  uint64_t file_size_bytes;
  uint64_t open_files;
  uint64_t processes;
  int core_zero;         // RLIMIT_CORE = 0
  int new_session;       // setsid(): the child leads its own process group
  int die_with_parent;   // PR_SET_PDEATHSIG = SIGKILL
  int drop_to_uid;       // when non-zero, setgroups(0) + setgid(gid) + setuid(uid)
  uid_t uid;
  gid_t gid;
  const char *cwd;       // chdir before exec when not NULL
  const void *seccomp_filter;       // a struct sock_fprog's instructions, or NULL
  uint32_t seccomp_filter_length;   // number of 8-byte BPF instructions
  // Open cgroup.procs (v2) or tasks (v1) files: the child writes "0" (itself) into each one first
  // thing, so the program never runs outside its cgroups.
  const int *cgroup_fds;
  int cgroup_fd_count;
  // Descriptors the program inherits: keep_fds[i] becomes descriptor CS_FIRST_KEPT_FD + i
  // (bwrap's --seccomp and --file take descriptor numbers). At most CS_MAX_KEPT_FDS.
  const int *keep_fds;
  int keep_fd_count;
  // Landlock (when landlock_abi > 0): the program may touch the filesystem only as these rules
  // allow, and (ABI 6+) may signal or reach abstract sockets only inside its own domain.
  int landlock_abi;
  const cs_landlock_rule *landlock_rules;
  int landlock_rule_count;
  // When set, the child is created in a new PID namespace and builds this box before anything else
  // (after joining its cgroups); cwd is then a path inside the box.
  const cs_box *box;
} cs_options;

#define CS_FIRST_KEPT_FD 10
#define CS_MAX_KEPT_FDS 16

typedef struct {
  pid_t pid;
  int stdin_fd;   // parent's write end, non-blocking
  int stdout_fd;  // parent's read end, non-blocking
  int stderr_fd;  // parent's read end, non-blocking
} cs_child;

/// Spawns `path` with `argv` and `envp`. Returns 0, or an errno value: from the parent's own calls,
/// or reported by the child through a close-on-exec pipe when its setup or exec failed.
int cs_spawn(const char *path, char *const argv[], char *const envp[], const cs_options *options,
             cs_child *child);

/// Decoded wait status.
typedef struct {
  int exited;      // 1 when the child called exit
  int exit_code;
  int signal;      // the terminating signal when not exited
  double user_cpu_ms;
  double system_cpu_ms;
  long max_rss_kb;
} cs_status;

/// Waits for `pid` (blocking) and decodes its status and resource usage. Returns 0 or errno.
int cs_wait(pid_t pid, cs_status *status);

/// Like cs_wait, but returns EAGAIN at once when the child has not finished.
int cs_try_wait(pid_t pid, cs_status *status);

/// A pollable descriptor that becomes readable when `pid` exits (pidfd_open), or -1 with errno.
int cs_pidfd_open(pid_t pid);

// Takes a process-owned write lock on the whole of `fd` without waiting: 0, or an errno
// (EAGAIN/EACCES when another process holds it).
int cs_try_lock_file(int fd);

/// The Landlock ABI version this kernel offers, or 0 when it has none.
int cs_landlock_abi(void);

/// An O_PATH, close-on-exec descriptor for a Landlock rule (O_PATH needs _GNU_SOURCE), or -1.
int cs_open_path(const char *path);

/// Every filesystem right Landlock ABI `abi` knows: what a rule with access ~0 is granted.
uint64_t cs_landlock_all_access(int abi);

/// Builds the sandbox's seccomp filter with libseccomp and returns its BPF instructions in a
/// malloc'd buffer (free it). Denies: sockets other than AF_UNIX, ptrace, keyctl, bpf,
/// perf_event_open, userfaultfd, io_uring, mount/umount/pivot_root/chroot, unshare/setns, clone with
/// namespace flags (clone3 gets ENOSYS so libc falls back to clone), and kill/tgkill of pid -1.
/// Returns 0 or an errno value.
int cs_seccomp_program(void **instructions, size_t *byte_count);

/// Removes `path` and everything below it without following any symlink inside it; read-only
/// directories left by the program are made writable first. Returns 0 or the first errno met.
int cs_remove_tree(const char *path);

/// Kills every process whose real uid is `uid` (a uid owned by one sandbox) from a short-lived
/// helper that switches to that uid and calls kill(-1, SIGKILL) until none is left.
/// Returns 0 or an errno value.
int cs_kill_uid(uid_t uid, gid_t gid);

/// Writes `count` bytes to a fresh memfd, rewinds it, and returns the fd (close-on-exec), or -1.
int cs_memfd_with(const char *name, const void *bytes, size_t count);

#endif
