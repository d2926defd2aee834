// The cairo API initlab draws with: the core, and the SVG and PDF surfaces.
#include <cairo/cairo.h>
#include <cairo/cairo-svg.h>
#include <cairo/cairo-pdf.h>
