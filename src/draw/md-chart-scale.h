/* md-chart-scale.h: the pure maths of the charts (ticks, bands, label spacing, hit tests).
 * No drawing here, so all of it is tested with exact numbers. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Ticks from 0 to max in steps of step: n_ticks = max / step + 1. */
typedef struct {
  double max;
  double step;
  guint  n_ticks;
} MdTicks;

/* Nice steps (1, 2, 5 x 10^k) so that at most @max_ticks intervals cover @max_value.
 * @integer: steps of at least 1 (counts). A max_value of 0 gives the range 0 .. 1. */
void     md_ticks_nice      (double   max_value,
                             guint    max_ticks,
                             gboolean integer,
                             MdTicks *out);
/* The position of @value on an axis from @from (value 0) to @to (value ticks->max). */
double   md_ticks_map       (const MdTicks *ticks,
                             double         value,
                             double         from,
                             double         to);

/* @n equal bands across [start, start + length), a bar of share @fill centred in each. */
typedef struct {
  double start;
  double length;
  guint  n;
  double band;
  double bar;
} MdBands;

void     md_bands_init      (MdBands *self,
                             double   start,
                             double   length,
                             guint    n,
                             double   fill);
double   md_bands_bar_start (const MdBands *self,
                             guint          i);
double   md_bands_centre    (const MdBands *self,
                             guint          i);
/* The band under @pos, or -1 outside all bands. */
int      md_bands_hit       (const MdBands *self,
                             double         pos);

/* Show every stride-th label: the smallest of @nice (ascending; the last is used when none
 * fits) whose spacing leaves @gap between labels of width @label_w on bands of @band. */
guint    md_label_stride    (double       band,
                             double       label_w,
                             double       gap,
                             const guint *nice,
                             guint        n_nice);

/* Whether two spans [a0, a1] and [b0, b1] leave at least @gap between them. */
gboolean md_spans_apart     (double a0,
                             double a1,
                             double b0,
                             double b1,
                             double gap);


/* A tick value: integer when whole, else at most two decimals without trailing zeros. */
char    *md_format_number   (double value) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
