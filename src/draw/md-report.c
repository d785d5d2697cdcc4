/* md-report.c: the clinician summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "md-chart-private.h"
#include "md-chart.h"
#include "md-checkin.h"
#include "md-emergency.h"
#include "md-flag-acks.h"
#include "md-rules-period.h"
#include "md-face-map.h"
#include "md-report.h"
#include "md-report-private.h"
#include "md-rules.h"
#include "md-stats.h"
#include "md-time.h"

#define MAX_EVIDENCE   3   /* evidence episodes described per alert (the most recent) */
#define MAX_SIGN_ROWS  6
#define MAX_NOTE_ROWS  5
#define NOTE_CHARS     160

typedef struct {
  MdStats           *stats;
  const MdDrawStyle *style;
  MdDrawStyle       *small;   /* the same with a font that suits the page */
} ChartData;

/* The first @n characters of @text (g_utf8_substring reads past the end when asked for more). */
static char *
utf8_head (const char *text,
           glong       n)
{
  return g_utf8_strlen (text, -1) <= n ? g_strdup (text) : g_utf8_substring (text, 0, n);
}

static char *
esc (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

static char *
episode_day (const MdEpisode *ep)
{
  return md_time_format_day_text (md_episode_local_day (ep));
}

static const MdEpisode *
find_episode (GPtrArray *episodes,
              gint64     id)
{
  for (guint i = 0; i < episodes->len; i++)
    {
      const MdEpisode *ep = g_ptr_array_index (episodes, i);
      if (ep->id == id)
        return ep;
    }
  return NULL;
}

static const MdRgba *
level_colour (const MdDrawStyle *style,
              MdLevel            level)
{
  switch (level)
    {
    case MD_LEVEL_EMERGENCY:
    case MD_LEVEL_URGENT:
      return &style->warning;
    case MD_LEVEL_SOON:
      return &style->right;
    default:
      return &style->muted;
    }
}

/* The level as the clinician reads it: what the patient was told, never "call now". */
static const char *
level_for_clinician (MdLevel level)
{
  switch (level)
    {
    case MD_LEVEL_EMERGENCY:
      return _("emergency: the patient was told to call the emergency number");
    case MD_LEVEL_URGENT:
      return _("urgent: the patient was told to get medical advice the same day");
    case MD_LEVEL_SOON:
      return _("soon: the patient was told to book an appointment");
    default:
      return _("note: to mention at the next visit");
    }
}

/* The same, short, for the table of earlier alerts. */
static const char *
level_word (MdLevel level)
{
  switch (level)
    {
    case MD_LEVEL_EMERGENCY:
      return _("emergency level");
    case MD_LEVEL_URGENT:
      return _("urgent level");
    case MD_LEVEL_SOON:
      return _("soon level");
    default:
      return _("note level");
    }
}

static const char *
marked_for_clinician (const MdFlag *flag)
{
  if (!flag->discussed)
    return NULL;
  return flag->level == MD_LEVEL_EMERGENCY ? _("marked by the patient as checked")
                                           : _("marked by the patient as discussed with a doctor");
}

/* Within a level, spreading and one-sided patterns first (the ones doctors look for), then
 * the rules table's order. */
static int
clinical_rank (const MdFlag *flag)
{
  static const char *first[] = { "unilateral", "spread-face", "one-sided" };

  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    if (g_str_equal (flag->rule, first[i]))
      return (int) i;
  return G_N_ELEMENTS (first);
}

static int
compare_clinical_weight (gconstpointer a,
                         gconstpointer b)
{
  const MdFlag *x = *(MdFlag * const *) a, *y = *(MdFlag * const *) b;
  guint n;
  const MdRuleInfo *table = md_rules_table (&n);
  const MdRuleInfo *ix = md_rules_lookup (x->rule), *iy = md_rules_lookup (y->rule);

  if (x->level != y->level)
    return (int) y->level - (int) x->level;
  if (clinical_rank (x) != clinical_rank (y))
    return clinical_rank (x) - clinical_rank (y);
  if (ix != NULL && iy != NULL)
    return (int) (ix - table) - (int) (iy - table);
  return g_strcmp0 (x->rule, y->rule);
}

/* Why an alert raised earlier in the period is not active at its end, so that it never reads
 * like an improvement that did not happen. */
static char *
inactive_reason (const MdFlag *flag,
                 GPtrArray    *current,
                 GPtrArray    *episodes,
                 gint64        end_utc)
{
  static const struct { const char *rule; const char *successors[3]; int window_days; } rules[] = {
    { "face-weakness-now", { "face-weakness-recent", NULL }, 30 },
    { "neuro-signs-now", { "neuro-sign-recent", NULL }, 30 },
    { "neuro-sign-now", { "neuro-sign-recent", NULL }, 30 },
    { "head-injury-signs", { "head-injury", NULL }, 30 },
    { "over-a-week", { "persistent", NULL }, 0 },
    { "one-sided", { "unilateral", NULL }, 28 },
    { "long-episode", { NULL }, 28 },
    { "spread-face", { NULL }, 28 },
    { "unilateral", { "one-sided", NULL }, 28 },
    { "high-intensity", { NULL }, 14 },
    { "progressive", { NULL }, 21 },
    { "persistent", { NULL }, 0 },
  };
  int window = 30;
  gint64 latest = G_MININT64;

  for (guint i = 0; flag->episodes != NULL && i < flag->episodes->len; i++)
    {
      for (guint k = 0; k < episodes->len; k++)
        {
          const MdEpisode *ep = g_ptr_array_index (episodes, k);

          if (ep->id == g_array_index (flag->episodes, gint64, i))
            latest = MAX (latest, ep->start_utc);
        }
    }
  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      if (!g_str_equal (rules[r].rule, flag->rule))
        continue;
      window = rules[r].window_days;
      for (guint s = 0; rules[r].successors[s] != NULL; s++)
        for (guint c = 0; current != NULL && c < current->len; c++)
          {
            const MdFlag *now = g_ptr_array_index (current, c);

            if (g_str_equal (now->rule, rules[r].successors[s]))
              /* Translators: %s is the title of the alert that took its place. */
              return g_strdup_printf (_("superseded by “%s” (active, above)"), now->title);
          }
    }
  if (window > 0 && latest != G_MININT64 && end_utc - latest > (gint64) window * 86400)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "older than the %d-day window", "older than the %d-day window",
                                         window), window);
  if (window == 0)
    return g_strdup (_("no twitching logged for more than a week before the end of the period"));
  return g_strdup (_("no longer met by the entries up to the end of the period"));
}

static char *
side_word (MdSide side)
{
  return side == MD_SIDE_UNKNOWN ? g_strdup (_("side not recorded")) : g_utf8_strdown (md_side_label (side), -1);
}

static void
add_header (MdDoc              *doc,
            const MdReportInfo *info)
{
  g_autoptr(GString) sub = g_string_new (NULL);
  g_autofree char *from = md_time_format_day_text (info->from_day);
  g_autofree char *to = md_time_format_day_text (info->to_day);
  gint64 made_day = md_time_day_of (info->made_utc + info->made_offset_s);
  g_autofree char *made = md_time_format_day (made_day);
  g_autofree char *made_text = md_time_format_day_text (made_day);
  gint64 birth_day;

  if (info->patient_name != NULL && *info->patient_name != '\0')
    {
      g_autofree char *name = esc (info->patient_name);
      g_string_append_printf (sub, "<b>%s</b>", name);
    }
  if (info->birth_date != NULL && *info->birth_date != '\0' && md_time_parse_date (info->birth_date, &birth_day, NULL))
    {
      int by, bm, bd, my, mm, md;
      int age;

      sscanf (info->birth_date, "%d-%d-%d", &by, &bm, &bd);
      sscanf (made, "%d-%d-%d", &my, &mm, &md);
      age = my - by - ((mm < bm || (mm == bm && md < bd)) ? 1 : 0);
      if (sub->len > 0)
        g_string_append (sub, "  ·  ");
      /* Translators: date of birth and age on the clinician summary. */
      {
        g_autofree char *born = md_time_format_day_text (birth_day);

        g_string_append_printf (sub, _("born %s (age %d)"), born, age);
      }
    }
  if (sub->len > 0)
    g_string_append (sub, "  ·  ");
  {
    int n_days = (int) (info->to_day - info->from_day + 1);

    /* Translators: under the title of the clinician summary: the first and last day of the
     * period, its length in days, then the day the summary was made. */
    g_string_append_printf (sub, g_dngettext (GETTEXT_PACKAGE, "Period %s to %s (%d day)  ·  Made %s",
                                              "Period %s to %s (%d days)  ·  Made %s", n_days),
                            from, to, n_days, made_text);
  }
  md_doc_add_title (doc, _("Facial twitching diary — summary for the clinician"), sub->str);
}

static void
add_earlier_alerts (MdDoc     *doc,
                    GPtrArray *earlier,
                    GPtrArray *current,
                    GPtrArray *episodes,
                    gint64     end_utc)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[] = { _("Raised on"), _("Alert"), _("Episodes behind it"), _("Why no longer active"), NULL };
  const double widths[] = { 0.9, 2.5, 1.6, 2.5 };

  for (guint i = 0; i < earlier->len; i++)
    {
      MdFlag *flag = g_ptr_array_index (earlier, i);
      char **row = g_new0 (char *, 5);
      g_autofree char *title = esc (flag->title);
      g_autofree char *reason = inactive_reason (flag, current, episodes, end_utc);
      const char *marked = marked_for_clinician (flag);
      guint n = flag->episodes ? flag->episodes->len : 0;
      const MdEpisode *first = n > 0 ? find_episode (episodes, g_array_index (flag->episodes, gint64, 0)) : NULL;
      const MdEpisode *last = n > 0 ? find_episode (episodes, g_array_index (flag->episodes, gint64, n - 1)) : NULL;

      row[0] = md_time_format_day_text (md_time_day_of (flag->at_utc + (last ? last->utc_offset_s : 0)));
      row[1] = marked != NULL
        ? g_strdup_printf ("%s <span size='small'>— %s; %s</span>", title, level_word (flag->level), marked)
        : g_strdup_printf ("%s <span size='small'>— %s</span>", title, level_word (flag->level));
      row[3] = esc (reason);
      if (first != NULL && last != NULL && first != last)
        {
          g_autofree char *d1 = episode_day (first);
          g_autofree char *d2 = episode_day (last);
          row[2] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u, from %s to %s", "%u, from %s to %s", n), n, d1, d2);
        }
      else if (last != NULL)
        {
          g_autofree char *d = episode_day (last);
          g_autofree char *regions = md_regions_to_label (last->regions);
          g_autofree char *e_regions = esc (regions);
          row[2] = g_strdup_printf ("%s %s", d, e_regions);
        }
      else
        row[2] = g_strdup ("");
      g_ptr_array_add (rows, row);
    }
  md_doc_add_paragraph (doc, _("Raised earlier in the period and no longer active at its end:"), MD_DOC_TEXT_SMALL);
  md_doc_add_table (doc, 4, widths, header, rows);
}

static void
add_alerts (MdDoc             *doc,
            GPtrArray         *flags,
            GPtrArray         *earlier,
            GPtrArray         *episodes,
            gint64             end_utc,
            const MdDrawStyle *style)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  md_doc_add_heading (doc, _("Alerts, most serious first"));
  if ((flags == NULL || flags->len == 0) && (earlier == NULL || earlier->len == 0))
    {
      md_doc_add_paragraph (doc, _("No warning pattern was found in what was logged in this period. "
                                   "This does not rule anything out."), MD_DOC_TEXT_NORMAL);
      return;
    }
  if (flags == NULL || flags->len == 0)
    md_doc_add_paragraph (doc, _("No alert is active at the end of the period."), MD_DOC_TEXT_NORMAL);
  for (guint i = 0; flags != NULL && i < flags->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (flags, i));
  g_ptr_array_sort (sorted, compare_clinical_weight);
  for (guint i = 0; i < sorted->len; i++)
    {
      MdFlag *flag = g_ptr_array_index (sorted, i);
      g_autoptr(GString) s = g_string_new (NULL);
      g_autofree char *title = esc (flag->title);
      /* Absolute dates only: "(34 hours ago)" means nothing on paper. */
      g_autofree char *message = esc (flag->record != NULL ? flag->record : flag->message);
      const char *marked = marked_for_clinician (flag);
      guint n = flag->episodes ? flag->episodes->len : 0;

      g_string_append_printf (s, "<b>%s</b>  <span size='small'>— %s</span>", title, level_for_clinician (flag->level));
      if (marked != NULL)
        g_string_append_printf (s, "  <i>(%s)</i>", marked);
      g_string_append_printf (s, "\n%s", message);
      if (n > 0)
        {
          const MdEpisode *first = find_episode (episodes, g_array_index (flag->episodes, gint64, 0));
          const MdEpisode *last = find_episode (episodes, g_array_index (flag->episodes, gint64, n - 1));

          g_autoptr(GString) items = g_string_new (NULL);
          g_autofree char *evidence = NULL;

          /* The most recent evidence first; after a date range, only the latest one (one line). */
          for (guint k = 0; k < MIN (n, n > MAX_EVIDENCE ? 1 : MAX_EVIDENCE); k++)
            {
              gint64 id = g_array_index (flag->episodes, gint64, n - 1 - k);
              const MdEpisode *ep = find_episode (episodes, id);
              g_autofree char *day = NULL;
              g_autofree char *regions = NULL;
              g_autofree char *side = NULL;
              g_autofree char *e_regions = NULL;

              if (ep == NULL)
                continue;
              day = episode_day (ep);
              regions = md_regions_to_label (ep->regions);
              e_regions = esc (regions);
              side = side_word (ep->side);
              if (items->len > 0)
                /* Translators: between two episodes in the evidence of an alert. */
                g_string_append (items, _("; "));
              /* Translators: one episode in the evidence of an alert on the clinician summary:
               * its day, the places on the face, then the side ("2025-03-12 Lower eyelid, left"). */
              g_string_append_printf (items, _("%s %s, %s"), day, e_regions, side);
            }
          if (n > MAX_EVIDENCE && first != NULL && last != NULL)
            {
              g_autofree char *d1 = episode_day (first);
              g_autofree char *d2 = episode_day (last);

              /* Translators: on the clinician summary, under an alert: how many episodes, the
               * first and the last day, then the latest episode ("2025-03-12 Cheek, left"). */
              evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Evidence: %u episode from %s to %s; the latest: %s.",
                                                       "Evidence: %u episodes from %s to %s; the latest: %s.", n),
                                          n, d1, d2, items->str);
            }
          else
            /* Translators: on the clinician summary, under an alert: the episodes it rests on. */
            evidence = g_strdup_printf (_("Evidence: %s."), items->str);
          g_string_append_printf (s, "\n<span size='small'>%s</span>", evidence);
        }
      md_doc_add_callout (doc, s->str, level_colour (style, flag->level));
    }
  if (earlier != NULL && earlier->len > 0)
    add_earlier_alerts (doc, earlier, flags, episodes, end_utc);
}

static GStrv
row2 (const char *a,
      const char *b)
{
  char **r = g_new0 (char *, 3);

  r[0] = g_strdup (a);
  r[1] = g_strdup (b);
  return r;
}

/* Two visible cells and a spare third one for bookkeeping. */
static GStrv
row3 (const char *a,
      const char *b)
{
  char **r = g_new0 (char *, 4);

  r[0] = g_strdup (a);
  r[1] = g_strdup (b);
  return r;
}

static void
add_numbers (MdDoc     *doc,
             MdStats   *stats,
             GPtrArray *all,
             gint64     start_day)   /* the first day of the diary inside the period */
{
  const MdSummary *s = &stats->summary;
  const MdDurations *d = &stats->durations;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[] = { _("Measure"), _("Value"), NULL };
  const double widths[] = { 1.1, 2.4 };
  g_autofree char *episodes = g_strdup_printf ("%u", s->episodes);
  /* Rates over the days the diary was kept, not over weeks before it began. */
  guint n_days = (guint) (s->to_day - start_day + 1);
  guint last4_days = MIN (n_days, 28), last4 = 0;
  g_autofree char *per_week = NULL;
  g_autofree char *run = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", s->longest_run_days), s->longest_run_days);

  for (guint i = 0; i < all->len; i++)
    {
      gint64 day = md_episode_local_day (g_ptr_array_index (all, i));

      if (day > s->to_day - (gint64) last4_days && day <= s->to_day)
        last4++;
    }
  if (n_days > 28)
    per_week = g_strdup_printf (_("%.1f on average; %.1f in the last 4 weeks"),
                                7.0 * s->episodes / MAX (n_days, 1), 7.0 * last4 / MAX (last4_days, 1));
  else
    per_week = g_strdup_printf (_("%.1f on average"), 7.0 * s->episodes / MAX (n_days, 1));
  g_autofree char *dur = NULL;

  if (d->n_known > 0)
    {
      g_autofree char *median = md_format_duration ((gint64) llround (d->median_s));
      g_autofree char *longest = md_format_duration (d->longest_s);
      dur = g_strdup_printf (_("median %s, longest %s (%u not timed)"), median, longest, d->n_unknown);
    }
  else
    dur = g_strdup (_("not recorded"));

  g_ptr_array_add (rows, row2 (_("Episodes"), episodes));
  /* The days with twitching and the sides are in the key findings, counted the same way. */
  g_ptr_array_add (rows, row2 (_("Episodes per week"), per_week));
  g_ptr_array_add (rows, row2 (_("Longest run of days in a row"), run));
  g_ptr_array_add (rows, row2 (_("Duration"), dur));
  md_doc_add_heading (doc, _("Summary"));
  md_doc_add_table (doc, 2, widths, header, rows);
}

static void
frequency_draw_cb (cairo_t *cr,
                   double   width,
                   double   height,
                   gpointer data)
{
  ChartData *c = data;

  md_chart_draw_frequency (cr, c->stats, c->small, width, height, -1);
}

static void
face_draw_cb (cairo_t *cr,
              double   width,
              double   height,
              gpointer data)
{
  ChartData *c = data;
  MdFaceMapValues values;
  guint max = 0;
  g_autofree char *high = NULL;

  /* The same shading as the window's face chart, labelled for the clinician. */
  md_chart_face_values (c->stats, &values, -1);
  for (guint r = 0; r < MD_N_REGIONS; r++)
    max = MAX (max, MAX (c->stats->face.left[r], c->stats->face.right[r]));
  high = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u episode", "%u episodes", max), max);
  values.label_left = _("Patient’s left");
  values.label_right = _("Patient’s right");
  values.legend_low = _("None");
  values.legend_high = high;
  md_face_map_draw (cr, width, height, c->small, &values);
}

static void
add_regions (MdDoc   *doc,
             MdStats *stats)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[] = { _("Face region"), _("Left"), _("Right"), _("Side not recorded"), NULL };
  const double widths[] = { 2, 1, 1, 1.4 };

  for (guint r = 0; r < MD_N_REGIONS; r++)
    {
      const MdFaceCounts *f = &stats->face;
      char **row;

      if (f->left[r] + f->right[r] + f->unknown[r] == 0)
        continue;
      row = g_new0 (char *, 5);
      row[0] = esc (md_region_label (r));
      row[1] = g_strdup_printf ("%u", f->left[r]);
      row[2] = g_strdup_printf ("%u", f->right[r]);
      row[3] = g_strdup_printf ("%u", f->unknown[r]);
      g_ptr_array_add (rows, row);
    }
  if (rows->len == 0)
    return;
  md_doc_add_heading (doc, _("Face regions"));
  md_doc_add_paragraph (doc, _("Episodes on both sides count under left and right."), MD_DOC_TEXT_MUTED);
  md_doc_add_table (doc, 4, widths, header, rows);
}

static void
add_signs (MdDoc     *doc,
           GPtrArray *episodes,
           gint64     from_day,
           gint64     to_day)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[] = { _("Date"), _("Signs recorded with the twitching"), NULL };
  const double widths[] = { 1, 4 };
  guint total = 0;
  gboolean shown_all = TRUE;

  /* Newest first. */
  for (guint i = episodes->len; i > 0; i--)
    {
      const MdEpisode *ep = g_ptr_array_index (episodes, i - 1);
      gint64 day = md_episode_local_day (ep);
      g_autofree char *date = NULL;
      g_autofree char *labels = NULL;
      g_autofree char *escaped = NULL;

      if (ep->signs == 0 || day < from_day || day > to_day)
        continue;
      total++;
      date = md_time_format_day_text (day);
      labels = md_signs_to_label (ep->signs);
      escaped = esc (labels);
      /* The same signs on the same day are one row, with a count. */
      if (rows->len > 0)
        {
          char **prev = g_ptr_array_index (rows, rows->len - 1);

          if (g_str_equal (prev[0], date) && g_str_has_prefix (prev[1], escaped) &&
              (prev[1][strlen (escaped)] == '\0' || prev[1][strlen (escaped)] == ' '))
            {
              guint times = prev[2] ? (guint) atoi (prev[2]) + 1 : 2;
              g_free (prev[1]);
              g_free (prev[2]);
              prev[2] = NULL;
              /* Translators: signs recorded with several episodes on one day, "Pain (3 episodes)". */
              prev[1] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u episode)", "%s (%u episodes)", times),
                                         escaped, times);
              prev[2] = g_strdup_printf ("%u", times);
              continue;
            }
        }
      if (rows->len >= MAX_SIGN_ROWS)
        {
          shown_all = FALSE;
          continue;
        }
      g_ptr_array_add (rows, row3 (date, escaped));
    }
  md_doc_add_heading (doc, _("Signs recorded"));
  if (total == 0)
    {
      md_doc_add_paragraph (doc, _("No accompanying signs were recorded in this period."), MD_DOC_TEXT_NORMAL);
      return;
    }
  /* The hidden third cell only counts repeats; the table shows two columns. */
  for (guint i = 0; i < rows->len; i++)
    g_clear_pointer (&((char **) rows->pdata[i])[2], g_free);
  md_doc_add_table (doc, 2, widths, header, rows);
  if (!shown_all)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Signs were recorded with %u episode in all; the earliest are not listed.",
                                                          "Signs were recorded with %u episodes in all; the earliest are not listed.",
                                                          total), total);
      md_doc_add_paragraph (doc, more, MD_DOC_TEXT_MUTED);
    }
}

static void
average (GPtrArray *checkins,
         gsize      offset,
         double     scale,
         double    *mean,
         guint     *n)
{
  double sum = 0;

  *n = 0;
  for (guint i = 0; i < checkins->len; i++)
    {
      const MdCheckin *c = g_ptr_array_index (checkins, i);
      int v = G_STRUCT_MEMBER (int, c, offset);

      if (v == MD_UNKNOWN)
        continue;
      sum += v * scale;
      (*n)++;
    }
  *mean = *n > 0 ? sum / *n : 0;
}

/* The triggers she ticked on the episodes themselves, counted over the period: one line. */
static void
add_episode_triggers (MdDoc   *doc,
                      MdStats *stats)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) counts = g_string_new (NULL);
  const char *header[] = { _("Triggers noted with episodes"), _("Number of episodes"), NULL };
  const double widths[] = { 1.3, 3.7 };
  char **row;

  for (guint t = 0; t < MD_N_TRIGGERS; t++)
    if (stats->episode_triggers[t] > 0)
      {
        /* Translators: one trigger and how many episodes it was noted with, e.g. "Stress 8". */
        g_string_append_printf (counts, counts->len > 0 ? _(", %s %u") : _("%s %u"),
                                md_trigger_label (t), stats->episode_triggers[t]);
      }
  if (counts->len == 0)
    return;
  row = g_new0 (char *, 3);
  row[0] = g_strdup (_("In this period"));
  row[1] = esc (counts->str);
  g_ptr_array_add (rows, row);
  md_doc_add_table (doc, 2, widths, header, rows);
}

static void
add_context (MdDoc     *doc,
             GPtrArray *checkins,
             MdStats   *stats)
{
  static const struct {
    const char *label;
    gsize       offset;
    double      scale;
    const char *unit;
  } measures[] = {
    { N_("Sleep"), G_STRUCT_OFFSET (MdCheckin, sleep_min), 1.0 / 60, N_("hours a night") },
    { N_("Caffeine"), G_STRUCT_OFFSET (MdCheckin, caffeine_cups), 1, N_("cups a day") },
    { N_("Water"), G_STRUCT_OFFSET (MdCheckin, water_glasses), 1, N_("glasses a day") },
    { N_("Stress"), G_STRUCT_OFFSET (MdCheckin, stress), 1, N_("out of 10") },
    { N_("Hot flashes and night sweats"), G_STRUCT_OFFSET (MdCheckin, hot_flashes), 1, N_("a day") },
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) meds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) factors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GHashTable) supplement_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *header[] = { _("Daily check-in"), _("Average"), _("Days answered"), NULL };
  const double widths[] = { 1.6, 1.6, 1 };
  g_autofree char *intro = NULL;

  md_doc_add_heading (doc, _("Daily context"));
  if (checkins->len == 0)
    {
      md_doc_add_paragraph (doc, _("No daily check-ins were filled in during this period."), MD_DOC_TEXT_NORMAL);
      add_episode_triggers (doc, stats);
      return;
    }
  intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "From %u daily check-in.", "From %u daily check-ins.",
                                        checkins->len), checkins->len);
  md_doc_add_paragraph (doc, intro, MD_DOC_TEXT_MUTED);

  for (guint m = 0; m < G_N_ELEMENTS (measures); m++)
    {
      double mean;
      guint n;
      char **row;

      average (checkins, measures[m].offset, measures[m].scale, &mean, &n);
      if (n == 0)
        continue;
      row = g_new0 (char *, 4);
      row[0] = g_strdup (_(measures[m].label));
      row[1] = g_strdup_printf ("%.1f %s", mean, _(measures[m].unit));
      row[2] = g_strdup_printf ("%u", n);
      g_ptr_array_add (rows, row);
    }

  /* Supplements: days taken; medicines: dated changes. */
  for (guint i = 0; i < checkins->len; i++)
    {
      const MdCheckin *c = g_ptr_array_index (checkins, i);
      g_autofree char *date = md_time_format_day_text (c->day);

      for (guint k = 0; c->supplements && c->supplements[k]; k++)
        {
          gpointer old = g_hash_table_lookup (supplement_days, c->supplements[k]);
          g_hash_table_replace (supplement_days, g_strdup (c->supplements[k]), GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
        }
      if (c->medicines_started != NULL)
        {
          g_autofree char *text = esc (c->medicines_started);
          g_autofree char *what = g_strdup_printf (_("Started: %s"), text);
          g_ptr_array_add (meds, row2 (date, what));
        }
      if (c->medicines_stopped != NULL)
        {
          g_autofree char *text = esc (c->medicines_stopped);
          g_autofree char *what = g_strdup_printf (_("Stopped: %s"), text);
          g_ptr_array_add (meds, row2 (date, what));
        }
    }
  {
    g_autoptr(GList) names = g_hash_table_get_keys (supplement_days);

    names = g_list_sort (names, (GCompareFunc) g_strcmp0);
    for (GList *l = names; l != NULL; l = l->next)
      {
        char **row = g_new0 (char *, 4);
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (supplement_days, l->data));

        row[0] = esc (l->data);
        row[1] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "taken on %u of %u day", "taken on %u of %u days",
                                                checkins->len), n, checkins->len);
        row[2] = g_strdup_printf ("%u", checkins->len);
        g_ptr_array_add (rows, row);
      }
  }
  if (rows->len > 0)
    md_doc_add_table (doc, 3, widths, header, rows);

  if (meds->len > 0)
    {
      const char *mheader[] = { _("Date"), _("Medicines"), NULL };
      const double mwidths[] = { 1, 4 };

      md_doc_add_table (doc, 2, mwidths, mheader, meds);
    }

  /* Triggers: episodes per day on days with and without each factor. */
  for (guint f = 0; f < MD_N_FACTORS; f++)
    {
      const MdFactorComparison *c = &stats->factors[f];
      char **row;

      if (c->days_with + c->days_without == 0)
        continue;
      row = g_new0 (char *, 4);
      row[0] = esc (md_factor_label (f));
      if (c->too_little_data)
        {
          g_autofree char *with = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day with", "%u days with", c->days_with), c->days_with);
          g_autofree char *without = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u without", "%u without", c->days_without), c->days_without);

          row[1] = g_strdup_printf (_("too little data (%s, %s)"), with, without);
        }
      else
        {
          g_autofree char *with = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", c->days_with), c->days_with);
          g_autofree char *without = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", c->days_without), c->days_without);

          row[1] = g_strdup_printf (_("%.2f episodes a day with it (%s) vs %.2f without (%s)"),
                                    c->rate_with, with, c->rate_without, without);
        }
      row[2] = NULL;
      g_ptr_array_add (factors, row);
    }
  if (factors->len > 0)
    {
      const char *fheader[] = { _("Possible trigger"), _("Episodes per day, with and without"), NULL };
      const double fwidths[] = { 1.3, 3.7 };

      md_doc_add_table (doc, 2, fwidths, fheader, factors);
      md_doc_add_paragraph (doc, _("These figures show what happened on the same days. They do not show cause."),
                            MD_DOC_TEXT_MUTED);
    }
  add_episode_triggers (doc, stats);
}

static void
add_notes (MdDoc     *doc,
           GPtrArray *episodes,
           GPtrArray *checkins,
           gint64     from_day,
           gint64     to_day)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[] = { _("Date"), _("In the patient’s own words"), NULL };
  const double widths[] = { 0.8, 5.2 };
  guint total = 0;

  for (guint i = episodes->len; i > 0; i--)
    {
      const MdEpisode *ep = g_ptr_array_index (episodes, i - 1);
      gint64 day = md_episode_local_day (ep);

      if (ep->notes == NULL || day < from_day || day > to_day)
        continue;
      if (total++ < MAX_NOTE_ROWS)
        {
          g_autofree char *date = md_time_format_day_text (day);
          g_autofree char *cut = utf8_head (ep->notes, NOTE_CHARS);
          g_autofree char *text = esc (cut);
          g_autofree char *quoted = g_strdup_printf ("<i>“%s%s”</i>", text,
                                                      g_utf8_strlen (ep->notes, -1) > NOTE_CHARS ? "…" : "");
          g_ptr_array_add (rows, row2 (date, quoted));
        }
    }
  for (guint i = checkins->len; i > 0; i--)
    {
      const MdCheckin *c = g_ptr_array_index (checkins, i - 1);

      if (c->note == NULL)
        continue;
      if (total++ < MAX_NOTE_ROWS)
        {
          g_autofree char *date = md_time_format_day_text (c->day);
          g_autofree char *cut = utf8_head (c->note, NOTE_CHARS);
          g_autofree char *text = esc (cut);
          g_autofree char *quoted = g_strdup_printf ("<i>“%s”</i> <span size='small'>(%s)</span>", text, _("check-in"));
          g_ptr_array_add (rows, row2 (date, quoted));
        }
    }
  if (total == 0)
    return;
  md_doc_add_heading (doc, _("The patient’s own notes"));
  md_doc_add_table (doc, 2, widths, header, rows);
  if (total > MAX_NOTE_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more note is in the diary.",
                                                          "%u more notes are in the diary.", total - MAX_NOTE_ROWS),
                                             total - MAX_NOTE_ROWS);
      md_doc_add_paragraph (doc, more, MD_DOC_TEXT_MUTED);
    }
}

static void
chart_data_free (gpointer data)
{
  ChartData *c = data;

  md_stats_unref (c->stats);
  md_draw_style_free (c->small);
  g_free (c);
}

/* The end of the period, or the moment the summary is made if that is sooner. */
static gint64
period_end_utc (const MdReportInfo *info)
{
  return MIN ((info->to_day + 1) * 86400 - 1 - info->made_offset_s, info->made_utc);
}

MdDoc *
md_report_build (const MdReportInfo *info,
                 GPtrArray          *episodes,
                 GPtrArray          *checkins,
                 GPtrArray          *flags,
                 GPtrArray          *earlier,
                 const MdDrawStyle  *style)
{
  MdDoc *doc;
  g_autoptr(MdStats) stats = NULL;
  ChartData *chart;
  MdDocDrawFunc funcs[2] = { frequency_draw_cb, face_draw_cb };
  gpointer data[2];

  g_return_val_if_fail (info != NULL && episodes != NULL && checkins != NULL, NULL);

  if (info->page_width > 0 && info->page_height > 0)
    doc = md_doc_new (info->page_width, info->page_height, style);
  else
    doc = md_doc_new (info->letter ? MD_PAPER_LETTER_WIDTH : MD_PAPER_A4_WIDTH,
                      info->letter ? MD_PAPER_LETTER_HEIGHT : MD_PAPER_A4_HEIGHT, style);
  stats = md_stats_compute ((MdEpisode * const *) episodes->pdata, episodes->len,
                            (MdCheckin * const *) checkins->pdata, checkins->len,
                            info->from_day, info->to_day);
  /* The medicines as bands under the frequency chart. */
  md_stats_add_menopause (stats, (MdCheckin * const *) checkins->pdata, checkins->len,
                          info->mrs != NULL ? (MdMrs * const *) info->mrs->pdata : NULL,
                          info->mrs != NULL ? info->mrs->len : 0,
                          info->medicines != NULL ? (MdMedicine * const *) info->medicines->pdata : NULL,
                          info->medicines != NULL ? info->medicines->len : 0, NULL);

  add_header (doc, info);
  md_doc_set_footer (doc, _("Recorded by the patient in Menodiary, a personal diary. It is not a diagnosis "
                            "and the alerts follow published advice on when to seek care."));
  md_report_add_key_findings (doc, episodes, checkins, info->from_day, info->to_day);
  add_alerts (doc, flags, earlier, episodes, period_end_utc (info), style);

  if (stats->summary.episodes == 0)
    {
      md_doc_add_heading (doc, _("Summary"));
      md_doc_add_paragraph (doc, _("No twitching was logged in this period."), MD_DOC_TEXT_NORMAL);
      add_context (doc, checkins, stats);
      md_report_add_menopause (doc, info, episodes, checkins);
      return doc;
    }

  add_numbers (doc, stats, episodes, MAX (info->from_day, md_report_first_day (episodes, checkins)));

  chart = g_new0 (ChartData, 1);
  chart->stats = md_stats_ref (stats);
  chart->style = md_doc_get_style (doc);
  chart->small = md_draw_style_copy (chart->style);
  chart->small->font_size = 7.5;
  md_doc_keep_data (doc, chart, chart_data_free);
  data[0] = data[1] = chart;
  md_doc_add_heading (doc, _("Episodes over time, and where on the face"));
  md_doc_add_drawings (doc, 135, 2, funcs, data);

  add_regions (doc, stats);
  add_signs (doc, episodes, info->from_day, info->to_day);
  add_context (doc, checkins, stats);
  md_report_add_menopause (doc, info, episodes, checkins);
  add_notes (doc, episodes, checkins, info->from_day, info->to_day);
  return doc;
}

MdDoc *
md_report_build_from_store (MdStore            *store,
                            const MdReportInfo *info,
                            const MdDrawStyle  *style,
                            GError            **error)
{
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GPtrArray) upto = g_ptr_array_new ();
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GPtrArray) period = NULL;
  g_autoptr(GPtrArray) earlier = g_ptr_array_new ();
  g_autoptr(GPtrArray) medicines = NULL;
  g_autoptr(GPtrArray) mrs = NULL;
  MdReportInfo with = *info;
  gint64 end_utc;
  MdLevel overall;

  g_return_val_if_fail (MD_IS_STORE (store), NULL);

  if (with.medicines == NULL)
    {
      if ((medicines = md_store_list_medicines (store, error)) == NULL)
        return NULL;
      with.medicines = medicines;
    }
  if (with.mrs == NULL)
    {
      if ((mrs = md_store_mrs_between (store, info->from_day, info->to_day, error)) == NULL)
        return NULL;
      with.mrs = mrs;
    }

  /* The whole diary up to the end of the period: the alerts see all the history they need,
   * exactly as --flags does. The statistics keep only the days of the period. */
  episodes = md_store_episodes_between (store, G_MININT64, (info->to_day + 2) * 86400, error);
  if (episodes == NULL)
    return NULL;
  checkins = md_store_checkins_between (store, info->from_day, info->to_day, error);
  if (checkins == NULL)
    return NULL;

  /* The end of the period, or now if that is sooner. */
  end_utc = period_end_utc (info);
  for (guint i = 0; i < episodes->len; i++)
    if (((MdEpisode *) episodes->pdata[i])->start_utc <= end_utc + MD_FUTURE_TOLERANCE_S)
      g_ptr_array_add (upto, episodes->pdata[i]);

  /* Alerts as they stand at the end, and those raised earlier in the period that no longer do. */
  current = md_rules_evaluate ((MdEpisode * const *) upto->pdata, upto->len, end_utc, &overall);
  period = md_rules_evaluate_period ((MdEpisode * const *) upto->pdata, upto->len,
                                     info->from_day, info->to_day, end_utc, &overall);
  for (guint i = 0; i < period->len; i++)
    {
      MdFlag *flag = g_ptr_array_index (period, i);
      gboolean still = FALSE;

      for (guint k = 0; k < current->len && !still; k++)
        still = g_str_equal (((MdFlag *) current->pdata[k])->rule, flag->rule);
      if (!still)
        g_ptr_array_add (earlier, flag);
    }
  md_flags_mark_discussed (store, current);
  md_flags_mark_discussed (store, earlier);
  return md_report_build (&with, episodes, checkins, current, earlier, style);
}

gboolean
md_report_default_letter (void)
{
  g_autofree char *territory = md_territory_from_locale (setlocale (LC_PAPER, NULL));

  return territory != NULL && (g_str_equal (territory, "US") || g_str_equal (territory, "CA") ||
                               g_str_equal (territory, "MX"));
}

MdDoc *
md_report_build_for_diary (MdDiary            *diary,
                           const MdReportInfo *info,
                           const MdDrawStyle  *style,
                           GError            **error)
{
  g_return_val_if_fail (MD_IS_DIARY (diary), NULL);
  return md_report_build_from_store (md_diary_get_store (diary), info, style, error);
}
