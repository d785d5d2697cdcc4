/* md-report-private.h: the parts of the clinician summary kept in their own files. */
#pragma once

#include <glib.h>

#include "md-doc.h"

G_BEGIN_DECLS

/* The first local day of the diary (its earliest episode or check-in), or G_MAXINT64. */
gint64 md_report_first_day        (GPtrArray *episodes,
                                   GPtrArray *checkins);

/* "Key findings": side, days, spread, weekly trend, the warning signs not recorded and
 * since when the diary is kept, each as a whole sentence built from the data. */
void   md_report_add_key_findings (MdDoc     *doc,
                                   GPtrArray *episodes,
                                   GPtrArray *checkins,
                                   gint64     from_day,
                                   gint64     to_day);

/* The menopause picture (md-report-menopause.c): status and HRT, medicines with their dates,
 * the last period and cycle lengths, the rating scale, her own symptoms, and a medicine started
 * within 14 days before twitching began, as context. Nothing when none of it was recorded. */
#include "md-report.h"
void   md_report_add_menopause    (MdDoc              *doc,
                                   const MdReportInfo *info,
                                   GPtrArray          *episodes,
                                   GPtrArray          *checkins);

G_END_DECLS
