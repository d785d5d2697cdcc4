/* md-csv.h: the episode CSV format (a contract, documented in README).
 *
 * Header: started_at,regions,side,duration_s,intensity,signs,triggers,notes
 * Columns in any order; started_at and regions required; an unknown or repeated column is an
 * error. RFC 4180 quoting, UTF-8, optional BOM, LF or CRLF line ends (in a file whose first
 * line ends in CRLF, CRLF inside quotes is read as LF); fully empty lines are ignored. Spaces
 * around values are ignored except in notes. Empty side/duration_s/intensity = unknown, empty
 * signs/triggers = none. Export writes offsets as ±HH:MM (UTC as +00:00), LF line ends and
 * quotes only where needed, so export → import → export is byte-identical.
 */
#pragma once

#include <gio/gio.h>

#include "md-store.h"

G_BEGIN_DECLS

#define MD_CSV_HEADER "started_at,regions,side,duration_s,intensity,signs,triggers,notes"

#define MD_CSV_ERROR (md_csv_error_quark ())
typedef enum {
  MD_CSV_ERROR_BAD_DATA,  /* one or more rows are wrong: nothing was imported */
  MD_CSV_ERROR_IO,        /* the file could not be read or written */
} MdCsvError;
GQuark     md_csv_error_quark (void);

/* Parses a whole CSV text. On success returns the episodes (MdEpisode*, file order).
 * On bad data returns NULL, sets MD_CSV_ERROR_BAD_DATA, and fills @row_errors (char*, each
 * "FILE:LINE: what is wrong", every bad row, LINE = the physical line the record starts on).
 * @filename is only used in messages. @now_utc rejects starts more than 5 minutes ahead.
 * @local_tz: zone for times without an offset (NULL = the machine's). */
GPtrArray *md_csv_parse      (const char *data,
                              gsize       length,
                              const char *filename,
                              GTimeZone  *local_tz,
                              gint64      now_utc,
                              GPtrArray **row_errors,
                              GError    **error) G_GNUC_WARN_UNUSED_RESULT;

/* Formats episodes (in the given order) as CSV with the header; lines end in LF. */
char      *md_csv_format     (GPtrArray *episodes) G_GNUC_WARN_UNUSED_RESULT;

/* Reads @path ("-" = standard input) and imports it all or nothing into @store, skipping
 * duplicates (md_episode_same_event). Starts are checked against md_store_get_now(); times
 * without an offset use the machine's zone. A file that cannot be read: MD_CSV_ERROR_IO. */
gboolean   md_csv_import_file (MdStore    *store,
                               const char *path,
                               guint      *n_added,
                               guint      *n_skipped,
                               GPtrArray **row_errors,
                               GError    **error);

/* md_csv_import_file on text already read; @filename is only used in messages. */
gboolean   md_csv_import_data (MdStore    *store,
                               const char *data,
                               gsize       length,
                               const char *filename,
                               guint      *n_added,
                               guint      *n_skipped,
                               GPtrArray **row_errors,
                               GError    **error);

/* Writes every episode, oldest first, to @path ("-" = standard output); a file is replaced
 * atomically and gets mode 0600. */
gboolean   md_csv_export_file (MdStore    *store,
                               const char *path,
                               GError    **error);

G_END_DECLS
