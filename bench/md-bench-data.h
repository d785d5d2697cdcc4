/* md-bench-data.h: a generated diary (episodes and check-ins) that looks like a real one. */
#pragma once

#include "md-checkin.h"
#include "md-episode.h"

G_BEGIN_DECLS

/* Days [to_day - n_days + 1, to_day], about @per_day episodes a day on average, check-ins on
 * most days, summer time (+02:00) half of each year and +01:00 otherwise. Oldest first. */
void md_bench_generate (gint64      to_day,
                        guint       n_days,
                        double      per_day,
                        guint32     seed,
                        GPtrArray **episodes,
                        GPtrArray **checkins);

G_END_DECLS
