/* md-cairo-output.c: Cairo streams written through MdOutput.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-cairo-output.h"

cairo_status_t
md_cairo_output_write (void                *closure,
                       const unsigned char *data,
                       unsigned int         length)
{
  /* The error is kept inside the MdOutput and reported by md_output_commit(). */
  return md_output_write (closure, data, length, NULL) ? CAIRO_STATUS_SUCCESS
                                                       : CAIRO_STATUS_WRITE_ERROR;
}
