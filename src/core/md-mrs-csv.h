/* md-mrs-csv.h: the Menopause Rating Scale CSV format (a contract, documented in README).
 *
 * Header: day,hot_flushes,heart_discomfort,sleep_problems,depressive_mood,irritability,anxiety,
 *         exhaustion,sexual_problems,bladder_problems,vaginal_dryness,joint_muscle_discomfort
 * Only day (YYYY-MM-DD) is required, once per file; each item is a whole number from 0 (none)
 * to 4 (very severe) or empty (not answered). Columns in any order. A day already in the diary
 * is replaced for the columns the file has (an absent column keeps the stored answer), as for
 * check-ins. Export: every day, oldest first.
 */
#pragma once

#include <gio/gio.h>

#include "md-mrs.h"

G_BEGIN_DECLS

#define MD_MRS_CSV_HEADER \
  "day,hot_flushes,heart_discomfort,sleep_problems,depressive_mood,irritability,anxiety," \
  "exhaustion,sexual_problems,bladder_problems,vaginal_dryness,joint_muscle_discomfort"

GPtrArray *md_mrs_csv_parse       (const char *data,
                                   gsize       length,
                                   const char *filename,
                                   GPtrArray **row_errors,
                                   GError    **error) G_GNUC_WARN_UNUSED_RESULT;
char      *md_mrs_csv_format      (GPtrArray *list) G_GNUC_WARN_UNUSED_RESULT;
gboolean   md_mrs_csv_export_file (MdStore    *store,
                                   const char *path,
                                   GError    **error);

G_END_DECLS
