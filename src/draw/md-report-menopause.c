/* md-report-menopause.c: the menopause picture on the clinician summary: status and HRT,
 * medicines with their dates, the latest Menopause Rating Scale with its subscores and the
 * change over the period, the last period and cycle lengths, the custom symptoms' averages, and
 * a medicine started shortly before twitching began, as context only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "md-report-private.h"
#include "md-time.h"

/* A medicine started this many days or fewer before twitching began is mentioned. */
#define MEDICINE_CONTEXT_DAYS 14
/* Twitching "begins" at an episode with none in the this many days before it. */
#define NEW_BOUT_GAP_DAYS 28

static const char *
stage_label (const char *stage)
{
  if (g_strcmp0 (stage, "perimenopause") == 0)
    return _("Perimenopause");
  if (g_strcmp0 (stage, "menopause") == 0)
    return _("Menopause");
  if (g_strcmp0 (stage, "postmenopause") == 0)
    return _("Postmenopause");
  if (g_strcmp0 (stage, "not-sure") == 0)
    return _("Not sure");
  return NULL;
}

static GStrv
row (const char *a,
     const char *b)
{
  char **r = g_new0 (char *, 3);

  r[0] = g_markup_escape_text (a, -1);
  r[1] = g_markup_escape_text (b, -1);
  return r;
}

static char *
medicine_dates (const MdMedicine *m)
{
  g_autofree char *from = m->started != MD_NO_DAY ? md_time_format_day (m->started) : NULL;
  g_autofree char *to = m->stopped != MD_NO_DAY ? md_time_format_day (m->stopped) : NULL;

  if (from != NULL && to != NULL)
    return g_strdup_printf (_("from %s to %s"), from, to);
  if (from != NULL)
    return g_strdup_printf (_("since %s"), from);
  if (to != NULL)
    return g_strdup_printf (_("start not given, stopped %s"), to);
  return g_strdup (_("dates not given"));
}

/* A period day: light, medium or heavy bleeding (spotting is not counted). */
static gboolean
is_period_day (const MdCheckin *c)
{
  return c->bleeding >= MD_BLEEDING_LIGHT && c->bleeding < MD_N_BLEEDING;
}

static void
add_periods (GPtrArray          *rows,
             const MdReportInfo *info,
             GPtrArray          *checkins)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) lengths = g_string_new (NULL);
  gint64 last = MD_NO_DAY, prev_day = MD_NO_DAY, given;
  gboolean answered = FALSE;

  for (guint i = 0; i < checkins->len; i++)
    {
      const MdCheckin *c = g_ptr_array_index (checkins, i);

      answered |= c->bleeding != MD_UNKNOWN;
      if (!is_period_day (c))
        continue;
      if (prev_day == MD_NO_DAY || c->day - prev_day > 1)
        g_array_append_val (starts, c->day);
      prev_day = c->day;
    }
  if (starts->len > 0)
    last = g_array_index (starts, gint64, starts->len - 1);
  if (info->last_period != NULL && md_time_parse_date (info->last_period, &given, NULL) &&
      (last == MD_NO_DAY || given > last))
    last = given;
  if (last != MD_NO_DAY)
    {
      g_autofree char *day = md_time_format_day (last);
      g_autofree char *text = g_strdup_printf (_("started %s"), day);

      g_ptr_array_add (rows, row (_("Last period"), text));
    }
  else if (answered)
    g_ptr_array_add (rows, row (_("Last period"), _("no period recorded in this period")));
  for (guint i = 1; i < starts->len; i++)
    g_string_append_printf (lengths, "%s%d", i > 1 ? ", " : "",
                            (int) (g_array_index (starts, gint64, i) - g_array_index (starts, gint64, i - 1)));
  if (lengths->len > 0)
    {
      g_autofree char *text = g_strdup_printf (_("%s days (from the check-in’s bleeding answers)"), lengths->str);

      g_ptr_array_add (rows, row (_("Cycle lengths"), text));
    }
}

static void
add_mrs (GPtrArray *rows,
         GPtrArray *mrs)
{
  const MdMrs *first = NULL, *latest = NULL;
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < mrs->len; i++)
    {
      const MdMrs *m = g_ptr_array_index (mrs, i);

      if (md_mrs_score (m, MD_MRS_TOTAL, NULL) < 0)
        continue;
      if (first == NULL)
        first = m;
      latest = m;
    }
  if (latest == NULL)
    return;
  day = md_time_format_day (latest->day);
  text = g_strdup_printf (_("latest total %d of 44 on %s (somatic %d, psychological %d, urogenital %d)"),
                          md_mrs_score (latest, MD_MRS_TOTAL, NULL), day,
                          MAX (md_mrs_score (latest, MD_MRS_SOMATIC, NULL), 0),
                          MAX (md_mrs_score (latest, MD_MRS_PSYCHOLOGICAL, NULL), 0),
                          MAX (md_mrs_score (latest, MD_MRS_UROGENITAL, NULL), 0));
  if (first != latest)
    {
      g_autofree char *first_day = md_time_format_day (first->day);
      int change = md_mrs_score (latest, MD_MRS_TOTAL, NULL) - md_mrs_score (first, MD_MRS_TOTAL, NULL);
      g_autofree char *more = g_strdup_printf (_("; %d on %s, a change of %+d over %u answers"),
                                               md_mrs_score (first, MD_MRS_TOTAL, NULL), first_day, change, mrs->len);
      char *joined = g_strconcat (text, more, NULL);

      g_free (text);
      text = joined;
    }
  g_ptr_array_add (rows, row (_("Menopause Rating Scale"), text));
}

static void
add_symptoms (GPtrArray *rows,
              GPtrArray *checkins)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < checkins->len; i++)
    {
      const MdCheckin *c = g_ptr_array_index (checkins, i);

      for (guint k = 0; k < c->n_symptoms; k++)
        {
          gboolean seen = FALSE;

          for (guint j = 0; j < names->len && !seen; j++)
            seen = strcmp (names->pdata[j], c->symptoms[k].name) == 0;
          if (!seen)
            g_ptr_array_add (names, c->symptoms[k].name);
        }
    }
  for (guint j = 0; j < names->len; j++)
    {
      double sum = 0;
      guint n = 0;

      for (guint i = 0; i < checkins->len; i++)
        {
          int v = md_checkin_get_symptom (g_ptr_array_index (checkins, i), names->pdata[j]);

          if (v != MD_UNKNOWN)
            {
              sum += v;
              n++;
            }
        }
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s %.1f (%u day)", "%s %.1f (%u days)", n),
                              (const char *) names->pdata[j], sum / n, n);
    }
  if (text->len > 0)
    g_ptr_array_add (rows, row (_("Own symptoms, average of 0–10"), text->str));
}

/* Medicines started up to 14 days before a bout of twitching began (in the period). */
static void
add_medicine_context (MdDoc              *doc,
                      const MdReportInfo *info,
                      GPtrArray          *episodes,
                      GPtrArray          *medicines)
{
  gint64 prev = MD_NO_DAY;

  for (guint i = 0; i < episodes->len; i++)
    {
      const MdEpisode *e = g_ptr_array_index (episodes, i);
      gint64 day = md_episode_local_day (e);
      gboolean bout = prev == MD_NO_DAY || day - prev >= NEW_BOUT_GAP_DAYS;

      prev = MAX (prev == MD_NO_DAY ? day : prev, day);
      if (!bout || day < info->from_day || day > info->to_day)
        continue;
      for (guint k = 0; k < medicines->len; k++)
        {
          const MdMedicine *m = g_ptr_array_index (medicines, k);
          g_autofree char *started = NULL;
          g_autofree char *began = NULL;
          g_autofree char *name = NULL;
          g_autofree char *text = NULL;

          if (m->started == MD_NO_DAY || m->started > day || day - m->started > MEDICINE_CONTEXT_DAYS)
            continue;
          started = md_time_format_day (m->started);
          began = md_time_format_day (day);
          name = g_markup_escape_text (m->name, -1);
          text = g_strdup_printf (_("For context: %s was started on %s, %d days before twitching began on %s. "
                                    "This is when they happened; it does not show that one caused the other."),
                                  name, started, (int) (day - m->started), began);
          md_doc_add_paragraph (doc, text, MD_DOC_TEXT_NORMAL);
        }
    }
}

void
md_report_add_menopause (MdDoc              *doc,
                         const MdReportInfo *info,
                         GPtrArray          *episodes,
                         GPtrArray          *checkins)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[] = { _("Menopause"), _("As recorded"), NULL };
  const double widths[] = { 1, 3.2 };
  const char *stage = stage_label (info->stage);

  if (stage != NULL || info->hrt != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s%s%s", stage != NULL ? stage : "",
                                               stage != NULL && info->hrt != NULL ? " · " : "",
                                               info->hrt == NULL ? "" :
                                               g_str_equal (info->hrt, "yes") ? _("uses HRT") : _("no HRT"));

      g_ptr_array_add (rows, row (_("Status"), text));
    }
  for (guint i = 0; info->medicines != NULL && i < info->medicines->len; i++)
    {
      const MdMedicine *m = g_ptr_array_index (info->medicines, i);
      g_autofree char *dates = NULL;
      g_autofree char *label = g_strdup_printf ("%s (%s)", m->name, md_medicine_kind_label (m->kind));
      g_autofree char *text = NULL;

      /* Only what was taken at some time in the period. */
      if ((m->started != MD_NO_DAY && m->started > info->to_day) || (m->stopped != MD_NO_DAY && m->stopped < info->from_day))
        continue;
      dates = medicine_dates (m);
      text = m->dose != NULL ? g_strdup_printf ("%s, %s", m->dose, dates) : g_strdup (dates);
      g_ptr_array_add (rows, row (label, text));
    }
  add_periods (rows, info, checkins);
  if (info->mrs != NULL)
    add_mrs (rows, info->mrs);
  add_symptoms (rows, checkins);
  if (rows->len == 0)
    return;
  md_doc_add_heading (doc, _("Menopause picture"));
  md_doc_add_table (doc, 2, widths, header, rows);
  if (info->medicines != NULL)
    add_medicine_context (doc, info, episodes, info->medicines);
}
