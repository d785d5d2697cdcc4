/* md-chart.h: the charts, drawn onto any cairo_t (window, printer, PDF, PNG).
 *
 * Each renderer draws inside the rectangle (0, 0, width, height) of the current user space
 * and nothing outside it; it paints no background (the host does). Sizes follow the style's
 * font size. The same layout is used by the pure hit test, so hover and keyboard focus name
 * exactly the bar that is drawn.
 */
#pragma once

#include <cairo.h>

#include "md-draw-style.h"
#include "md-stats.h"

G_BEGIN_DECLS

typedef enum {
  MD_CHART_FREQUENCY,
  MD_CHART_DURATION,      /* total twitching time */
  MD_CHART_FACE,          /* the face map: drawn by md-face-map.[ch], not here */
  MD_CHART_SIDES,
  MD_CHART_REGIONS,       /* region groups over time */
  MD_CHART_TIME_OF_DAY,
  MD_CHART_TRIGGERS,
  MD_CHART_MRS,           /* Menopause Rating Scale by week: the three subscores stacked */
  MD_N_CHART_KINDS
} MdChartKind;

/* "frequency", "duration", "face", "sides", "regions", "time-of-day", "triggers", "mrs". */
const char *md_chart_kind_id        (MdChartKind kind);
gboolean    md_chart_kind_from_id   (const char *id, MdChartKind *out);
const char *md_chart_kind_label     (MdChartKind kind);
/* Whether md_chart_draw can draw @kind (FALSE for MD_CHART_FACE: see md-face-map.h). */
gboolean    md_chart_kind_available (MdChartKind kind);

/* @highlight: the item (bar, bucket) to mark, or -1. */
void     md_chart_draw_frequency   (cairo_t *cr, const MdStats *stats, const MdDrawStyle *style,
                                    double width, double height, int highlight);
void     md_chart_draw_duration    (cairo_t *cr, const MdStats *stats, const MdDrawStyle *style,
                                    double width, double height, int highlight);
void     md_chart_draw_sides       (cairo_t *cr, const MdStats *stats, const MdDrawStyle *style,
                                    double width, double height, int highlight);
void     md_chart_draw_regions     (cairo_t *cr, const MdStats *stats, const MdDrawStyle *style,
                                    double width, double height, int highlight);
void     md_chart_draw_time_of_day (cairo_t *cr, const MdStats *stats, const MdDrawStyle *style,
                                    double width, double height, int highlight);
void     md_chart_draw_triggers    (cairo_t *cr, const MdStats *stats, const MdDrawStyle *style,
                                    double width, double height, int highlight);
/* The chart of custom symptom @index (stats->symptom_names): the mean rating per day or week. */
void     md_chart_draw_symptom     (cairo_t *cr, const MdStats *stats, guint index, const MdDrawStyle *style,
                                    double width, double height);
/* The height of the medicine bands drawn under the frequency chart at that size (0 when there
 * is no medicine in the period). */
double   md_chart_medicine_bands_height (const MdStats *stats, const MdDrawStyle *style, double height);

/* Dispatches on @kind; FALSE (and nothing drawn) when the kind is not available. */
gboolean md_chart_draw             (cairo_t *cr, MdChartKind kind, const MdStats *stats,
                                    const MdDrawStyle *style, double width, double height,
                                    int highlight);

/* Whether the chart shows its "Nothing logged in this period" state. */
gboolean md_chart_is_empty   (MdChartKind kind, const MdStats *stats);
/* How many items (bars or buckets; two per factor for triggers) hit tests can return. */
guint    md_chart_n_items    (MdChartKind kind, const MdStats *stats);
/* The item under (@x, @y) in a chart drawn at @width x @height, or -1. */
int      md_chart_hit_test   (MdChartKind kind, const MdStats *stats, const MdDrawStyle *style,
                              double width, double height, double x, double y);
/* The exact value of an item, as a sentence for a tooltip or a screen reader. */
char    *md_chart_item_text  (MdChartKind kind, const MdStats *stats, guint index) G_GNUC_WARN_UNUSED_RESULT;
/* A sentence or two with the key numbers, for the accessible description. */
char    *md_chart_describe   (MdChartKind kind, const MdStats *stats) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

G_BEGIN_DECLS

#define MD_CHART_ERROR (md_chart_error_quark ())
typedef enum {
  MD_CHART_ERROR_FORMAT,
  MD_CHART_ERROR_UNAVAILABLE,
  MD_CHART_ERROR_WRITE,
} MdChartError;
GQuark   md_chart_error_quark (void);

/* Whether @path ends in .png, .svg or .pdf (case-insensitive). */
gboolean md_chart_file_format_ok (const char *path);
/* Draws @kind on the style's background into a PNG, SVG or PDF file chosen by the name. */
gboolean md_chart_save           (MdChartKind        kind,
                                  const MdStats     *stats,
                                  const MdDrawStyle *style,
                                  int                width,
                                  int                height,
                                  const char        *path,
                                  GError           **error);

G_END_DECLS
