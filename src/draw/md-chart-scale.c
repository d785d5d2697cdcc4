/* md-chart-scale.c: the pure maths of the charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "md-chart-scale.h"

void
md_ticks_nice (double   max_value,
               guint    max_ticks,
               gboolean integer,
               MdTicks *out)
{
  double raw, mag, norm, step;

  max_ticks = MAX (max_ticks, 1);
  if (!(max_value > 0))
    max_value = 1;
  raw = max_value / max_ticks;
  mag = pow (10, floor (log10 (raw)));
  norm = raw / mag;
  if (norm <= 1 + 1e-9)
    step = mag;
  else if (norm <= 2 + 1e-9)
    step = 2 * mag;
  else if (norm <= 5 + 1e-9)
    step = 5 * mag;
  else
    step = 10 * mag;
  if (integer && step < 1)
    step = 1;
  out->step = step;
  out->n_ticks = (guint) ceil (max_value / step - 1e-9) + 1;
  out->max = step * (out->n_ticks - 1);
}

double
md_ticks_map (const MdTicks *ticks,
              double         value,
              double         from,
              double         to)
{
  return from + (to - from) * (value / ticks->max);
}

void
md_bands_init (MdBands *self,
               double   start,
               double   length,
               guint    n,
               double   fill)
{
  self->start = start;
  self->length = length;
  self->n = n;
  self->band = n > 0 ? length / n : length;
  self->bar = self->band * CLAMP (fill, 0.0, 1.0);
}

double
md_bands_bar_start (const MdBands *self,
                    guint          i)
{
  return self->start + self->band * i + (self->band - self->bar) / 2;
}

double
md_bands_centre (const MdBands *self,
                 guint          i)
{
  return self->start + self->band * (i + 0.5);
}

int
md_bands_hit (const MdBands *self,
              double         pos)
{
  double rel = pos - self->start;
  int i;

  if (self->n == 0 || rel < 0 || rel >= self->length)
    return -1;
  i = (int) floor (rel / self->band);
  return MIN (i, (int) self->n - 1);
}

guint
md_label_stride (double       band,
                 double       label_w,
                 double       gap,
                 const guint *nice,
                 guint        n_nice)
{
  g_return_val_if_fail (n_nice > 0, 1);
  for (guint i = 0; i < n_nice; i++)
    if (band * nice[i] >= label_w + gap)
      return nice[i];
  return nice[n_nice - 1];
}

gboolean
md_spans_apart (double a0,
                double a1,
                double b0,
                double b1,
                double gap)
{
  return a1 + gap <= b0 || b1 + gap <= a0;
}

char *
md_format_number (double value)
{
  char *text;
  char *end;

  if (fabs (value - llround (value)) < 1e-9)
    return g_strdup_printf ("%lld", (long long) llround (value));
  text = g_strdup_printf ("%.2f", value);
  end = text + strlen (text) - 1;
  while (*end == '0')
    *end-- = '\0';
  return text;
}
