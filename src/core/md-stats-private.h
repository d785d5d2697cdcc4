/* md-stats-private.h: parts of md-stats.c open to its tests. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Moves the @k-th smallest of @v[0 .. @n - 1] (0-based) to v[k], with no larger one before it
 * and no smaller one after it, and returns it; after @max_rounds rounds of partitioning it
 * sorts what is left instead. */
gint64 md_stats_select_nth (gint64 *v,
                            guint   n,
                            guint   k,
                            guint   max_rounds);

G_END_DECLS
