// The one place that chooses initlab's BLAS: BLIS (Debian's libblis-pthread-dev).
// BLIS detects this processor's kernels by itself (OpenBLAS needs OPENBLAS_CORETYPE on some
// machines); README.md records the measurements behind the choice. blis.h declares the CBLAS
// interface (cblas_sgemm, ...) next to BLIS's own.
//
// blis.h defines _GNU_SOURCE before it includes the C library, which changes how glibc declares
// struct tm; including those headers first, as every other module sees them, keeps the
// declarations identical to the ones Swift's Glibc module has.
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <time.h>
#include <math.h>
#include <blis.h>

// What the result cache calls the BLAS in use: the library, its version and how it was built
// (integer size, threading). Not the kernels it picks for the processor: results differ in
// their last bits between kernels, but machines of one kind vary from week to week, and shards
// computed on two of them must share entries. Another BLAS changes this function with the
// include above.
static inline void initlab_blas_identity(char *buffer, size_t size) {
    snprintf(buffer, size, "BLIS %s int%d%s%s", bli_info_get_version_str(), (int)bli_info_get_int_type_size(),
             bli_info_get_enable_pthreads() ? " pthreads" : "", bli_info_get_enable_openmp() ? " openmp" : "");
}
