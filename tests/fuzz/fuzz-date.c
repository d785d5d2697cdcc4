/* fuzz-date.c: libFuzzer entry point for the date and time parsers (md_time_parse_iso8601,
 * md_time_parse_date). Built by `make fuzz` (meson -Dfuzz=true, clang, ASan+UBSan); the same
 * entry point runs for a few seconds in the normal test suite through fuzz-driver.c.
 *
 * The check: an accepted time formats back to text that parses to the same instant and
 * offset; an accepted day formats back to the same day; neither parser reads past the input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "md-time.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static GTimeZone *tz;
  g_autofree char *text = g_strndup ((const char *) data, size);   /* the parsers take C strings */
  gint64 utc, day;
  gint32 offset;

  if (tz == NULL)
    tz = g_time_zone_new_identifier ("Europe/Paris");

  if (md_time_parse_iso8601 (text, tz, &utc, &offset, NULL))
    {
      g_autofree char *again = md_time_format_iso8601 (utc, offset, FALSE);
      gint64 utc2;
      gint32 offset2;

      if (!md_time_parse_iso8601 (again, tz, &utc2, &offset2, NULL) || utc2 != utc || offset2 != offset)
        abort ();
    }
  if (md_time_parse_date (text, &day, NULL))
    {
      g_autofree char *again = md_time_format_day (day);
      gint64 day2;

      if (!md_time_parse_date (again, &day2, NULL) || day2 != day)
        abort ();
    }
  return 0;
}
