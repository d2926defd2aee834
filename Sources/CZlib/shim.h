// zlib, for the deflate stream and the chunk CRCs of the PNG files Charts writes itself.
#include <zlib.h>
