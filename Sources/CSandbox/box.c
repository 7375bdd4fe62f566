#define _GNU_SOURCE
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <linux/capability.h>
#include <unistd.h>

// cs_enter_box runs in the child between clone and exec: system calls and stack buffers only, no
// allocation. cs_open_shared_network and cs_can_build_boxes, at the end, run in the parent.

#define TRY(call)                  \
  do {                             \
    if ((call) != 0) return errno; \
  } while (0)

// `root` + `path` ("/usr") into `out`; ENAMETOOLONG rather than a truncated path.
static int inside(char out[PATH_MAX], const char *root, const char *path) {
  int n = snprintf(out, PATH_MAX, "%s%s", root, path);
  return n < 0 || n >= PATH_MAX ? ENAMETOOLONG : 0;
}

// Makes every directory of `path` below `root` (mode 0755), like mkdir -p.
static int make_parents(const char *root, const char *path, int include_last) {
  char target[PATH_MAX];
  int error = inside(target, root, path);
  if (error) return error;
  size_t start = strlen(root) + 1;
  for (size_t i = start; target[i] != '\0'; i++) {
    if (target[i] != '/') continue;
    target[i] = '\0';
    if (mkdir(target, 0755) != 0 && errno != EEXIST) return errno;
    target[i] = '/';
  }
  if (include_last && mkdir(target, 0755) != 0 && errno != EEXIST) return errno;
  return 0;
}

// Binds host `path` at the same place inside, read-only, without devices or set-uid programs.
static int bind_read_only(const char *root, const char *path) {
  struct stat info;
  if (stat(path, &info) != 0) return errno == ENOENT ? 0 : errno;  // optional, like --ro-bind-try
  char target[PATH_MAX];
  int error = make_parents(root, path, S_ISDIR(info.st_mode));
  if (!error) error = inside(target, root, path);
  if (error) return error;
  if (!S_ISDIR(info.st_mode)) {
    int fd = open(target, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return errno;
    close(fd);
  }
  TRY(mount(path, target, NULL, MS_BIND | MS_REC, NULL));
  TRY(mount(NULL, target, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL));
  return 0;
}

// Binds host `source` (resolved, no links) at `name` in the box's work dir, read-only and not
// recursively: a mount beneath it stays out, rather than coming in writable.
static int bind_shared(const char *root, const char *source, const char *name) {
  struct stat info;
  if (stat(source, &info) != 0) return errno;
  char target[PATH_MAX];
  int n = snprintf(target, PATH_MAX, "%s%s/%s", root, CS_BOX_WORK_DIR, name);
  if (n < 0 || n >= PATH_MAX) return ENAMETOOLONG;
  if (S_ISDIR(info.st_mode)) {
    TRY(mkdir(target, 0755));
  } else {
    int fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) return errno;
    close(fd);
  }
  TRY(mount(source, target, NULL, MS_BIND, NULL));
  TRY(mount(NULL, target, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL));
  return 0;
}

// /dev: a small read-only tmpfs with the harmless character devices (made directly, as root may),
// /dev/shm, where multiprocessing keeps its semaphores, and a private /dev/pts.
static int make_devices(const char *root, uint64_t shm_bytes) {
  static const struct {
    const char *name;
    unsigned minor;
  } devices[] = {{"/dev/null", 3}, {"/dev/zero", 5}, {"/dev/full", 7}, {"/dev/random", 8}, {"/dev/urandom", 9}};
  static const char *const links[][2] = {{"/dev/fd", "/proc/self/fd"},
                                         {"/dev/stdin", "/proc/self/fd/0"},
                                         {"/dev/stdout", "/proc/self/fd/1"},
                                         {"/dev/stderr", "/proc/self/fd/2"}};
  char path[PATH_MAX];
  TRY(inside(path, root, "/dev"));
  TRY(mkdir(path, 0755));
  TRY(mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NOEXEC, "mode=0755,size=65536,nr_inodes=64"));
  for (size_t i = 0; i < sizeof devices / sizeof devices[0]; i++) {
    TRY(inside(path, root, devices[i].name));
    TRY(mknod(path, S_IFCHR | 0666, makedev(1, devices[i].minor)));
    TRY(chmod(path, 0666));  // mknod's mode passes through the umask
  }
  for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
    TRY(inside(path, root, links[i][0]));
    TRY(symlink(links[i][1], path));
  }
  char options[64];
  snprintf(options, sizeof options, "mode=1777,size=%llu,nr_inodes=1024", (unsigned long long)shm_bytes);
  TRY(inside(path, root, "/dev/shm"));
  TRY(mkdir(path, 01777));
  TRY(mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, options));
  // Pseudo-terminals of the box's own (os.openpty, pty): a new devpts instance, never the host's.
  TRY(inside(path, root, "/dev/pts"));
  TRY(mkdir(path, 0755));
  TRY(mount("devpts", path, "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=0620"));
  TRY(inside(path, root, "/dev/ptmx"));
  TRY(symlink("pts/ptmx", path));
  TRY(inside(path, root, "/dev"));
  TRY(mount(NULL, path, NULL, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NOEXEC, "mode=0755"));
  return 0;
}

int cs_enter_box(const cs_box *box) {
  const char *root = box->mount_point;
  char path[PATH_MAX];
  char options[64];
  if (box->network_fd >= 0) {
    TRY(setns(box->network_fd, CLONE_NEWNET));
    TRY(cs_landlock_scope_only());
  }
  int network = box->network_fd >= 0 ? 0 : CLONE_NEWNET;
  TRY(unshare(CLONE_NEWNS | network | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP));
  // Nothing mounted from here on reaches the host, and nothing the host mounts later reaches in.
  TRY(mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL));
  TRY(mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755,size=1048576,nr_inodes=256"));
  for (int i = 0; i < box->read_only_count; i++) {
    int error = bind_read_only(root, box->read_only[i]);
    if (error) return error;
  }
  for (int i = 0; i < box->link_count; i++) {
    int error = make_parents(root, box->link_paths[i], 0);
    if (!error) error = inside(path, root, box->link_paths[i]);
    if (error) return error;
    TRY(symlink(box->link_targets[i], path));
  }
  int error = make_devices(root, box->tmp_bytes);
  if (error) return error;
  // /proc of the box's own PID namespace: the program sees only its own processes.
  TRY(inside(path, root, "/proc"));
  TRY(mkdir(path, 0555));
  TRY(mount("proc", path, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL));
  TRY(inside(path, root, "/tmp"));
  TRY(mkdir(path, 01777));
  snprintf(options, sizeof options, "mode=1777,size=%llu,nr_inodes=4096", (unsigned long long)box->tmp_bytes);
  TRY(mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, options));
  TRY(inside(path, root, CS_BOX_WORK_DIR));
  TRY(mkdir(path, 0755));
  TRY(mount(box->work_dir, path, NULL, MS_BIND, NULL));
  for (int i = 0; i < box->shared_count; i++) {
    int error = bind_shared(root, box->shared_sources[i], box->shared_names[i]);
    if (error) return error;
  }
  // The new root replaces the old one, which is then detached: no path leads back to the host.
  TRY(chdir(root));
  TRY((int)syscall(SYS_pivot_root, ".", "."));
  TRY(umount2(".", MNT_DETACH));
  TRY(chdir("/"));
  TRY(mount(NULL, "/", NULL, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL));
  TRY(sethostname("sandbox", 7));
  return 0;
}

// NS_GET_NSTYPE from <linux/nsfs.h>, which older build hosts lack.
#define CS_NS_GET_NSTYPE _IO(0xb7, 0x3)

// A descriptor for `path` if it is a network namespace, else -1.
static int open_network(const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return -1;
  if (ioctl(fd, CS_NS_GET_NSTYPE) != CLONE_NEWNET) {
    close(fd);
    errno = EINVAL;
    return -1;
  }
  return fd;
}

int cs_open_shared_network(const char *path) {
  int fd = open_network(path);
  if (fd >= 0) return fd;
  // Made once, under a lock, so two first runs do not both mount one.
  char lock_path[PATH_MAX];
  if (snprintf(lock_path, sizeof lock_path, "%s.lock", path) >= (int)sizeof lock_path) {
    errno = ENAMETOOLONG;
    return -1;
  }
  int lock = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (lock < 0 || flock(lock, LOCK_EX) != 0) {
    int e = errno;
    if (lock >= 0) close(lock);
    errno = e;
    return -1;
  }
  fd = open_network(path);
  if (fd < 0) {
    int file = open(path, O_RDONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0400);
    if (file >= 0) close(file);
    // A child makes the namespace and binds it at `path`; the mount keeps it alive after the child.
    pid_t pid = fork();
    if (pid == 0) {
      if (unshare(CLONE_NEWNET) != 0) _exit(1);
      _exit(mount("/proc/self/ns/net", path, NULL, MS_BIND, NULL) == 0 ? 0 : 1);
    }
    int status = 0;
    while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    fd = open_network(path);
  }
  int e = errno;
  close(lock);
  errno = e;
  return fd;
}

int cs_can_build_boxes(void) {
  struct __user_cap_header_struct header = {.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0};
  struct __user_cap_data_struct data[2];
  memset(data, 0, sizeof data);
  if (syscall(SYS_capget, &header, data) != 0) return 0;
  return geteuid() == 0 && (data[0].effective & (1u << CAP_SYS_ADMIN)) != 0;
}
