/* md-report.h: the clinician summary, laid out as an MdDoc (GTK-free).
 *
 * One or two A4 or Letter pages a doctor can read in a minute: alerts first, then the
 * numbers, two charts, the daily context, and the patient's own notes, marked as such.
 */
#pragma once

#include <glib.h>

#include "md-doc.h"
#include "md-draw-style.h"
#include "md-diary.h"
#include "md-store.h"

G_BEGIN_DECLS

typedef struct {
  const char *patient_name;   /* NULL or "" = left out */
  const char *birth_date;     /* "YYYY-MM-DD", NULL or "" = left out */
  gint64      from_day;       /* the period, local days, inclusive */
  gint64      to_day;
  gint64      made_utc;       /* when the summary is made */
  gint32      made_offset_s;
  gboolean    letter;         /* US Letter instead of A4 */
  double      page_width;     /* points; 0 = A4 or Letter as above (a printer may ask for another) */
  double      page_height;
  /* The menopause picture (all optional): stage ("perimenopause", "menopause",
   * "postmenopause", "not-sure"), HRT ("yes", "no"), the first day of the last period as she
   * gave it ("YYYY-MM-DD"). md_report_build_from_store fills @medicines and @mrs when NULL. */
  const char *stage;
  const char *hrt;
  const char *last_period;
  GPtrArray  *medicines;      /* MdMedicine* */
  GPtrArray  *mrs;            /* MdMrs* of the period, oldest first */
} MdReportInfo;

/* @episodes: MdEpisode*, oldest first, at least those of the period (earlier ones are used as
 * context by the rules, later ones are ignored). @checkins: MdCheckin* of the period.
 * @flags: MdFlag* active at the end of the period; @earlier: MdFlag* raised earlier in the period
 * that are no longer active (see md_rules_evaluate_period), both with discussed set. */
MdDoc *md_report_build (const MdReportInfo *info,
                        GPtrArray          *episodes,
                        GPtrArray          *checkins,
                        GPtrArray          *flags,
                        GPtrArray          *earlier,
                        const MdDrawStyle  *style) G_GNUC_WARN_UNUSED_RESULT;

/* Loads the period from @store (the diary up to its end, its check-ins, the alerts with their
 * "discussed" marks) and builds the summary. */
MdDoc *md_report_build_from_store (MdStore            *store,
                                   const MdReportInfo *info,
                                   const MdDrawStyle  *style,
                                   GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* The same, for the diary every view reads (the report, the print dialog and --report). */
MdDoc *md_report_build_for_diary (MdDiary            *diary,
                                  const MdReportInfo *info,
                                  const MdDrawStyle  *style,
                                  GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* The default paper for the user's locale: Letter in the US, Canada and Mexico, else A4. */
gboolean md_report_default_letter (void);

G_END_DECLS
