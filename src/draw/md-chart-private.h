/* md-chart-private.h: what the chart files share (layouts, text measuring). */
#pragma once

#include <glib/gi18n-lib.h>
#include <pango/pango.h>

#include "md-chart.h"
#include "md-chart-scale.h"

G_BEGIN_DECLS

typedef struct {
  PangoContext         *ctx;
  PangoFontDescription *font;
  double                line_h;
} MdChartText;

typedef enum { MD_SWATCH_NONE, MD_SWATCH_BOX, MD_SWATCH_LINE } MdSwatch;

typedef struct {
  MdSwatch    swatch;
  MdRgba      colour;
  const char *label;
} MdChartLegendItem;

#define MD_CHART_MAX_SERIES 8

/* What a column chart shows: a series, its colours, its legend, the unit of the y axis. */
typedef struct {
  const MdSeries    *series;
  MdRgba             colours[MD_CHART_MAX_SERIES];
  MdRgba             line_colour;
  gboolean           show_average;
  gboolean           integer;      /* counts: ticks in whole steps */
  double             unit;         /* values are divided by this on the axis (60 = minutes) */
  MdChartLegendItem  legend[MD_CHART_MAX_SERIES + 1];
  guint              n_legend;
  char              *owned[MD_CHART_MAX_SERIES + 1]; /* label strings to free */
} MdChartSpec;

typedef struct {
  double  width, height;
  double  legend_h;
  double  px, py, pw, ph;   /* the plot rectangle */
  MdTicks ticks;
  MdBands bands;            /* columns (x) or rows (y, triggers) */
  double  label_w;          /* triggers: the label column */
} MdChartLayout;

typedef struct {
  double x, y, w, h;
} MdChartBox;

void         md_chart_text_init      (MdChartText *t, const MdDrawStyle *style);
void         md_chart_text_clear     (MdChartText *t);
PangoLayout *md_chart_text_layout    (MdChartText *t, const char *text, double *w, double *h);
double       md_chart_text_width     (MdChartText *t, const char *text);
void         md_chart_set_rgba       (cairo_t *cr, const MdRgba *c, double alpha);
void         md_chart_set_secondary  (cairo_t *cr, const MdDrawStyle *style);
void         md_chart_show           (cairo_t *cr, PangoLayout *layout, double x, double y);
double       md_chart_legend_height  (MdChartText *t, const MdChartLegendItem *items, guint n, double width);
void         md_chart_draw_legend    (cairo_t *cr, MdChartText *t, const MdDrawStyle *style,
                                      const MdChartLegendItem *items, guint n, double width);
void         md_chart_draw_empty     (cairo_t *cr, MdChartText *t, const MdDrawStyle *style,
                                      double width, double height);
void         md_chart_draw_empty_text (cairo_t *cr, MdChartText *t, const MdDrawStyle *style,
                                       double width, double height, const char *text);
/* What the triggers chart says when no check-in answers a question in the period (translate with _()). */
#define MD_CHART_NO_CHECKINS N_("No daily check-ins in this period yet. Fill in the check-in to compare the days with and without each possible trigger.")

/* The face map as a chart (md-chart-face.c). */
#include "md-face-map.h"
void         md_chart_face_values    (const MdStats *stats, MdFaceMapValues *values, int highlight);
void         md_chart_draw_face      (cairo_t *cr, const MdStats *stats, const MdDrawStyle *style,
                                      double width, double height, int highlight);
int          md_chart_face_hit       (const MdStats *stats, double width, double height, double x, double y);
char        *md_chart_face_item_text (const MdStats *stats, guint index);
char        *md_chart_face_describe  (const MdStats *stats);

void         md_chart_columns_layout (const MdChartSpec *spec, MdChartText *t,
                                      double width, double height, MdChartLayout *out);
void         md_chart_draw_columns   (cairo_t *cr, const MdChartSpec *spec, const MdDrawStyle *style,
                                      double width, double height, int highlight);
/* Axis labels: drawn on @cr if not NULL, their boxes added to @boxes if not NULL. */
void         md_chart_columns_x_labels (cairo_t *cr, GArray *boxes, MdChartText *t,
                                        const MdChartLayout *l, const MdSeries *s);
void         md_chart_columns_y_labels (cairo_t *cr, GArray *boxes, MdChartText *t,
                                        const MdDrawStyle *style, const MdChartSpec *spec,
                                        const MdChartLayout *l);
/* Every axis label box of a column chart at that size (GArray of MdChartBox), for tests. */
GArray      *md_chart_label_boxes    (MdChartKind kind, const MdStats *stats, const MdDrawStyle *style,
                                      double width, double height);
int          md_chart_columns_hit    (const MdChartSpec *spec, const MdDrawStyle *style,
                                      double width, double height, double x, double y);

void         md_chart_triggers_layout (const MdStats *stats, MdChartText *t,
                                       double width, double height, MdChartLayout *out);
int          md_chart_triggers_hit    (const MdStats *stats, const MdDrawStyle *style,
                                       double width, double height, double x, double y);

G_END_DECLS
