/* md-chart-text.c: the words of the charts: exact values of items and a short summary
 * for screen readers. They state what was logged and never suggest a cause.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "md-time.h"
#include "md-chart-private.h"

static char *
format_day (gint64 day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (day * 86400);

  /* TRANSLATORS: a date in a tooltip, see g_date_time_format(). */
  return g_date_time_format (dt, _("%a %-d %b %Y"));
}

static char *
bucket_name (const MdSeries *s,
             guint           b)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (s->size == MD_BUCKET_HOUR)
    return g_strdup_printf ("%02u:00–%02u:59", b, b);
  first = format_day (s->first_day[b]);
  if (s->first_day[b] == s->last_day[b])
    return g_steal_pointer (&first);
  last = format_day (s->last_day[b]);
  return g_strdup_printf ("%s – %s", first, last);
}

static char *
episodes_text (double n)
{
  guint count = (guint) n;

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u episode", "%u episodes", count), count);
}

static const char *
side_series_label (guint k)
{
  static const char *labels[] = { N_("left"), N_("right"), N_("both sides"), N_("side not recorded") };

  return _(labels[k]);
}

char *
md_chart_item_text (MdChartKind    kind,
                    const MdStats *stats,
                    guint          index)
{
  const MdSeries *s = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (stats != NULL, NULL);
  if (kind == MD_CHART_TRIGGERS)
    {
      const MdFactorComparison *c;
      guint f = index / 2;

      g_return_val_if_fail (f < MD_N_FACTORS, NULL);
      c = &stats->factors[f];
      g_autofree char *sentence = NULL;

      if (index % 2 == 0)
        /* Translators: a bar of the triggers chart read aloud: the trigger, the rate, the days. */
        sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s: %.2f episodes per day on the %u day with it",
                                                 "%s: %.2f episodes per day on the %u days with it",
                                                 c->days_with),
                                    md_factor_label (f), c->rate_with, c->days_with);
      else
        sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s: %.2f episodes per day on the %u day without it",
                                                 "%s: %.2f episodes per day on the %u days without it",
                                                 c->days_without),
                                    md_factor_label (f), c->rate_without, c->days_without);
      if (!c->too_little_data)
        return g_steal_pointer (&sentence);
      /* Translators: a bar of the triggers chart read aloud, when there are too few days to compare. */
      return g_strdup_printf (_("%s (not enough data yet)"), sentence);
    }
  if (kind == MD_CHART_FACE)
    return md_chart_face_item_text (stats, index);
  switch (kind)
    {
    case MD_CHART_FREQUENCY: s = stats->frequency; break;
    case MD_CHART_DURATION: s = stats->duration; break;
    case MD_CHART_SIDES: s = stats->sides; break;
    case MD_CHART_REGIONS: s = stats->regions; break;
    case MD_CHART_TIME_OF_DAY: s = stats->hours; break;
    case MD_CHART_MRS: s = stats->mrs; break;
    case MD_CHART_FACE:
    case MD_CHART_TRIGGERS:
    case MD_N_CHART_KINDS:
    default:
      return NULL;
    }
  g_return_val_if_fail (index < s->n_buckets, NULL);
  name = bucket_name (s, index);
  text = g_string_new (name);
  g_string_append (text, ": ");
  if (kind == MD_CHART_FREQUENCY || kind == MD_CHART_TIME_OF_DAY)
    {
      g_autofree char *n = episodes_text (s->values[index]);

      if (s->average == NULL)
        g_string_append (text, n);
      else if (s->size == MD_BUCKET_WEEK)
        /* Translators: a bar of the frequency chart read aloud: "12 episodes (4-week average 9.5)". */
        g_string_append_printf (text, _("%s (4-week average %.1f)"), n, s->average[index]);
      else
        /* Translators: a bar of the frequency chart read aloud: "3 episodes (7-day average 2.1)". */
        g_string_append_printf (text, _("%s (7-day average %.1f)"), n, s->average[index]);
    }
  else if (kind == MD_CHART_MRS)
    {
      if (md_series_total (s, index) <= 0 && s->values[index * 3] == 0)
        g_string_append (text, _("no answers that week"));
      else
        g_string_append_printf (text, _("total %.1f (somatic %.1f, psychological %.1f, urogenital %.1f)"),
                                md_series_total (s, index), s->values[index * 3], s->values[index * 3 + 1],
                                s->values[index * 3 + 2]);
    }
  else if (kind == MD_CHART_DURATION)
    {
      g_autofree char *d = md_format_duration ((gint64) llround (s->values[index]));

      g_string_append_printf (text, _("%s of twitching with a known duration"), d);
    }
  else
    {
      for (guint k = 0; k < s->n_series; k++)
        g_string_append_printf (text, "%s%s %u", k > 0 ? ", " : "",
                                kind == MD_CHART_SIDES ? side_series_label (k) : md_region_group_label (k),
                                (guint) s->values[index * s->n_series + k]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
busiest (const MdSeries *s)
{
  guint best = 0;

  for (guint b = 1; b < s->n_buckets; b++)
    if (md_series_total (s, b) > md_series_total (s, best))
      best = b;
  return best;
}

char *
md_chart_describe (MdChartKind    kind,
                   const MdStats *stats)
{
  const MdSummary *sum = &stats->summary;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (stats != NULL, NULL);
  if (md_chart_is_empty (kind, stats))
    return g_strdup (kind == MD_CHART_TRIGGERS ? _(MD_CHART_NO_CHECKINS) :
                     kind == MD_CHART_MRS ? _("No Menopause Rating Scale answers in this period yet.") :
                     _("Nothing logged in this period."));
  switch (kind)
    {
    case MD_CHART_FREQUENCY:
      {
        guint b = busiest (stats->frequency);
        g_autofree char *name = bucket_name (stats->frequency, b);

        g_autofree char *n_episodes = episodes_text (sum->episodes);
        g_autofree char *n_days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", sum->n_days),
                                                   sum->n_days);

        /* Translators: the frequency chart described for a screen reader; the first %s is
         * "12 episodes", the second "90 days". Keep the space at the end. */
        g_string_append_printf (text, _("%s in %s: %.1f per week on average, %.1f per week in the last four weeks. "),
                                n_episodes, n_days, sum->per_week, sum->per_week_last4);
        g_string_append_printf (text, _("Most in one bar: %u, on %s."),
                                (guint) md_series_total (stats->frequency, b), name);
        break;
      }
    case MD_CHART_DURATION:
      {
        const MdDurations *d = &stats->durations;
        double total = 0;
        g_autofree char *total_text = NULL;
        g_autofree char *median = md_format_duration ((gint64) llround (d->median_s));
        g_autofree char *longest = md_format_duration (d->longest_s);

        for (guint b = 0; b < stats->duration->n_buckets; b++)
          total += stats->duration->values[b];
        total_text = md_format_duration ((gint64) llround (total));
        /* Translators: the duration chart described for a screen reader. Keep the space at the end. */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Total twitching time %s, known for %u of %u episode. ",
                                                   "Total twitching time %s, known for %u of %u episodes. ",
                                                   d->n_known + d->n_unknown),
                                total_text, d->n_known, d->n_known + d->n_unknown);
        g_string_append_printf (text, _("Half of the episodes lasted %s or less; the longest lasted %s."),
                                median, longest);
        break;
      }
    case MD_CHART_SIDES:
      g_string_append_printf (text, _("Left side %u, right side %u, both sides %u, side not recorded %u."),
                              sum->sides[MD_SIDE_LEFT], sum->sides[MD_SIDE_RIGHT],
                              sum->sides[MD_SIDE_BOTH], sum->sides[MD_SIDE_UNKNOWN]);
      break;
    case MD_CHART_REGIONS:
      g_string_append (text, _("Episodes by face area: "));
      for (guint g = 0; g < MD_N_REGION_GROUPS; g++)
        g_string_append_printf (text, "%s%s %u", g > 0 ? ", " : "", md_region_group_label (g), stats->face.groups[g]);
      g_string_append (text, ".");
      break;
    case MD_CHART_TIME_OF_DAY:
      {
        guint h = busiest (stats->hours);

        g_string_append_printf (text, _("Most episodes began between %02u:00 and %02u:59: %u of %u."),
                                h, h, (guint) stats->hours->values[h], sum->episodes);
        break;
      }
    case MD_CHART_TRIGGERS:
      g_string_append (text, _("Episodes per day on days with and without each factor. "));
      for (guint f = 0; f < MD_N_FACTORS; f++)
        {
          const MdFactorComparison *c = &stats->factors[f];

          if (c->too_little_data)
            g_string_append_printf (text, _("%s: not enough data yet. "), md_factor_label (f));
          else
            {
              g_autofree char *with = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", c->days_with),
                                                       c->days_with);
              g_autofree char *without = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days",
                                                                       c->days_without), c->days_without);

              /* Translators: one trigger in the triggers chart described for a screen reader:
               * "Caffeine: 1.5 with (12 days), 0.8 without (18 days). " Keep the space at the end. */
              g_string_append_printf (text, _("%s: %.1f with (%s), %.1f without (%s). "),
                                      md_factor_label (f), c->rate_with, with, c->rate_without, without);
            }
        }
      g_string_append (text, _("This shows what happened together, not what causes twitching."));
      break;
    case MD_CHART_MRS:
      {
        const MdSeries *m = stats->mrs;
        int last = -1;

        for (guint b = 0; b < m->n_buckets; b++)
          if (md_series_total (m, b) > 0)
            last = (int) b;
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   "Menopause Rating Scale answers on %u day. ",
                                                   "Menopause Rating Scale answers on %u days. ",
                                                   stats->mrs_days), stats->mrs_days);
        if (last >= 0)
          {
            g_autofree char *item = md_chart_item_text (kind, stats, last);

            g_string_append_printf (text, _("Latest week with a score above 0: %s."), item);
          }
        break;
      }
    case MD_CHART_FACE:
      return md_chart_face_describe (stats);
    case MD_N_CHART_KINDS:
    default:
      return g_strdup (_("This chart is not available yet."));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
