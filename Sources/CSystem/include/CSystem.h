#ifndef INITLAB_CSYSTEM_H
#define INITLAB_CSYSTEM_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE): at every instant each
/// path names either the old or the new folder, never nothing. Returns 0, or -1 with errno set
/// (ENOSYS or EINVAL where the kernel or file system cannot exchange).
int initlab_exchange_paths(const char *first, const char *second);

#endif
