// The one place that chooses initlab's BLAS: OpenBLAS 0.3.31 as NumPy 2.4 ships it (PyPI's
// scipy-openblas32 wheel, pinned in scripts/fetch-openblas, which `make` unpacks into
// .build/openblas). It carries kernels for every x86-64 generation and picks one at run time
// for the processor found. README.md, "The BLAS, measured", records why.
//
// The wheel prefixes its symbols (scipy_cblas_sgemm); the functions below give the rest of
// initlab the standard CBLAS names, so that another BLAS changes this target only.
#ifndef INITLAB_CBLAS_H
#define INITLAB_CBLAS_H

#if !__has_include("../../../.build/openblas/include/cblas.h")
#error "initlab's BLAS is missing from .build/openblas: run `make deps` (or any make target) once, which unpacks it"
#endif

// openblas_config.h defines _GNU_SOURCE before it includes <sched.h>, which changes how glibc
// declares struct tm and others; including the C library first, as every other module sees it,
// keeps the declarations identical to the ones Swift's Glibc module has.
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <time.h>
#include <math.h>
#include <sched.h>
#include "../../../.build/openblas/include/cblas.h"

static inline void cblas_sgemm(
    enum CBLAS_ORDER order, enum CBLAS_TRANSPOSE transposeA, enum CBLAS_TRANSPOSE transposeB,
    blasint m, blasint n, blasint k, float alpha, const float *a, blasint lda, const float *b, blasint ldb,
    float beta, float *c, blasint ldc) {
    scipy_cblas_sgemm(order, transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

static inline void cblas_dgemm(
    enum CBLAS_ORDER order, enum CBLAS_TRANSPOSE transposeA, enum CBLAS_TRANSPOSE transposeB,
    blasint m, blasint n, blasint k, double alpha, const double *a, blasint lda, const double *b, blasint ldb,
    double beta, double *c, blasint ldc) {
    scipy_cblas_dgemm(order, transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

// What the result cache calls the BLAS in use: the library, its version and how it was built
// (integer size, threading), as the loaded library reports itself. Not the kernel it picks for
// the processor: results differ in their last bits between kernels, but machines of one kind
// vary from week to week, and shards computed on two of them must share entries.
void initlab_blas_identity(char *buffer, size_t size);

// The kernel the library picked for this processor ("SkylakeX", "Haswell", ...).
const char *initlab_blas_kernel(void);

#endif
