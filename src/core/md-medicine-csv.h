/* md-medicine-csv.h: the medicines CSV format (a contract, documented in README).
 *
 * Header: name,kind,dose,started,stopped,note
 * name and kind are required columns (and values); kind is hrt, preventive, as-needed,
 * supplement or other; started and stopped are YYYY-MM-DD or empty (stopped empty while it is
 * still taken; not before started). dose and note are free text and keep their spaces. The same
 * RFC 4180 rules and all-or-nothing import as the other kinds. A row with the same name and
 * start as a medicine already in the diary replaces it; the same name and start twice in one
 * file is an error. Export: every medicine, those without a start first, then by start, name.
 */
#pragma once

#include <gio/gio.h>

#include "md-medicine.h"

G_BEGIN_DECLS

#define MD_MEDICINE_CSV_HEADER "name,kind,dose,started,stopped,note"

/* Parses a whole medicines CSV text (MdMedicine*, file order), or NULL with
 * MD_CSV_ERROR_BAD_DATA and @row_errors ("FILE:LINE: column: what is wrong"). */
GPtrArray *md_medicine_csv_parse       (const char *data,
                                        gsize       length,
                                        const char *filename,
                                        GPtrArray **row_errors,
                                        GError    **error) G_GNUC_WARN_UNUSED_RESULT;
/* The header, then one line per medicine in the given order, LF line ends. */
char      *md_medicine_csv_format      (GPtrArray *medicines) G_GNUC_WARN_UNUSED_RESULT;
/* Every medicine to @path ("-" = standard output), 0600, replaced atomically. */
gboolean   md_medicine_csv_export_file (MdStore    *store,
                                        const char *path,
                                        GError    **error);

G_END_DECLS
