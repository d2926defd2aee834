#include "CBLAS.h"

#include <string.h>

// Internal to OpenBLAS's run-time kernel choice, exported by the pinned build (not declared in
// its headers): drop the choice, and make it again from the processor.
void gotoblas_dynamic_quit(void);
void gotoblas_dynamic_init(void);

extern char **environ;

// OpenBLAS reads OPENBLAS_CORETYPE when it is loaded, before any code of ours runs. These
// machines set it (to Haswell, say) for the sake of older OpenBLAS builds that misdetect their
// processor; this one detects it, and the forced kernel can halve the speed (AVX2 instead of
// AVX-512). So initlab always lets the library choose: it makes the choice again here, with an
// environment that lacks the variable. A constructor runs after the library's own, before main
// and before any thread of ours.
//
// The environment itself stays as it was, the variable included, for the processes initlab
// starts: the new choice reads a filtered copy of the list, and `environ` points back to the
// original afterwards. (setenv would move the list to the heap, and Swift's runtime, linked
// statically, finds the program's arguments by walking back from where the list started.)
//
// The BLAS runs one thread per call: initlab parallelises over independent runs instead, and a
// product's last bits would otherwise depend on the thread count.
__attribute__((constructor)) static void initlab_blas_setup(void) {
    static const char name[] = "OPENBLAS_CORETYPE=";
    if (getenv("OPENBLAS_CORETYPE") != NULL) {
        size_t count = 0;
        while (environ[count] != NULL) count++;
        char **filtered = malloc((count + 1) * sizeof(char *));
        if (filtered != NULL) {
            size_t kept = 0;
            for (size_t i = 0; i < count; i++) {
                if (strncmp(environ[i], name, sizeof(name) - 1) != 0) filtered[kept++] = environ[i];
            }
            filtered[kept] = NULL;
            char **original = environ;
            environ = filtered;
            gotoblas_dynamic_quit();
            gotoblas_dynamic_init();
            environ = original;
            free(filtered);
        }
    }
    scipy_openblas_set_num_threads(1);
}

void initlab_blas_identity(char *buffer, size_t size) {
    // The configuration reads like "OpenBLAS 0.3.31.188.0  DYNAMIC_ARCH NO_AFFINITY SkylakeX
    // MAX_THREADS=64": every word but the kernel's name.
    const char *configuration = scipy_openblas_get_config();
    const char *kernel = scipy_openblas_get_corename();
    size_t used = 0;
    if (size == 0) return;
    buffer[0] = 0;
    const char *word = configuration;
    while (*word) {
        while (*word == ' ') word++;
        size_t length = strcspn(word, " ");
        if (length > 0 && !(strlen(kernel) == length && strncmp(word, kernel, length) == 0)) {
            int written = snprintf(buffer + used, size - used, "%s%.*s", used ? " " : "", (int)length, word);
            if (written < 0 || (size_t)written >= size - used) return;
            used += (size_t)written;
        }
        word += length;
    }
    snprintf(buffer + used, size - used, " int%d %s", (int)(8 * sizeof(blasint)),
             scipy_openblas_get_parallel() == OPENBLAS_THREAD ? "pthreads"
             : scipy_openblas_get_parallel() == OPENBLAS_OPENMP ? "openmp" : "sequential");
}

const char *initlab_blas_kernel(void) {
    return scipy_openblas_get_corename();
}
