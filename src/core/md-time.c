/* md-time.c: ISO 8601 instants with their UTC offset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-time"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "md-time.h"

G_DEFINE_QUARK (md-time-error-quark, md_time_error)

static gboolean
take_digits (const char **p,
             guint        n,
             int         *out)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *out = v;
  return TRUE;
}

static gboolean
expect (const char **p,
        char         c)
{
  if (**p != c)
    return FALSE;
  (*p)++;
  return TRUE;
}

static gboolean
valid_date (int y,
            int m,
            int d)
{
  return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 &&
         d >= 1 && d <= g_date_get_days_in_month (m, y);
}

static gint64
days_from_civil (int y,
                 int m,
                 int d)
{
  /* Howard Hinnant's algorithm: days since 1970-01-01 of a proleptic Gregorian date. */
  gint64 era;
  guint yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (guint) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

gboolean
md_time_parse_date (const char *text,
                    gint64     *day,
                    GError    **error)
{
  const char *p = text;
  int y, m, d;

  if (text == NULL ||
      !take_digits (&p, 4, &y) || !expect (&p, '-') ||
      !take_digits (&p, 2, &m) || !expect (&p, '-') ||
      !take_digits (&p, 2, &d) || *p != '\0' || !valid_date (y, m, d))
    {
      g_set_error (error, MD_TIME_ERROR, MD_TIME_ERROR_INVALID,
                   _("“%s” is not a date of the form YYYY-MM-DD"), text ? text : "");
      return FALSE;
    }
  *day = days_from_civil (y, m, d);
  return TRUE;
}

gboolean
md_time_parse_iso8601 (const char *text,
                       GTimeZone  *local_tz,
                       gint64     *utc,
                       gint32     *utc_offset_s,
                       GError    **error)
{
  const char *p = text;
  int y, mo, d, h, mi, s = 0;
  gint64 local;
  gint32 offset;

  if (text == NULL ||
      !take_digits (&p, 4, &y) || !expect (&p, '-') ||
      !take_digits (&p, 2, &mo) || !expect (&p, '-') ||
      !take_digits (&p, 2, &d) || !expect (&p, 'T') ||
      !take_digits (&p, 2, &h) || !expect (&p, ':') ||
      !take_digits (&p, 2, &mi))
    goto bad;
  if (*p == ':' && (p++, !take_digits (&p, 2, &s)))
    goto bad;
  if (y < 1900 || y > 9999)
    {
      g_set_error (error, MD_TIME_ERROR, MD_TIME_ERROR_INVALID,
                   _("“%s”: the year must be between 1900 and 9999"), text);
      return FALSE;
    }
  if (!valid_date (y, mo, d) || h > 23 || mi > 59 || s > 59)
    goto bad;

  local = days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + s;

  if (*p == 'Z' && p[1] == '\0')
    offset = 0;
  else if ((*p == '+' || *p == '-') && strlen (p) == 6)
    {
      int oh, om;
      int sign = *p == '-' ? -1 : 1;

      p++;
      if (!take_digits (&p, 2, &oh) || !expect (&p, ':') || !take_digits (&p, 2, &om) ||
          oh > 14 || om > 59 || oh * 60 + om > 14 * 60)
        goto bad;
      offset = sign * (oh * 3600 + om * 60);
    }
  else if (*p == '\0')
    {
      g_autoptr(GTimeZone) tz = local_tz ? g_time_zone_ref (local_tz) : g_time_zone_new_local ();
      gint64 t = local;
      /* adjust_time moves a wall-clock time in a daylight-saving gap forward. */
      gint interval = g_time_zone_adjust_time (tz, G_TIME_TYPE_STANDARD, &t);

      if (interval < 0)
        goto bad;
      offset = g_time_zone_get_offset (tz, interval);
      /* Local mean time before 1911 (Paris: +00:09:21) is not a whole number of minutes,
       * which ±HH:MM cannot write back: keep the wall-clock time, with the offset in whole
       * minutes, so that export → import → export stays the same (found by fuzz-date). */
      offset -= offset % 60;
      local = t;
    }
  else
    goto bad;

  *utc = local - offset;
  *utc_offset_s = offset;
  return TRUE;

bad:
  g_set_error (error, MD_TIME_ERROR, MD_TIME_ERROR_INVALID,
               _("“%s” is not a time of the form YYYY-MM-DDTHH:MM[:SS] with Z, ±HH:MM or nothing"),
               text ? text : "");
  return FALSE;
}

gint64
md_time_day_of (gint64 local_seconds)
{
  return local_seconds >= 0 ? local_seconds / 86400 : -((-local_seconds + 86399) / 86400);
}

static void
civil_from_days (gint64 z,
                 int   *y,
                 int   *m,
                 int   *d)
{
  gint64 era;
  guint doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = (guint) (z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (int) (doy - (153 * mp + 2) / 5 + 1);
  *m = (int) (mp < 10 ? mp + 3 : mp - 9);
  *y = (int) (yoe + era * 400 + (*m <= 2));
}

char *
md_time_format_day (gint64 day)
{
  int y, m, d;

  civil_from_days (day, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

char *
md_time_format_day_text (gint64 day)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  civil_from_days (day, &y, &m, &d);
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (dt == NULL)
    return md_time_format_day (day);
  /* Translators: a day inside a sentence or a table of the clinician summary, the alerts and
   * the charts (see g_date_time_format()). Keep it short and unambiguous; German uses
   * "%d.%m.%Y". */
  return g_date_time_format (dt, C_("day in a sentence", "%Y-%m-%d"));
}

char *
md_time_format_iso8601 (gint64   utc,
                        gint32   utc_offset_s,
                        gboolean z_for_utc)
{
  gint64 local = utc + utc_offset_s;
  gint64 day = md_time_day_of (local);
  gint64 sec = local - day * 86400;
  int y, m, d;
  int off = ABS (utc_offset_s);

  civil_from_days (day, &y, &m, &d);
  if (utc_offset_s == 0 && z_for_utc)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
                            (int) (sec / 3600), (int) (sec / 60 % 60), (int) (sec % 60));
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, m, d,
                          (int) (sec / 3600), (int) (sec / 60 % 60), (int) (sec % 60),
                          utc_offset_s < 0 ? '-' : '+', off / 3600, off / 60 % 60);
}

char *
md_format_duration (gint64 s)
{
  if (s < 0)
    return NULL;
  if (s < 60)
    return g_strdup_printf (_("%d s"), (int) s);
  if (s < 3600)
    {
      if (s % 60 == 0)
        return g_strdup_printf (_("%d min"), (int) (s / 60));
      return g_strdup_printf (_("%d min %d s"), (int) (s / 60), (int) (s % 60));
    }
  s = (s + 30) / 60;  /* whole minutes from here on */
  if (s % 60 == 0)
    return g_strdup_printf (_("%d h"), (int) (s / 60));
  return g_strdup_printf (_("%d h %d min"), (int) (s / 60), (int) (s % 60));
}

gint64
md_time_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}
