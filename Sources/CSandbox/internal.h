// Declarations shared by the spawner's C files, not part of the Swift-facing API.
#ifndef CSANDBOX_INTERNAL_H
#define CSANDBOX_INTERNAL_H

#include "csandbox.h"

/// Applies the options' Landlock rules to the calling process. Runs in the forked child, so it makes
/// system calls only. Returns 0 or an errno value.
int cs_landlock_restrict(const cs_options *o);

/// Builds `box` around the calling process, which must be root and the first process of a new PID
/// namespace. System calls only (it runs between fork and exec). Returns 0 or an errno value.
int cs_enter_box(const cs_box *box);

/// Confines the calling process's abstract unix sockets and signals to its own new Landlock domain
/// (ABI 6+), handling no filesystem access. Returns 0 or an errno value.
int cs_landlock_scope_only(void);

#endif
