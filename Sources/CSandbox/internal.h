// Declarations shared by the spawner's C files, not part of the Swift-facing API.
#ifndef CSANDBOX_INTERNAL_H
#define CSANDBOX_INTERNAL_H

#include "csandbox.h"

/// Applies the options' Landlock rules to the calling process. Runs in the forked child, so it makes
/// system calls only. Returns 0 or an errno value.
int cs_landlock_restrict(const cs_options *o);

#endif
