#define _GNU_SOURCE
#include "csandbox.h"
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

// Declared here rather than taken from <linux/landlock.h>: the build host's headers may predate the
// fields (scopes, ABI 6) that the running kernel has.
struct ruleset_attr {
  uint64_t handled_access_fs;
  uint64_t handled_access_net;
  uint64_t scoped;
};

struct path_beneath_attr {
  uint64_t allowed_access;
  int32_t parent_fd;
} __attribute__((packed));

enum {
  rule_path_beneath = 1,
  create_ruleset_version = 1,
  scope_abstract_unix_socket = 1,
  scope_signal = 2,
};

// Rights that apply to a file itself; a rule on a file may grant only these.
static const uint64_t file_rights = (1 << 0) | (1 << 1) | (1 << 2) | (1 << 14) | (1 << 15);

int cs_landlock_abi(void) {
#ifdef SYS_landlock_create_ruleset
  long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, create_ruleset_version);
  return abi > 0 ? (int)abi : 0;
#else
  return 0;
#endif
}

uint64_t cs_landlock_all_access(int abi) {
  uint64_t all = (1ULL << 13) - 1;  // ABI 1: execute .. make_sym
  if (abi >= 2) all |= 1ULL << 13;  // refer
  if (abi >= 3) all |= 1ULL << 14;  // truncate
  if (abi >= 5) all |= 1ULL << 15;  // ioctl_dev
  return all;
}

int cs_landlock_restrict(const cs_options *o) {
#ifdef SYS_landlock_create_ruleset
  uint64_t handled = cs_landlock_all_access(o->landlock_abi);
  struct ruleset_attr attr = {
      .handled_access_fs = handled,
      .scoped = o->landlock_abi >= 6 ? (scope_abstract_unix_socket | scope_signal) : 0,
  };
  int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr, sizeof attr, 0);
  if (ruleset < 0) return errno;
  for (int i = 0; i < o->landlock_rule_count; i++) {
    uint64_t allowed = o->landlock_rules[i].access & handled;
    struct stat info;
    if (fstat(o->landlock_rules[i].fd, &info) != 0) {
      int e = errno;
      close(ruleset);
      return e;
    }
    if (!S_ISDIR(info.st_mode)) allowed &= file_rights;
    struct path_beneath_attr rule = {.allowed_access = allowed, .parent_fd = o->landlock_rules[i].fd};
    if (allowed && syscall(SYS_landlock_add_rule, ruleset, rule_path_beneath, &rule, 0) != 0) {
      int e = errno;
      close(ruleset);
      return e;
    }
  }
  int error = prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
                      syscall(SYS_landlock_restrict_self, ruleset, 0) == 0
                  ? 0
                  : errno;
  close(ruleset);
  return error;
#else
  (void)o;
  return ENOSYS;
#endif
}

int cs_landlock_scope_only(void) {
#ifdef SYS_landlock_create_ruleset
  struct ruleset_attr attr = {.scoped = scope_abstract_unix_socket | scope_signal};
  int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr, sizeof attr, 0);
  if (ruleset < 0) return errno;
  int error = syscall(SYS_landlock_restrict_self, ruleset, 0) == 0 ? 0 : errno;
  close(ruleset);
  return error;
#else
  return ENOSYS;
#endif
}

int cs_open_path(const char *path) { return open(path, O_PATH | O_CLOEXEC); }
