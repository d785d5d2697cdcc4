/* md-print-operation.h: printing the clinician summary (the same MdDoc as the PDF). */
#pragma once

#include <gtk/gtk.h>

#include "md-report.h"
#include "md-diary.h"

G_BEGIN_DECLS

#define MD_TYPE_PRINT_OPERATION (md_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (MdPrintOperation, md_print_operation, MD, PRINT_OPERATION, GtkPrintOperation)

/* @info is copied (its strings too). */
MdPrintOperation *md_print_operation_new (MdDiary            *diary,
                                          const MdReportInfo *info);
/* Pages laid out by the last begin-print, for tests. */
guint             md_print_operation_get_n_pages (MdPrintOperation *self);

G_END_DECLS
