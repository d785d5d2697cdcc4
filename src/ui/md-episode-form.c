/* md-episode-form.c: the episode form's logic, without widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-episode-form"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "md-episode-form.h"
#include "md-time.h"

static void
update_side (MdFaceSelection *self)
{
  if (self->left != 0 && self->right != 0)
    self->side = MD_SIDE_BOTH;
  else if (self->left != 0)
    self->side = MD_SIDE_LEFT;
  else if (self->right != 0)
    self->side = MD_SIDE_RIGHT;
}

void
md_face_selection_set_episode (MdFaceSelection *self,
                               guint32          regions,
                               MdSide           side)
{
  self->side = side;
  self->left = (side == MD_SIDE_RIGHT) ? 0 : regions;
  self->right = (side == MD_SIDE_LEFT) ? 0 : regions;
}

void
md_face_selection_click (MdFaceSelection *self,
                         MdRegion         region,
                         MdSide           half)
{
  g_return_if_fail (half == MD_SIDE_LEFT || half == MD_SIDE_RIGHT);

  /* With "not sure", both halves show the regions; a click says which half she means. */
  if (self->side == MD_SIDE_UNKNOWN)
    {
      if (half == MD_SIDE_LEFT)
        self->right = 0;
      else
        self->left = 0;
    }
  if (half == MD_SIDE_LEFT)
    self->left ^= MD_BIT (region);
  else
    self->right ^= MD_BIT (region);
  update_side (self);
}

void
md_face_selection_set_region (MdFaceSelection *self,
                              MdRegion         region,
                              gboolean         active)
{
  if (!active)
    {
      self->left &= ~MD_BIT (region);
      self->right &= ~MD_BIT (region);
      return;
    }
  if (self->side != MD_SIDE_RIGHT)
    self->left |= MD_BIT (region);
  if (self->side != MD_SIDE_LEFT)
    self->right |= MD_BIT (region);
}

void
md_face_selection_set_side (MdFaceSelection *self,
                            MdSide           side)
{
  md_face_selection_set_episode (self, md_face_selection_regions (self), side);
}

guint32
md_face_selection_regions (const MdFaceSelection *self)
{
  return self->left | self->right;
}

static const gint64 unit_seconds[] = { 1, 60, 3600 };

gint64
md_duration_from_parts (double         value,
                        MdDurationUnit unit)
{
  g_return_val_if_fail ((guint) unit < G_N_ELEMENTS (unit_seconds), MD_UNKNOWN);

  if (!(value > 0))
    return MD_UNKNOWN;
  return (gint64) llround (value * unit_seconds[unit]);
}

void
md_duration_to_parts (gint64          seconds,
                      double         *value,
                      MdDurationUnit *unit)
{
  if (seconds <= 0)
    {
      *value = 0;
      *unit = MD_DURATION_SECONDS;
      return;
    }
  for (int u = MD_DURATION_HOURS; u >= MD_DURATION_SECONDS; u--)
    if (seconds % unit_seconds[u] == 0)
      {
        *value = (double) (seconds / unit_seconds[u]);
        *unit = u;
        return;
      }
  g_assert_not_reached ();
}

char *
md_format_day_header (gint64 day,
                      gint64 today)
{
  g_autoptr(GDateTime) dt = NULL;

  if (day == today)
    return g_strdup (_("Today"));
  if (day == today - 1)
    return g_strdup (_("Yesterday"));
  dt = g_date_time_new_from_unix_utc (day * 86400);
  if (dt == NULL)
    return md_time_format_day (day);
  /* Translators: a day heading in the history, e.g. "Monday 17 March 2025" (strftime). */
  return g_date_time_format (dt, _("%A %-d %B %Y"));
}

char *
md_format_episode_time (const MdEpisode *episode)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (episode->start_utc + episode->utc_offset_s);

  if (dt == NULL)
    return g_strdup ("");
  return g_date_time_format (dt, "%H:%M");
}

gint64
md_local_today (GTimeZone *tz,
                gint64     now_utc)
{
  return md_time_day_of (now_utc + md_utc_offset_at (tz, now_utc));
}

gboolean
md_local_to_utc (GTimeZone *tz,
                 int        year,
                 int        month,
                 int        day,
                 int        hour,
                 int        minute,
                 gint64    *utc,
                 gint32    *utc_offset_s)
{
  g_autoptr(GTimeZone) zone = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = g_date_time_new (zone, year, month, day, hour, minute, 0);

  if (dt == NULL)
    return FALSE;
  *utc = g_date_time_to_unix (dt);
  *utc_offset_s = (gint32) (g_date_time_get_utc_offset (dt) / G_TIME_SPAN_SECOND);
  return TRUE;
}
