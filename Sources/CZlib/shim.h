// zlib: the deflate stream and the chunk CRCs of the PNG files Charts writes itself, and the
// inflating of the gzipped IDX files Networks reads.
#include <zlib.h>
