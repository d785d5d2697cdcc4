/* md-checkin-csv.h: the check-in CSV format (a contract, documented in README), the second
 * CSV kind beside the episodes of md-csv.h.
 *
 * Header: day,sleep_hours,sleep_quality,caffeine_cups,caffeine_mg,water_glasses,stress,
 *         hot_flashes,supplements,medicines_started,medicines_stopped,note,bleeding,symptoms
 * bleeding is none, spotting, light, medium or heavy; symptoms the custom symptoms rated that
 * day, "name=value;name=value" (0 .. 10). Both were added with schema 4: a file without them
 * still imports, and keeps the stored answers of those columns.
 * Columns in any order; only day (YYYY-MM-DD) is required; an unknown or repeated column is
 * an error. The same RFC 4180 rules as episodes (UTF-8, optional BOM, LF or CRLF, blank lines
 * ignored). An empty value = not answered. sleep_hours is decimal hours ("6.5"), read to the
 * nearest whole minute and written with at most 2 decimals (trailing zeros trimmed), so every
 * whole number of minutes survives export → import → export byte for byte. supplements are
 * names separated by ";". Spaces around values are ignored except in the three text columns
 * (medicines_started, medicines_stopped, note). A day may appear once per file. Import is
 * all or nothing and replaces the check-ins of the days it contains.
 */
#pragma once

#include <gio/gio.h>

#include "md-checkin.h"
#include "md-csv.h"

G_BEGIN_DECLS

#define MD_CHECKIN_CSV_HEADER \
  "day,sleep_hours,sleep_quality,caffeine_cups,caffeine_mg,water_glasses,stress,hot_flashes," \
  "supplements,medicines_started,medicines_stopped,note,bleeding,symptoms"

/* The kinds of CSV file Menodiary reads. */
typedef enum {
  MD_CSV_KIND_EPISODES,
  MD_CSV_KIND_CHECKINS,
  MD_CSV_KIND_MEDICINES,
  MD_CSV_KIND_MRS,
} MdCsvKind;

/* The kind of a CSV text, from its first line that is not blank: a header with a "started_at"
 * column is episodes; one with a "day" column is rating scale answers when it has any of the
 * scale's item columns (hot_flushes, ...), else check-ins; one with a "name" column (and
 * neither of those) is medicines; anything else (even an empty text) is episodes. */
MdCsvKind  md_csv_detect_kind          (const char *data,
                                        gsize       length);

/* Parses a whole check-in CSV text. On success returns the check-ins (MdCheckin*, file
 * order). On bad data returns NULL, sets MD_CSV_ERROR_BAD_DATA and fills @row_errors (char*,
 * "FILE:LINE: column: what is wrong", every bad row). @filename is only used in messages. */
GPtrArray *md_checkin_csv_parse        (const char *data,
                                        gsize       length,
                                        const char *filename,
                                        GPtrArray **row_errors,
                                        GError    **error) G_GNUC_WARN_UNUSED_RESULT;

/* Formats check-ins (in the given order) as CSV with the header; lines end in LF. */
char      *md_checkin_csv_format       (GPtrArray *checkins) G_GNUC_WARN_UNUSED_RESULT;

/* Parses @data and stores it all or nothing; *n_imported = rows, *n_replaced = days among
 * them that already had a check-in (now replaced). */
gboolean   md_checkin_csv_import_data  (MdStore    *store,
                                        const char *data,
                                        gsize       length,
                                        const char *filename,
                                        guint      *n_imported,
                                        guint      *n_replaced,
                                        GPtrArray **row_errors,
                                        GError    **error);

/* Writes every check-in, oldest first, to @path ("-" = standard output); a file is replaced
 * atomically and gets mode 0600. */
gboolean   md_checkin_csv_export_file  (MdStore    *store,
                                        const char *path,
                                        GError    **error);

/* Reads @path ("-" = standard input), finds its kind (md_csv_detect_kind) and imports it:
 * episodes as md_csv_import_file (*n_other = skipped duplicates), check-ins as
 * md_checkin_csv_import_data (*n_other = replaced days), medicines (*n_other = replaced
 * medicines, same name and start) and rating scale answers (*n_other = replaced days). */
gboolean   md_csv_import_any_file      (MdStore    *store,
                                        const char *path,
                                        MdCsvKind  *kind,
                                        guint      *n_imported,
                                        guint      *n_other,
                                        GPtrArray **row_errors,
                                        GError    **error);

G_END_DECLS
