/* md-rules-period.h: the alerts raised at any time during a period (for the clinician summary). */
#pragma once

#include "md-rules.h"

G_BEGIN_DECLS

/* Evaluates the rules at the end of every local day of [from_day, to_day] that has an episode,
 * and at @end_utc (the end of the period, or now when the period ends today), and keeps each
 * rule once: the latest time it was raised at its highest level, as it was then (message,
 * evidence, and at_utc = that instant). @episodes: oldest first, including earlier ones as
 * context. Highest level first. */
GPtrArray *md_rules_evaluate_period (MdEpisode *const *episodes,
                                     guint              n_episodes,
                                     gint64             from_day,
                                     gint64             to_day,
                                     gint64             end_utc,
                                     MdLevel           *overall) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
