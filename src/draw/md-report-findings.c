/* md-report-findings.c: the "Key findings" that open the clinician summary.
 *
 * The point a doctor needs in ten seconds, from the data alone: which side, how many days,
 * where it spread from and to, the trend per week, the warning signs that were not recorded,
 * and since when the diary is kept. Every line is a whole translatable sentence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "md-checkin.h"
#include "md-episode.h"
#include "md-report-private.h"
#include "md-time.h"

#define TREND_WEEKS 4

gint64
md_report_first_day (GPtrArray *episodes,
                     GPtrArray *checkins)
{
  gint64 first = G_MAXINT64;

  for (guint i = 0; episodes != NULL && i < episodes->len; i++)
    first = MIN (first, md_episode_local_day (g_ptr_array_index (episodes, i)));
  for (guint i = 0; checkins != NULL && i < checkins->len; i++)
    first = MIN (first, ((const MdCheckin *) g_ptr_array_index (checkins, i))->day);
  return first;
}

static gboolean
in_period (const MdEpisode *ep,
           gint64           from_day,
           gint64           to_day)
{
  gint64 day = md_episode_local_day (ep);

  return day >= from_day && day <= to_day;
}

static char *
side_sentence (GPtrArray *episodes,
               gint64     from_day,
               gint64     to_day)
{
  guint n[MD_N_SIDES] = { 0, };
  guint known;
  g_autofree char *main_text = NULL;

  for (guint i = 0; i < episodes->len; i++)
    {
      const MdEpisode *ep = g_ptr_array_index (episodes, i);

      if (in_period (ep, from_day, to_day) && ep->side < MD_N_SIDES)
        n[ep->side]++;
    }
  known = n[MD_SIDE_LEFT] + n[MD_SIDE_RIGHT] + n[MD_SIDE_BOTH];
  if (known == 0)
    return g_strdup (_("Side: not recorded for any episode."));
  if (n[MD_SIDE_LEFT] == known)
    main_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Side: left only (%u episode with a side recorded).",
                                              "Side: left only (all %u episodes with a side recorded).", known), known);
  else if (n[MD_SIDE_RIGHT] == known)
    main_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Side: right only (%u episode with a side recorded).",
                                              "Side: right only (all %u episodes with a side recorded).", known), known);
  else
    main_text = g_strdup_printf (_("Side: left %u, right %u, both sides %u."), n[MD_SIDE_LEFT], n[MD_SIDE_RIGHT],
                                 n[MD_SIDE_BOTH]);
  if (n[MD_SIDE_UNKNOWN] == 0)
    return g_steal_pointer (&main_text);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s Side not recorded for %u more episode.",
                                       "%s Side not recorded for %u more episodes.", n[MD_SIDE_UNKNOWN]),
                          main_text, n[MD_SIDE_UNKNOWN]);
}

static char *
days_sentence (GPtrArray *episodes,
               gint64     from_day,
               gint64     to_day)
{
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *from = md_time_format_day_text (from_day);
  g_autofree char *to = md_time_format_day_text (to_day);
  guint total = (guint) (to_day - from_day + 1);

  for (guint i = 0; i < episodes->len; i++)
    {
      const MdEpisode *ep = g_ptr_array_index (episodes, i);

      if (in_period (ep, from_day, to_day))
        {
          gint64 *day = g_new (gint64, 1);

          *day = md_episode_local_day (ep);
          g_hash_table_add (days, day);
        }
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Twitching on %u of the %u day from %s to %s.",
                                       "Twitching on %u of the %u days from %s to %s.", total),
                          g_hash_table_size (days), total, from, to);
}

/* Appends "Cheek (from 2025-03-12)" to @list, after ", then " when it is not the first. */
static void
append_first_seen (GString    *list,
                   const char *label,
                   gint64      day)
{
  g_autofree char *date = md_time_format_day_text (day);
  g_autofree char *item = NULL;

  /* Translators: a face area and the day it first appeared, "Cheek (from 2025-03-12)". */
  item = g_strdup_printf (_("%s (from %s)"), label, date);
  if (list->len > 0)
    /* Translators: between the items of the list of areas in the order they appeared. */
    g_string_append (list, _(", then "));
  g_string_append (list, item);
}

static char *
spread_sentence (GPtrArray *episodes,
                 gint64     from_day,
                 gint64     to_day)
{
  g_autoptr(GString) regions_list = g_string_new (NULL);
  g_autoptr(GString) groups_list = g_string_new (NULL);
  guint32 seen_regions = 0, seen_groups = 0;

  /* Oldest first: each region (and each part of the face) the first time it appears. */
  for (guint i = 0; i < episodes->len; i++)
    {
      const MdEpisode *ep = g_ptr_array_index (episodes, i);
      gint64 day = md_episode_local_day (ep);

      if (!in_period (ep, from_day, to_day))
        continue;
      for (guint r = 0; r < MD_N_REGIONS; r++)
        if ((ep->regions & MD_BIT (r)) && !(seen_regions & MD_BIT (r)))
          {
            seen_regions |= MD_BIT (r);
            append_first_seen (regions_list, md_region_label (r), day);
          }
      for (guint g = 0; g < MD_N_REGION_GROUPS; g++)
        if ((md_regions_groups (ep->regions) & MD_BIT (g)) && !(seen_groups & MD_BIT (g)))
          {
            seen_groups |= MD_BIT (g);
            append_first_seen (groups_list, md_region_group_label (g), day);
          }
    }
  if (seen_regions == 0)
    return NULL;
  if (__builtin_popcount (seen_groups) < 2)
    return g_strdup_printf (_("One part of the face only: %s."), regions_list->str);
  /* Up to 4 regions by name; beyond that, the parts of the face keep the line short. */
  return g_strdup_printf (_("Spread across the face, in the order the areas first appeared: %s."),
                          __builtin_popcount (seen_regions) <= 4 ? regions_list->str : groups_list->str);
}

static char *
trend_sentence (GPtrArray *episodes,
                gint64     from_day,
                gint64     to_day)
{
  guint n_weeks = (guint) MIN ((to_day - from_day + 1) / 7, TREND_WEEKS);
  guint counts[TREND_WEEKS] = { 0, };
  g_autoptr(GString) list = g_string_new (NULL);
  gboolean rising = TRUE, falling = TRUE;

  if (n_weeks < 2)
    return NULL;
  for (guint i = 0; i < episodes->len; i++)
    {
      const MdEpisode *ep = g_ptr_array_index (episodes, i);
      gint64 back = to_day - md_episode_local_day (ep);   /* 0 = the last day */

      if (back >= 0 && back < 7 * (gint64) n_weeks)
        counts[n_weeks - 1 - back / 7]++;
    }
  for (guint w = 0; w < n_weeks; w++)
    {
      g_string_append_printf (list, w > 0 ? ", %u" : "%u", counts[w]);
      if (w > 0)
        {
          rising = rising && counts[w] > counts[w - 1];
          falling = falling && counts[w] < counts[w - 1];
        }
    }
  if (rising)
    return g_strdup_printf (_("Episodes per week over the last %u weeks, oldest first: %s, more every week."), n_weeks, list->str);
  if (falling)
    return g_strdup_printf (_("Episodes per week over the last %u weeks, oldest first: %s, fewer every week."), n_weeks, list->str);
  return g_strdup_printf (_("Episodes per week over the last %u weeks, oldest first: %s."), n_weeks, list->str);
}

static void
signs_sentences (GPtrArray *episodes,
                 gint64     from_day,
                 gint64     to_day,
                 GString   *out)
{
  static const struct { const char *label; guint32 signs; } kinds[] = {
    { N_("weakness"), MD_BIT (MD_SIGN_WEAKNESS) | MD_BIT (MD_SIGN_ARM_LEG_WEAKNESS) },
    { N_("drooping"), MD_BIT (MD_SIGN_DROOPING) | MD_BIT (MD_SIGN_DROOPING_EYELID) | MD_BIT (MD_SIGN_DROOPING_FACE) |
                      MD_BIT (MD_SIGN_ASYMMETRY) },
    { N_("speech or swallowing trouble"), MD_BIT (MD_SIGN_SPEECH_DIFFICULTY) | MD_BIT (MD_SIGN_SWALLOWING_DIFFICULTY) },
    { N_("vision change"), MD_BIT (MD_SIGN_VISION_CHANGE) },
  };
  g_autoptr(GString) absent = g_string_new (NULL);
  g_autoptr(GString) present = g_string_new (NULL);
  guint32 signs = 0;

  for (guint i = 0; i < episodes->len; i++)
    {
      const MdEpisode *ep = g_ptr_array_index (episodes, i);

      if (in_period (ep, from_day, to_day))
        signs |= ep->signs;
    }
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GString *s = (signs & kinds[k].signs) ? present : absent;

      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, _(kinds[k].label));
    }
  if (present->len > 0)
    {
      g_string_append_printf (out, "\n<b>");
      g_string_append_printf (out, _("Recorded: %s; see “Signs recorded” below."), present->str);
      g_string_append (out, "</b>");
    }
  if (absent->len > 0)
    {
      g_string_append_c (out, present->len > 0 ? ' ' : '\n');
      g_string_append_printf (out, _("Not recorded: %s."), absent->str);
    }
}

void
md_report_add_key_findings (MdDoc     *doc,
                            GPtrArray *episodes,
                            GPtrArray *checkins,
                            gint64     from_day,
                            gint64     to_day)
{
  g_autoptr(GString) s = g_string_new (NULL);
  gint64 first = md_report_first_day (episodes, checkins);
  gint64 start = MAX (from_day, first);
  char *parts[4] = { NULL, };

  md_doc_add_heading (doc, _("Key findings"));
  if (first == G_MAXINT64 || first > to_day)
    {
      md_doc_add_paragraph (doc, _("Nothing was logged up to the end of this period."), MD_DOC_TEXT_NORMAL);
      return;
    }
  /* Counted from the first day of the diary inside the period, not over weeks before it began.
   * Whole sentences, two to a line where they belong together, so the page keeps room. */
  parts[0] = side_sentence (episodes, start, to_day);
  parts[1] = days_sentence (episodes, start, to_day);
  parts[2] = spread_sentence (episodes, start, to_day);
  parts[3] = trend_sentence (episodes, start, to_day);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      {
        g_autofree char *escaped = g_markup_escape_text (parts[i], -1);

        if (s->len > 0)
          g_string_append_c (s, i == 1 ? ' ' : '\n');
        g_string_append (s, escaped);
        g_free (parts[i]);
      }
  {
    g_autofree char *since = md_time_format_day_text (first);
    g_autofree char *text = g_strdup_printf (_("Diary kept since %s."), since);

    g_string_append_printf (s, " %s", text);
  }
  signs_sentences (episodes, start, to_day, s);
  md_doc_add_paragraph (doc, s->str, MD_DOC_TEXT_NORMAL);
}
