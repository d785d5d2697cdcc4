/* md-summary-dialog.h: choose the period and paper, then print or save the clinician summary. */
#pragma once

#include <adwaita.h>

#include "md-report.h"
#include "md-diary.h"

G_BEGIN_DECLS

#define MD_TYPE_SUMMARY_DIALOG (md_summary_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MdSummaryDialog, md_summary_dialog, MD, SUMMARY_DIALOG, AdwWindow)

/* @settings may be NULL (no name or date of birth then). */
MdSummaryDialog *md_summary_dialog_new (GtkWindow *parent,
                                        MdDiary   *diary,
                                        GSettings *settings);

/* Chooses "Chosen dates" with this first and last day, as picking them in the calendars does. */
void     md_summary_dialog_set_period (MdSummaryDialog *self,
                                       gint64           from_day,
                                       gint64           to_day);
/* FALSE while the chosen period cannot be printed (its last day before its first); Print and
 * Save as PDF are then off. */
gboolean md_summary_dialog_can_print  (MdSummaryDialog *self);
/* What the dialog would print now. */
void     md_summary_dialog_get_info   (MdSummaryDialog *self,
                                       MdReportInfo    *info);
/* Exports through GtkPrintOperation (what "Print…" does with "Print to File"); for tests. */
gboolean md_summary_dialog_export_pdf (MdSummaryDialog *self,
                                       const char      *path,
                                       GError         **error);
/* Writes the PDF directly (what "Save as PDF…" does after the file chooser). */
gboolean md_summary_dialog_save_pdf   (MdSummaryDialog *self,
                                       const char      *path,
                                       GError         **error);

G_END_DECLS
