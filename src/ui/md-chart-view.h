/* md-chart-view.h: a thin widget around the chart renderers (src/draw/md-chart.h). */
#pragma once

#include <gtk/gtk.h>

#include "md-chart.h"

G_BEGIN_DECLS

#define MD_TYPE_CHART_VIEW (md_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (MdChartView, md_chart_view, MD, CHART_VIEW, GtkWidget)

GtkWidget   *md_chart_view_new           (MdChartKind kind);
MdChartKind  md_chart_view_get_kind      (MdChartView *self);
void         md_chart_view_set_kind      (MdChartView *self,
                                          MdChartKind  kind);
MdStats     *md_chart_view_get_stats     (MdChartView *self);
void         md_chart_view_set_stats     (MdChartView *self,
                                          MdStats     *stats);
/* The item marked by the keyboard or the pointer, or -1. */
int          md_chart_view_get_selected  (MdChartView *self);
void         md_chart_view_set_selected  (MdChartView *self,
                                          int          index);
/* The exact value of the selected item, or NULL. */
char        *md_chart_view_dup_selected_text (MdChartView *self) G_GNUC_WARN_UNUSED_RESULT;
/* The text summary also set as the accessible description. */
const char  *md_chart_view_get_summary   (MdChartView *self);

/* Shows one of her own daily symptoms (md_chart_draw_symptom) instead of the view's kind. */
void         md_chart_view_set_symptom   (MdChartView *self,
                                          const char  *name);
/* Whether the chart has nothing to show (its middle then says so). */
gboolean     md_chart_view_is_empty      (MdChartView *self);

G_END_DECLS
