#define _GNU_SOURCE
#include "csandbox.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

// A program can nest directories deeper than we hold descriptors; past this depth we stop and
// report, leaving the rest rather than risking the host.
enum { max_depth = 200 };

static int empty_directory(int dir, int depth);

// One pass over the listing, removing what it can. Returns the first errno met, or 0.
static int remove_entries(DIR *stream, int depth, int *removed) {
  int first_error = 0;
  for (;;) {
    errno = 0;
    struct dirent *entry = readdir(stream);
    if (!entry) {
      if (errno && !first_error) first_error = errno;
      break;
    }
    const char *name = entry->d_name;
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) continue;
    struct stat info;
    if (fstatat(dirfd(stream), name, &info, AT_SYMLINK_NOFOLLOW) != 0) {
      if (!first_error) first_error = errno;
      continue;
    }
    int error = 0;
    if (S_ISDIR(info.st_mode)) {
      int child = depth < max_depth
                      ? openat(dirfd(stream), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                      : -1;
      if (child < 0) error = depth < max_depth ? errno : ELOOP;
      if (!error) error = empty_directory(child, depth + 1);
      if (!error && unlinkat(dirfd(stream), name, AT_REMOVEDIR) != 0) error = errno;
    } else if (unlinkat(dirfd(stream), name, 0) != 0) {
      error = errno;
    }
    if (error && !first_error) first_error = error;
    if (!error) (*removed)++;
  }
  return first_error;
}

// Empties the directory open as `dir` (which this function closes). Every step is relative to a
// descriptor opened with O_NOFOLLOW, so a symlink planted inside is removed, never followed.
static int empty_directory(int dir, int depth) {
  fchmod(dir, 0700);  // read-only directories left by the program must not stop us
  DIR *stream = fdopendir(dir);
  if (!stream) {
    int e = errno;
    close(dir);
    return e;
  }
  // Removing entries while reading may hide a few from this pass; a second pass finds them.
  int error = 0;
  for (int pass = 0; pass < 3; pass++) {
    int removed = 0;
    error = remove_entries(stream, depth, &removed);
    if (removed == 0) break;
    rewinddir(stream);
  }
  closedir(stream);
  return error;
}

int cs_remove_tree(const char *path) {
  int dir = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (dir < 0) return errno == ENOENT ? 0 : errno;
  int error = empty_directory(dir, 0);
  if (!error && rmdir(path) != 0) error = errno;
  return error;
}

int cs_kill_uid(uid_t uid, gid_t gid) {
  if (uid == 0) return EINVAL;  // kill(-1) as root would take the whole machine
  pid_t pid = fork();
  if (pid < 0) return errno;
  if (pid == 0) {
    if (setgroups(0, NULL) != 0 || setgid(gid) != 0 || setuid(uid) != 0) _exit(1);
    // kill(-1) walks the task list under the lock fork needs, and a fork in progress fails once
    // the parent has a fatal signal, so one round is enough; two more cost nothing. Its result
    // cannot tell "none left": it is 0 even when every process found was another uid's.
    for (int round = 0; round < 3; round++) kill(-1, SIGKILL);
    _exit(0);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return errno;
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : EAGAIN;
}
