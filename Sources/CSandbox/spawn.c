#define _GNU_SOURCE
#include "csandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

// Everything between fork and exec is async-signal-safe: the parent may have many threads.

static void report_and_exit(int error_fd, int error) {
  ssize_t ignored = write(error_fd, &error, sizeof error);
  (void)ignored;
  _exit(127);
}

static int set_limit(int resource, uint64_t value) {
  struct rlimit limit = {.rlim_cur = value, .rlim_max = value};
  return setrlimit(resource, &limit);
}

static void close_from(int lowest) {
#ifdef SYS_close_range
  if (syscall(SYS_close_range, lowest, ~0U, 0) == 0) return;
#endif
  for (int fd = lowest; fd < 65536; fd++) close(fd);
}

static void child_setup(const char *path, char *const argv[], char *const envp[],
                        const cs_options *o, int in_fd, int out_fd, int err_fd, int error_fd) {
  if (dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0) report_and_exit(error_fd, errno);
  // Keep the error pipe above the standard fds and close everything else we inherited.
  if (dup2(error_fd, 3) < 0) report_and_exit(error_fd, errno);
  error_fd = 3;
  fcntl(error_fd, F_SETFD, FD_CLOEXEC);
  close_from(4);

  if (o->die_with_parent) {
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) report_and_exit(error_fd, errno);
    if (getppid() == 1) report_and_exit(error_fd, ESRCH);  // the parent already died
  }
  if (o->new_session && setsid() < 0) report_and_exit(error_fd, errno);
  if (o->address_space_bytes && set_limit(RLIMIT_AS, o->address_space_bytes)) report_and_exit(error_fd, errno);
  if (o->cpu_seconds && set_limit(RLIMIT_CPU, o->cpu_seconds)) report_and_exit(error_fd, errno);
  if (o->file_size_bytes && set_limit(RLIMIT_FSIZE, o->file_size_bytes)) report_and_exit(error_fd, errno);
  if (o->open_files && set_limit(RLIMIT_NOFILE, o->open_files)) report_and_exit(error_fd, errno);
  if (o->processes && set_limit(RLIMIT_NPROC, o->processes)) report_and_exit(error_fd, errno);
  if (o->core_zero && set_limit(RLIMIT_CORE, 0)) report_and_exit(error_fd, errno);
  if (o->cwd && chdir(o->cwd) != 0) report_and_exit(error_fd, errno);
  if (o->drop_to_uid) {
    if (setgroups(0, NULL) != 0) report_and_exit(error_fd, errno);
    if (setgid(o->gid) != 0) report_and_exit(error_fd, errno);
    if (setuid(o->uid) != 0) report_and_exit(error_fd, errno);
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

int cs_spawn(const char *path, char *const argv[], char *const envp[], const cs_options *options,
             cs_child *child) {
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
  pid_t pid = fork();
  if (pid == 0) {
    close(in_pipe[1]); close(out_pipe[0]); close(err_pipe[0]); close(error_pipe[0]);
    child_setup(path, argv, envp, options, in_pipe[0], out_pipe[1], err_pipe[1], error_pipe[1]);
  }
  int fork_error = pid < 0 ? errno : 0;
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
