/* md-episode.c: one twitching episode.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-episode"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "md-episode.h"
#include "md-time.h"

G_DEFINE_BOXED_TYPE (MdEpisode, md_episode, md_episode_copy, md_episode_free)
G_DEFINE_QUARK (md-episode-error-quark, md_episode_error)

MdEpisode *
md_episode_new (void)
{
  MdEpisode *self = g_new0 (MdEpisode, 1);

  self->side = MD_SIDE_UNKNOWN;
  self->duration_s = MD_UNKNOWN;
  self->intensity = MD_UNKNOWN;
  return self;
}

MdEpisode *
md_episode_copy (const MdEpisode *self)
{
  MdEpisode *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->notes = g_strdup (self->notes);
  return copy;
}

void
md_episode_free (MdEpisode *self)
{
  if (self == NULL)
    return;
  g_free (self->notes);
  g_free (self);
}

void
md_episode_set_notes (MdEpisode  *self,
                      const char *notes)
{
  g_return_if_fail (self != NULL);

  g_free (self->notes);
  self->notes = (notes != NULL && *notes != '\0') ? g_strdup (notes) : NULL;
}

gboolean
md_episode_validate (const MdEpisode *self,
                     gint64           now_utc,
                     GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->start_utc > now_utc + MD_FUTURE_TOLERANCE_S)
    {
      g_set_error_literal (error, MD_EPISODE_ERROR, MD_EPISODE_ERROR_START,
                           _("Start time: it is in the future. Pick a time that has already begun."));
      return FALSE;
    }
  /* Years 1900 .. 9999 keep every formatting path inside GDateTime's range. */
  if (self->start_utc < G_GINT64_CONSTANT (-2208988800) || self->start_utc > G_GINT64_CONSTANT (253402300799))
    {
      g_set_error_literal (error, MD_EPISODE_ERROR, MD_EPISODE_ERROR_START,
                           _("Start time: the date is out of range."));
      return FALSE;
    }
  if (self->utc_offset_s < -MD_UTC_OFFSET_MAX_S || self->utc_offset_s > MD_UTC_OFFSET_MAX_S)
    {
      g_set_error_literal (error, MD_EPISODE_ERROR, MD_EPISODE_ERROR_OFFSET,
                           _("Time zone offset: it must be between −14:00 and +14:00."));
      return FALSE;
    }
  if (self->regions == 0)
    {
      g_set_error_literal (error, MD_EPISODE_ERROR, MD_EPISODE_ERROR_REGIONS,
                           _("Face region: choose at least one place where it twitched."));
      return FALSE;
    }
  if ((self->regions & ~MD_REGIONS_ALL) != 0)
    {
      g_set_error_literal (error, MD_EPISODE_ERROR, MD_EPISODE_ERROR_REGIONS,
                           _("Face region: unknown region."));
      return FALSE;
    }
  if ((guint) self->side >= MD_N_SIDES)
    {
      g_set_error_literal (error, MD_EPISODE_ERROR, MD_EPISODE_ERROR_SIDE,
                           _("Side: it must be left, right, both or not recorded."));
      return FALSE;
    }
  if (self->duration_s != MD_UNKNOWN &&
      (self->duration_s < 1 || self->duration_s > MD_DURATION_MAX_S))
    {
      g_set_error_literal (error, MD_EPISODE_ERROR, MD_EPISODE_ERROR_DURATION,
                           _("Duration: it must be at least 1 second and at most 30 days, or left empty."));
      return FALSE;
    }
  if (self->intensity != MD_UNKNOWN &&
      (self->intensity < 0 || self->intensity > MD_INTENSITY_MAX))
    {
      g_set_error_literal (error, MD_EPISODE_ERROR, MD_EPISODE_ERROR_INTENSITY,
                           _("Intensity: it must be a whole number from 0 to 10, or left empty."));
      return FALSE;
    }
  if ((self->signs & ~MD_SIGNS_ALL) != 0)
    {
      g_set_error_literal (error, MD_EPISODE_ERROR, MD_EPISODE_ERROR_SIGNS,
                           _("Signs: unknown sign."));
      return FALSE;
    }
  if ((self->triggers & ~MD_TRIGGERS_ALL) != 0)
    {
      g_set_error_literal (error, MD_EPISODE_ERROR, MD_EPISODE_ERROR_TRIGGERS,
                           _("Triggers: unknown trigger."));
      return FALSE;
    }
  if (self->notes != NULL)
    {
      if (!g_utf8_validate (self->notes, -1, NULL))
        {
          g_set_error_literal (error, MD_EPISODE_ERROR, MD_EPISODE_ERROR_NOTES,
                               _("Notes: the text is not valid UTF-8."));
          return FALSE;
        }
      if (g_utf8_strlen (self->notes, -1) > MD_NOTES_MAX_CHARS)
        {
          g_set_error (error, MD_EPISODE_ERROR, MD_EPISODE_ERROR_NOTES,
                       _("Notes: at most %d characters, please shorten them."),
                       MD_NOTES_MAX_CHARS);
          return FALSE;
        }
    }
  return TRUE;
}

gint64
md_episode_local_day (const MdEpisode *self)
{
  gint64 local = self->start_utc + self->utc_offset_s;

  /* Floor division, so days before 1970 are right too. */
  return local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
}

void
md_episode_key_init (MdEpisodeKey *key,
                     gint64        id,
                     gint64        start_utc,
                     gint32        utc_offset_s)
{
  key->id = id;
  key->start_utc = start_utc;
  key->utc_offset_s = utc_offset_s;
  key->local_day = (gint32) md_time_day_of (start_utc + utc_offset_s);
}

gint32
md_utc_offset_at (GTimeZone *local_tz,
                  gint64     utc)
{
  g_autoptr(GTimeZone) tz = local_tz != NULL ? g_time_zone_ref (local_tz) : g_time_zone_new_local ();
  gint interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc);

  if (interval < 0)
    return 0;
  return g_time_zone_get_offset (tz, interval);
}

gboolean
md_episode_same_event (const MdEpisode *a,
                       const MdEpisode *b)
{
  return a->start_utc == b->start_utc &&
         a->regions == b->regions &&
         a->side == b->side &&
         a->duration_s == b->duration_s;
}
