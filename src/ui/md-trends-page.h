/* md-trends-page.h: the charts of a chosen period (30 days, 90 days, a year, all). */
#pragma once

#include <gtk/gtk.h>

#include "md-stats.h"
#include "md-diary.h"

G_BEGIN_DECLS

typedef enum {
  MD_TRENDS_30_DAYS,
  MD_TRENDS_90_DAYS,
  MD_TRENDS_YEAR,
  MD_TRENDS_ALL,
} MdTrendsRange;

#define MD_TYPE_TRENDS_PAGE (md_trends_page_get_type ())
G_DECLARE_FINAL_TYPE (MdTrendsPage, md_trends_page, MD, TRENDS_PAGE, GtkWidget)

GtkWidget     *md_trends_page_new       (void);
void           md_trends_page_set_diary (MdTrendsPage *self,
                                         MdDiary      *diary);
MdTrendsRange  md_trends_page_get_range (MdTrendsPage *self);
/* TRUE while the period chosen is being worked out in the background (the charts shown are
 * still the previous period's, dimmed). */
gboolean       md_trends_page_is_working (MdTrendsPage *self);
void           md_trends_page_set_range (MdTrendsPage *self,
                                         MdTrendsRange range);
/* The statistics every chart shows now (NULL before a diary is set). */
MdStats       *md_trends_page_get_stats (MdTrendsPage *self);
/* Whether @range's statistics are already worked out (shown at once when chosen). */
gboolean       md_trends_page_is_ready  (MdTrendsPage *self,
                                         MdTrendsRange range);
/* The chart widgets, in page order (MdChartView*), for tests. */
GPtrArray     *md_trends_page_get_charts (MdTrendsPage *self);

/* Her own daily symptoms (the "custom-symptoms" setting): a chart card each, after the others. */
void           md_trends_page_set_symptom_names (MdTrendsPage       *self,
                                                 const char * const *names);

G_END_DECLS
