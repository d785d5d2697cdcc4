/* md-csv.c: placeholder until the CSV work lands. */
#include "config.h"
#include <glib/gi18n-lib.h>
#include "md-csv.h"

G_DEFINE_QUARK (md-csv-error-quark, md_csv_error)

gboolean
md_csv_import_file (MdStore *store, const char *path, guint *n_added, guint *n_skipped,
                    GPtrArray **row_errors, GError **error)
{
  g_set_error_literal (error, MD_CSV_ERROR, MD_CSV_ERROR_IO, "not yet written");
  return FALSE;
}

gboolean
md_csv_export_file (MdStore *store, const char *path, GError **error)
{
  g_set_error_literal (error, MD_CSV_ERROR, MD_CSV_ERROR_IO, "not yet written");
  return FALSE;
}
