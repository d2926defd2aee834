// The one place that chooses initlab's BLAS: BLIS (Debian's libblis-pthread-dev).
// BLIS detects this processor's kernels by itself (OpenBLAS needs OPENBLAS_CORETYPE on some
// machines); README.md records the measurements behind the choice. blis.h declares the CBLAS
// interface (cblas_sgemm, ...) next to BLIS's own, and bli_thread_set_num_threads.
#include <blis.h>
