#define _GNU_SOURCE
#include "csandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

// A write lock on the whole file, owned by this process: a POSIX record lock rather than flock,
// because children never inherit it. With flock, a child that is being set up (it holds a copy of
// the parent's descriptors until it closes them) keeps a released lease's lock alive.
int cs_try_lock_file(int fd) {
  struct flock lock;
  memset(&lock, 0, sizeof lock);
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  return fcntl(fd, F_SETLK, &lock) == 0 ? 0 : errno;
}
