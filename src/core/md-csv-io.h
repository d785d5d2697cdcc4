/* md-csv-io.h: what the CSV kinds (episodes, check-ins) share; internal to src/core.
 *
 * An RFC 4180 tokenizer (UTF-8 checked later, optional BOM, LF or CRLF; in a file whose first
 * line ends in CRLF, CRLF inside quotes is read as LF), the header and row checks every kind
 * makes, "FILE:LINE: message" reports, field quoting for export, and reading and writing
 * files ("-" = standard input or output). Errors are in the MD_CSV_ERROR domain.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One record (a logical CSV row) as cut by the tokenizer. */
typedef struct {
  guint      line;          /* physical line the record starts on, from 1 */
  GPtrArray *fields;        /* char*, raw bytes (not yet checked for UTF-8) */
  gboolean   quoted_first;  /* the first field was quoted (so "" is not a blank line) */
  char      *error;         /* the first syntax problem, or NULL */
  gboolean   fatal;         /* the input cannot be cut any further (unterminated quote) */
} MdCsvRecord;

/* Collects "FILE:LINE: message" strings. */
typedef struct {
  const char *filename;
  GPtrArray  *errors;       /* char* */
} MdCsvReport;

void     md_csv_report_add       (MdCsvReport *rep,
                                  guint        line,
                                  const char  *format,
                                  ...) G_GNUC_PRINTF (3, 4);

/* A value as shown in a message: in "quotes", control characters escaped, long text cut. */
char    *md_csv_quote_value      (const char *value) G_GNUC_WARN_UNUSED_RESULT;

/* Sets the closing error of a failed parse (how many rows were bad, or @not_this_kind when the
 * file itself is wrong) and hands over the row messages; always returns FALSE. */
gboolean md_csv_fail_parse       (GPtrArray   **errors,
                                  guint         n_bad_rows,
                                  const char   *filename,
                                  const char   *not_this_kind,
                                  GPtrArray   **row_errors,
                                  GError      **error);

/* Called with each record that is not blank; the first one is the header. Returns FALSE for a
 * bad header (reading stops) or a bad row (counted). */
typedef gboolean (*MdCsvRecordFunc) (const MdCsvRecord *record,
                                     gboolean           is_header,
                                     gpointer           user_data);

/* Cuts @data into records (a leading BOM skipped, blank lines ignored) and hands them to @func,
 * stopping after a bad header or a record that cannot be cut any further. Returns FALSE when
 * there was no record at all (an empty file). *n_bad_rows: rows for which @func said FALSE. */
gboolean md_csv_for_each_record  (const char      *data,
                                  gsize            length,
                                  MdCsvRecordFunc  func,
                                  gpointer         user_data,
                                  guint           *n_bad_rows);

/* Reads a CSV file or standard input ("-") a piece at a time, so that a large import never
 * holds the whole text: records are cut as the bytes arrive, exactly as
 * md_csv_for_each_record cuts a whole text. */
typedef struct _MdCsvReader MdCsvReader;

MdCsvReader *md_csv_reader_open  (const char  *path,
                                  GError     **error);
void         md_csv_reader_free  (MdCsvReader *self);
/* A reader of @fd (closed by the reader when @owns_fd), called @name in messages. */
MdCsvReader *md_csv_reader_new_for_fd (int         fd,
                                       const char *name,
                                       gboolean    owns_fd);
/* Reads at least @chunk bytes at a time (256 KiB by default); tests make it tiny so that
 * every record boundary falls between two reads somewhere. */
void         md_csv_reader_set_chunk  (MdCsvReader *self,
                                       gsize        chunk);
/* What messages call it: the path, or "(standard input)". */
const char  *md_csv_reader_get_name (MdCsvReader *self);
/* The bytes read so far and not yet cut, at least the first line (or all of a short input),
 * to tell the kind of file from its header. */
gboolean     md_csv_reader_peek  (MdCsvReader  *self,
                                  const char  **data,
                                  gsize        *length,
                                  GError      **error);
/* md_csv_for_each_record over the rest of the input. FALSE only when it cannot be read. */
gboolean     md_csv_reader_for_each_record (MdCsvReader     *self,
                                            MdCsvRecordFunc  func,
                                            gpointer         user_data,
                                            gboolean        *have_header,
                                            guint           *n_bad_rows,
                                            GError         **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdCsvReader, md_csv_reader_free)

/* md_csv_parse and md_checkin_csv_parse of what @reader reads (md-csv.c, md-checkin-csv.c). */
GPtrArray   *md_csv_parse_reader         (MdCsvReader *reader,
                                          GTimeZone   *local_tz,
                                          gint64       now_utc,
                                          GPtrArray  **row_errors,
                                          GError     **error);
GPtrArray   *md_checkin_csv_parse_reader (MdCsvReader *reader,
                                          GPtrArray  **row_errors,
                                          GError     **error);

/* Imports episodes from @reader as md_csv_import_file does (md-csv.c). */
struct _MdStore;
/* The medicines and rating scale kinds (md-medicine-csv.c, md-mrs-csv.c): *n_replaced = rows
 * that replaced a stored medicine (same name and start) or day. */
GPtrArray   *md_medicine_csv_parse_reader (MdCsvReader *reader,
                                           GPtrArray  **row_errors,
                                           GError     **error);
GPtrArray   *md_mrs_csv_parse_reader      (MdCsvReader *reader,
                                           GPtrArray  **row_errors,
                                           GError     **error);
gboolean     md_medicine_csv_import_reader (struct _MdStore *store,
                                            MdCsvReader     *reader,
                                            guint           *n_imported,
                                            guint           *n_replaced,
                                            GPtrArray      **row_errors,
                                            GError         **error);
gboolean     md_mrs_csv_import_reader      (struct _MdStore *store,
                                            MdCsvReader     *reader,
                                            guint           *n_imported,
                                            guint           *n_replaced,
                                            GPtrArray      **row_errors,
                                            GError         **error);
gboolean     md_csv_import_reader (struct _MdStore *store,
                                   MdCsvReader     *reader,
                                   guint           *n_added,
                                   guint           *n_skipped,
                                   GPtrArray      **row_errors,
                                   GError         **error);

/* Reads a header record against @names (n_cols column names, in export order): fills @map
 * (column -> field index, -1 when absent) and reports bad text, unknown and repeated columns.
 * Required columns are for the caller to check. */
gboolean md_csv_parse_header     (const MdCsvRecord  *record,
                                  const char * const *names,
                                  guint               n_cols,
                                  int                *map,
                                  MdCsvReport        *rep);

/* Checks a data record (no syntax problem, as many fields as the header) and fills @values
 * (n_cols entries; NULL for an absent column). Spaces around a value are stripped except in the
 * columns set in @keep_spaces (bit c = column c); stripped copies are added to @owned.
 * Reports and returns FALSE when the record is bad or a value is not valid UTF-8. */
gboolean md_csv_row_values       (const MdCsvRecord  *record,
                                  guint               n_header_fields,
                                  const char * const *names,
                                  guint               n_cols,
                                  const int          *map,
                                  guint32             keep_spaces,
                                  const char        **values,
                                  GPtrArray          *owned,
                                  MdCsvReport        *rep);

/* Parses a whole number made of ASCII digits only; FALSE when it is not one or above @max. */
gboolean md_csv_parse_whole      (const char *text,
                                  gint64      max,
                                  gint64     *out);

/* Appends @value as a field, quoted only where needed (separators, quotes, line ends,
 * spaces at either end). */
void     md_csv_append_field     (GString    *s,
                                  const char *value);

/* Reads @path ("-" = standard input); *display_name is what messages call it. */
gboolean md_csv_read_input       (const char  *path,
                                  char       **contents,
                                  gsize       *length,
                                  const char **display_name,
                                  GError     **error);

/* Writes @text to @path ("-" = standard output); a file is replaced atomically, mode 0600. */
gboolean md_csv_write_output     (const char  *path,
                                  const char  *text,
                                  GError     **error);

G_END_DECLS
