/* md-rules-period.c: the alerts raised at any time during a period.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-rules-period"

#include "config.h"

#include "md-rules-period.h"

/* Rules never look further back than this for a level (runs stay "persistent" once longer
 * than two weeks), so each check only needs this window of episodes. */
#define LOOKBACK_S (G_GINT64_CONSTANT (60) * 86400)

static int
compare_int64 (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static int
compare_flags (gconstpointer a,
               gconstpointer b)
{
  const MdFlag *x = *(MdFlag * const *) a, *y = *(MdFlag * const *) b;

  return (int) y->level - (int) x->level;
}

GPtrArray *
md_rules_evaluate_period (MdEpisode *const *episodes,
                          guint              n_episodes,
                          gint64             from_day,
                          gint64             to_day,
                          gint64             end_utc,
                          MdLevel           *overall)
{
  g_autoptr(GHashTable) by_rule = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) md_flag_free);
  g_autoptr(GArray) checks = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint lo = 0;

  *overall = MD_LEVEL_NONE;

  /* The end of each day with an episode (in that episode's own offset), then the end. */
  for (guint i = 0; i < n_episodes; i++)
    {
      gint64 day = md_episode_local_day (episodes[i]);
      gint64 t;

      if (day < from_day || day > to_day)
        continue;
      t = (day + 1) * 86400 - 1 - episodes[i]->utc_offset_s;
      if (t < end_utc)
        g_array_append_val (checks, t);
    }
  g_array_append_val (checks, end_utc);
  g_array_sort (checks, compare_int64);

  for (guint c = 0; c < checks->len; c++)
    {
      gint64 now = g_array_index (checks, gint64, c);
      g_autoptr(GPtrArray) flags = NULL;
      guint hi = lo;
      guint pos = 0;
      MdLevel level;

      if (c > 0 && now == g_array_index (checks, gint64, c - 1))
        continue;
      while (lo < n_episodes && episodes[lo]->start_utc < now - LOOKBACK_S)
        lo++;
      hi = lo;
      while (hi < n_episodes && episodes[hi]->start_utc <= now + 300)
        hi++;
      flags = md_rules_evaluate (episodes + lo, hi - lo, now, &level);
      for (guint i = 0; i < flags->len; i++)
        {
          MdFlag *flag = g_ptr_array_index (flags, i);
          MdFlag *kept = g_hash_table_lookup (by_rule, flag->rule);

          if (kept == NULL)
            {
              kept = g_ptr_array_steal_index (flags, i--);
              g_ptr_array_add (out, kept);
              g_hash_table_insert (by_rule, (gpointer) kept->rule, kept);
              continue;
            }
          /* Keep the latest time it was raised at its highest level, with what it saw then. */
          if (flag->level >= kept->level)
            {
              g_ptr_array_index (out, g_ptr_array_find (out, kept, &pos) ? pos : 0) = flag;
              g_hash_table_insert (by_rule, (gpointer) flag->rule, flag);
              g_ptr_array_steal_index (flags, i--);
              md_flag_free (kept);
            }
        }
    }

  for (guint i = 0; i < out->len; i++)
    {
      MdFlag *flag = g_ptr_array_index (out, i);

      g_array_sort (flag->episodes, compare_int64);
      *overall = MAX (*overall, flag->level);
    }
  g_ptr_array_sort (out, compare_flags);
  return out;
}
