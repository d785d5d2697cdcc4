/* md-cairo-output.h: Cairo streams (PDF, SVG, PNG) written through MdOutput. */
#pragma once

#include <cairo.h>

#include "md-output.h"

G_BEGIN_DECLS

/* A cairo_write_func_t whose closure is an MdOutput; a failed write fails the surface. */
cairo_status_t md_cairo_output_write (void                *closure,
                                      const unsigned char *data,
                                      unsigned int         length);

G_END_DECLS
