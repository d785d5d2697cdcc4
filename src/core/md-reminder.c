/* md-reminder.c: when the daily reminder is due (see md-reminder.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "md-reminder.h"

gboolean
md_reminder_parse_time (const char *text,
                        int        *hour,
                        int        *minute)
{
  guint64 h, m;
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, ":", -1);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 23, &h, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &m, NULL) || strlen (parts[1]) != 2)
    return FALSE;
  if (hour != NULL)
    *hour = (int) h;
  if (minute != NULL)
    *minute = (int) m;
  return TRUE;
}

gint64
md_reminder_next (gint64     now_utc,
                  GTimeZone *tz,
                  int        hour,
                  int        minute)
{
  g_autoptr(GTimeZone) local = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (now_utc);
  g_autoptr(GDateTime) here = g_date_time_to_timezone (now, local);

  /* Today at that time, else the next days (at most two tries around a change of clocks). */
  for (int day = 0; day < 3; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (here, day);
      /* g_date_time_new moves a time that does not exist (skipped by DST) forward. */
      g_autoptr(GDateTime) at = g_date_time_new (local, g_date_time_get_year (date),
                                                 g_date_time_get_month (date),
                                                 g_date_time_get_day_of_month (date), hour, minute, 0);

      if (at != NULL && g_date_time_to_unix (at) > now_utc)
        return g_date_time_to_unix (at);
    }
  return now_utc + 24 * 3600;
}

gboolean
md_reminder_wanted (MdDiary *diary)
{
  g_autoptr(MdCheckin) today = NULL;

  g_return_val_if_fail (MD_IS_DIARY (diary), FALSE);
  today = md_diary_get_checkin (diary, md_diary_get_today (diary), NULL);
  return today == NULL;
}
