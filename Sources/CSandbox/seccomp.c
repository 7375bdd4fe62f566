#define _GNU_SOURCE
#include "csandbox.h"

#include <errno.h>
#include <sched.h>
#include <seccomp.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

// Built in the parent, never between fork and exec: libseccomp allocates.

static const int denied_outright[] = {
    SCMP_SYS(ptrace),          SCMP_SYS(keyctl),         SCMP_SYS(add_key),
    SCMP_SYS(request_key),     SCMP_SYS(bpf),            SCMP_SYS(perf_event_open),
    SCMP_SYS(userfaultfd),     SCMP_SYS(io_uring_setup), SCMP_SYS(io_uring_enter),
    SCMP_SYS(io_uring_register), SCMP_SYS(mount),        SCMP_SYS(umount2),
    SCMP_SYS(pivot_root),      SCMP_SYS(chroot),         SCMP_SYS(unshare),
    SCMP_SYS(setns),           SCMP_SYS(open_tree),      SCMP_SYS(move_mount),
    SCMP_SYS(fsopen),          SCMP_SYS(fsmount),        SCMP_SYS(process_vm_readv),
    SCMP_SYS(process_vm_writev), SCMP_SYS(kexec_load),   SCMP_SYS(init_module),
    SCMP_SYS(finit_module),    SCMP_SYS(delete_module),
};

static const uint64_t namespace_flags = CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC |
                                        CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWTIME;

static int add_rules(scmp_filter_ctx ctx) {
  int rc = 0;
  for (size_t i = 0; i < sizeof denied_outright / sizeof denied_outright[0] && rc == 0; i++)
    rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), denied_outright[i], 0);
  // Only local sockets: no network, no netlink, no raw packets.
  if (rc == 0)
    rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(socket), 1,
                          SCMP_A0(SCMP_CMP_NE, AF_UNIX, 0));
  if (rc == 0)
    rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(socketpair), 1,
                          SCMP_A0(SCMP_CMP_NE, AF_UNIX, 0));
  // New namespaces are how many container escapes start; clone3's flags live in memory a filter
  // cannot read, so it reports ENOSYS and libc falls back to clone.
  for (uint64_t flag = 1; flag != 0 && rc == 0; flag <<= 1) {
    if (namespace_flags & flag)
      rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
                            SCMP_A0(SCMP_CMP_MASKED_EQ, flag, flag));
  }
  if (rc == 0) rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
  // kill(-1) reaches every process the uid may signal; pid_t is 32 bits, so compare only those.
  if (rc == 0)
    rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(kill), 1,
                          SCMP_A0(SCMP_CMP_MASKED_EQ, 0xffffffffu, 0xffffffffu));
  return rc;
}

int cs_memfd_with(const char *name, const void *bytes, size_t count) {
  int fd = memfd_create(name, MFD_CLOEXEC);
  if (fd < 0) return -1;
  const char *cursor = bytes;
  while (count > 0) {
    ssize_t n = write(fd, cursor, count);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int saved = errno;
      close(fd);
      errno = saved;
      return -1;
    }
    cursor += n;
    count -= (size_t)n;
  }
  lseek(fd, 0, SEEK_SET);
  return fd;
}

int cs_seccomp_program(void **instructions, size_t *byte_count) {
  scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
  if (!ctx) return ENOMEM;
  int rc = add_rules(ctx);
  // libseccomp 2.5 exports only to a descriptor; a memfd keeps it off the filesystem.
  int fd = rc == 0 ? memfd_create("coderemote-seccomp", MFD_CLOEXEC) : -1;
  if (rc == 0 && fd < 0) rc = -errno;
  if (rc == 0) rc = seccomp_export_bpf(ctx, fd);
  seccomp_release(ctx);
  off_t size = rc == 0 ? lseek(fd, 0, SEEK_END) : -1;
  void *buffer = size > 0 ? malloc((size_t)size) : NULL;
  if (rc == 0 && !buffer) rc = -ENOMEM;
  if (rc == 0 && pread(fd, buffer, (size_t)size, 0) != size) rc = -EIO;
  if (fd >= 0) close(fd);
  if (rc != 0) {
    free(buffer);
    return -rc;
  }
  *instructions = buffer;
  *byte_count = (size_t)size;
  return 0;
}
