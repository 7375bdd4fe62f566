#define _GNU_SOURCE
#include "csandbox.h"
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <poll.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

// Everything between clone and exec is async-signal-safe and touches only the child's own stack:
// the parent may have many threads, and the child shares its memory until exec.

static void report_and_exit(int error_fd, int error) {
  ssize_t ignored = write(error_fd, &error, sizeof error);
  (void)ignored;
  _exit(127);
}

static int set_limit(int resource, uint64_t value) {
  struct rlimit limit = {.rlim_cur = value, .rlim_max = value};
  return setrlimit(resource, &limit);
}

static void close_range_from(unsigned lowest, unsigned highest) {
  if (lowest > highest) return;
#ifdef SYS_close_range
  if (syscall(SYS_close_range, lowest, highest, 0) == 0) return;
#endif
  for (unsigned fd = lowest; fd <= highest && fd < 65536; fd++) close((int)fd);
}

// "0" means the writing thread. Written to a v1 `tasks` file this moves one thread without taking
// the global threadgroup lock, whose RCU grace period would cost tens of milliseconds per run.
static int join_cgroup(int fd) { return write(fd, "0", 1) < 0 ? errno : 0; }

// Descriptor layout for the program: 0-2 the pipes, 3 the error pipe (close-on-exec), then the kept
// descriptors from CS_FIRST_KEPT_FD on; everything else is closed. Sources are first copied above
// every target so no dup2 overwrites a source still needed.
static int arrange_fds(const cs_options *o, int in_fd, int out_fd, int err_fd, int *error_fd) {
  enum { high = CS_FIRST_KEPT_FD + CS_MAX_KEPT_FDS + 8 };
  int sources[4 + CS_MAX_KEPT_FDS] = {in_fd, out_fd, err_fd, *error_fd};
  int count = 4 + o->keep_fd_count;
  for (int i = 0; i < o->keep_fd_count; i++) sources[4 + i] = o->keep_fds[i];
  for (int i = 0; i < count; i++) {
    sources[i] = fcntl(sources[i], F_DUPFD, high);
    if (sources[i] < 0) return errno;
  }
  for (int i = 0; i < count; i++) {
    int target = i < 4 ? i : CS_FIRST_KEPT_FD + i - 4;
    if (dup2(sources[i], target) < 0) return errno;
  }
  *error_fd = 3;
  fcntl(3, F_SETFD, FD_CLOEXEC);
  close_range_from(4, CS_FIRST_KEPT_FD - 1);
  close_range_from((unsigned)(CS_FIRST_KEPT_FD + o->keep_fd_count), ~0U);
  return 0;
}

// Whether the parent died before the death signal was armed. In a new PID namespace getppid() is
// 0 whoever the parent is, so the error pipe tells instead: with its reader gone it reports an
// error. (Not "getppid() == 1": the parent may itself be pid 1 of a PID namespace.)
static int parent_gone(const cs_options *o, pid_t parent, int error_fd) {
  if (!o->box) return getppid() != parent;
  struct pollfd pipe_end = {.fd = error_fd, .events = POLLOUT};
  return poll(&pipe_end, 1, 0) == 1 && (pipe_end.revents & (POLLERR | POLLHUP)) != 0;
}

static void child_setup(const char *path, char *const argv[], char *const envp[],
                        const cs_options *o, pid_t parent, int in_fd, int out_fd, int err_fd,
                        int error_fd) {
  // Armed first, for the set-up below; the uid change clears it, so it is armed again after that.
  if (o->die_with_parent && prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) report_and_exit(error_fd, errno);
  // Then the cgroups, while still privileged, so nothing below runs outside them.
  for (int i = 0; i < o->cgroup_fd_count; i++) {
    int error = join_cgroup(o->cgroup_fds[i]);
    if (error) report_and_exit(error_fd, error);
  }
  // The box next (its cgroup namespace is rooted at the run's cgroup, just joined).
  if (o->box) {
    int error = cs_enter_box(o->box);
    if (error) report_and_exit(error_fd, error);
  }
  // Landlock next, while the rule descriptors are still open: it checks paths at open time, so
  // everything after (chdir, exec) is already confined.
  if (o->landlock_abi > 0) {
    int error = cs_landlock_restrict(o);
    if (error) report_and_exit(error_fd, error);
  }
  int error = arrange_fds(o, in_fd, out_fd, err_fd, &error_fd);
  if (error) report_and_exit(error_fd, error);

  if (o->new_session && setsid() < 0) report_and_exit(error_fd, errno);
  if (o->address_space_bytes && set_limit(RLIMIT_AS, o->address_space_bytes)) report_and_exit(error_fd, errno);
  if (o->cpu_seconds && set_limit(RLIMIT_CPU, o->cpu_seconds)) report_and_exit(error_fd, errno);
  if (o->file_size_bytes && set_limit(RLIMIT_FSIZE, o->file_size_bytes)) report_and_exit(error_fd, errno);
  if (o->open_files && set_limit(RLIMIT_NOFILE, o->open_files)) report_and_exit(error_fd, errno);
  if (o->processes && set_limit(RLIMIT_NPROC, o->processes)) report_and_exit(error_fd, errno);
  if (o->core_zero && set_limit(RLIMIT_CORE, 0)) report_and_exit(error_fd, errno);
  if (o->cwd && chdir(o->cwd) != 0) report_and_exit(error_fd, errno);
  // Raw system calls: libc's wrappers would signal every thread it believes the process has, and
  // after a raw clone it still believes in the parent's, so they would wait for them forever.
  if (o->drop_to_uid) {
    if (syscall(SYS_setgroups, 0, NULL) != 0) report_and_exit(error_fd, errno);
    if (syscall(SYS_setgid, o->gid) != 0) report_and_exit(error_fd, errno);
    if (syscall(SYS_setuid, o->uid) != 0) report_and_exit(error_fd, errno);
  }
  if (o->die_with_parent) {
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) report_and_exit(error_fd, errno);
    if (parent_gone(o, parent, error_fd)) report_and_exit(error_fd, ESRCH);
  }
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  for (int sig = 1; sig < NSIG; sig++) signal(sig, SIG_DFL);

  if (o->seccomp_filter) {
    struct sock_fprog program = {.len = (unsigned short)o->seccomp_filter_length,
                                 .filter = (struct sock_filter *)o->seccomp_filter};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) report_and_exit(error_fd, errno);
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0) report_and_exit(error_fd, errno);
  }
  execve(path, argv, envp);
  report_and_exit(error_fd, errno);
}

// What the child needs, in the parent's memory (which the child shares until it execs).
struct child_start {
  const char *path;
  char *const *argv;
  char *const *envp;
  const cs_options *options;
  pid_t parent;
  const int *in_pipe, *out_pipe, *err_pipe, *error_pipe;
};

// Room for the box's path buffers (a few PATH_MAX arrays deep) and libc's calls.
enum { child_stack_size = 256 * 1024 };

// Runs in the child. Closes every descriptor the set-up below does not use, first thing: the
// child starts with a copy of the parent's whole table, and until its exec it would keep the
// parent's pipes and files open (a pipe's reader would wait for an end the parent has closed, and a
// lock file kept open would outlive its holder's wish to let go).
static void close_all_but(const struct child_start *s) {
  const cs_options *o = s->options;
  int count = 0;
  int keep[4 + CS_MAX_KEPT_FDS + o->cgroup_fd_count + o->landlock_rule_count + 1];
  keep[count++] = s->in_pipe[0];
  keep[count++] = s->out_pipe[1];
  keep[count++] = s->err_pipe[1];
  keep[count++] = s->error_pipe[1];
  for (int i = 0; i < o->keep_fd_count; i++) keep[count++] = o->keep_fds[i];
  for (int i = 0; i < o->cgroup_fd_count; i++) keep[count++] = o->cgroup_fds[i];
  for (int i = 0; i < o->landlock_rule_count; i++) keep[count++] = o->landlock_rules[i].fd;
  if (o->box && o->box->network_fd >= 0) keep[count++] = o->box->network_fd;
  for (int i = 1; i < count; i++) {  // insertion sort: a handful of numbers
    int value = keep[i], j = i - 1;
    while (j >= 0 && keep[j] > value) { keep[j + 1] = keep[j]; j--; }
    keep[j + 1] = value;
  }
  unsigned next = 3;  // 0-2 are replaced by the pipes in arrange_fds
  for (int i = 0; i < count; i++) {
    if (keep[i] < (int)next) continue;
    close_range_from(next, (unsigned)keep[i] - 1);
    next = (unsigned)keep[i] + 1;
  }
  close_range_from(next, ~0U);
}

static int child_main(void *argument) {
  const struct child_start *s = argument;
  close_all_but(s);
  child_setup(s->path, s->argv, s->envp, s->options, s->parent, s->in_pipe[0], s->out_pipe[1],
              s->err_pipe[1], s->error_pipe[1]);
  return 127;
}

int cs_spawn(const char *path, char *const argv[], char *const envp[], const cs_options *options,
             cs_child *child) {
  if (options->keep_fd_count < 0 || options->keep_fd_count > CS_MAX_KEPT_FDS) return EINVAL;
  int in_pipe[2], out_pipe[2], err_pipe[2], error_pipe[2];
  if (pipe2(in_pipe, O_CLOEXEC)) return errno;
  if (pipe2(out_pipe, O_CLOEXEC)) { int e = errno; close(in_pipe[0]); close(in_pipe[1]); return e; }
  if (pipe2(err_pipe, O_CLOEXEC)) {
    int e = errno;
    close(in_pipe[0]); close(in_pipe[1]); close(out_pipe[0]); close(out_pipe[1]);
    return e;
  }
  if (pipe2(error_pipe, O_CLOEXEC)) {
    int e = errno;
    close(in_pipe[0]); close(in_pipe[1]); close(out_pipe[0]); close(out_pipe[1]);
    close(err_pipe[0]); close(err_pipe[1]);
    return e;
  }
  struct child_start start = {
      .path = path, .argv = argv, .envp = envp, .options = options, .parent = getpid(),
      .in_pipe = in_pipe, .out_pipe = out_pipe, .err_pipe = err_pipe, .error_pipe = error_pipe};
  // Like posix_spawn: the child borrows the parent's memory (no page tables copied, no copy-on-write
  // faults after) on a stack of its own, and the parent waits until it has exec'd or died. Signals
  // stay blocked across the clone so no handler of the parent's runs in the child; the child resets
  // them all before unblocking. A box starts in a PID namespace of its own, the program as its
  // first process.
  void *stack = mmap(NULL, child_stack_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK,
                     -1, 0);
  pid_t pid = -1;
  int fork_error = ENOMEM;
  if (stack != MAP_FAILED) {
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    int flags = CLONE_VM | CLONE_VFORK | SIGCHLD | (options->box ? CLONE_NEWPID : 0);
    pid = clone(child_main, (char *)stack + child_stack_size, flags, &start);
    fork_error = pid < 0 ? errno : 0;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    munmap(stack, child_stack_size);
  }
  close(in_pipe[0]); close(out_pipe[1]); close(err_pipe[1]); close(error_pipe[1]);
  if (fork_error) {
    close(in_pipe[1]); close(out_pipe[0]); close(err_pipe[0]); close(error_pipe[0]);
    return fork_error;
  }
  int child_error = 0;
  ssize_t n;
  do { n = read(error_pipe[0], &child_error, sizeof child_error); } while (n < 0 && errno == EINTR);
  close(error_pipe[0]);
  if (n == (ssize_t)sizeof child_error) {
    // The child failed before exec and has exited; reap it so no zombie is left.
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {}
    close(in_pipe[1]); close(out_pipe[0]); close(err_pipe[0]);
    return child_error ? child_error : ECHILD;
  }
  // Non-blocking stdin too: a program that never reads must not stall the supervisor's writes.
  fcntl(in_pipe[1], F_SETFL, fcntl(in_pipe[1], F_GETFL) | O_NONBLOCK);
  fcntl(out_pipe[0], F_SETFL, fcntl(out_pipe[0], F_GETFL) | O_NONBLOCK);
  fcntl(err_pipe[0], F_SETFL, fcntl(err_pipe[0], F_GETFL) | O_NONBLOCK);
  child->pid = pid;
  child->stdin_fd = in_pipe[1];
  child->stdout_fd = out_pipe[0];
  child->stderr_fd = err_pipe[0];
  return 0;
}

static int wait_for(pid_t pid, cs_status *status, int flags) {
  int raw = 0;
  struct rusage usage;
  memset(&usage, 0, sizeof usage);
  pid_t r;
  do { r = wait4(pid, &raw, flags, &usage); } while (r < 0 && errno == EINTR);
  if (r < 0) return errno;
  if (r == 0) return EAGAIN;
  status->exited = WIFEXITED(raw) ? 1 : 0;
  status->exit_code = WIFEXITED(raw) ? WEXITSTATUS(raw) : 0;
  status->signal = WIFSIGNALED(raw) ? WTERMSIG(raw) : 0;
  status->user_cpu_ms = usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0;
  status->system_cpu_ms = usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
  status->max_rss_kb = usage.ru_maxrss;
  return 0;
}

int cs_wait(pid_t pid, cs_status *status) { return wait_for(pid, status, 0); }
int cs_try_wait(pid_t pid, cs_status *status) { return wait_for(pid, status, WNOHANG); }

int cs_pidfd_open(pid_t pid) {
#ifdef SYS_pidfd_open
  return (int)syscall(SYS_pidfd_open, pid, 0);
#else
  errno = ENOSYS;
  return -1;
#endif
}
