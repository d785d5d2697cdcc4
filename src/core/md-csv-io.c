/* md-csv-io.c: the RFC 4180 tokenizer, header and row checks, "FILE:LINE: message" reports,
 * field quoting and file input and output shared by the episode and check-in CSV kinds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-csv"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "md-csv.h"
#include "md-csv-io.h"
#include "md-output.h"

/* A NUL byte is not text: it is kept as a byte that is never valid UTF-8, so that the field
 * (a C string) is reported as not valid UTF-8 with its column instead of being cut short. */
#define NUL_MARK '\xff'

typedef struct {
  const char *p;
  const char *end;
  guint       line;
  gboolean    crlf_file;    /* the first line ends in CRLF: CRLF inside quotes becomes LF */
  gboolean    more;         /* more input may follow @end (the streaming reader) */
  GString    *scratch;      /* the fields of the record being cut, each ended by a NUL */
  GArray     *starts;       /* gsize: where each field starts in @scratch */
  GPtrArray  *fields;       /* the fields handed to the record (borrowed until the next one) */
} Tokenizer;

typedef enum {
  RECORD_END,               /* no more input */
  RECORD_READ,
  RECORD_INCOMPLETE,        /* the record goes on past @end: read more and cut it again */
} RecordResult;

/* The record's fields belong to the tokenizer, which reuses them for the next record. */
static void
record_clear (MdCsvRecord *r)
{
  r->fields = NULL;
  g_clear_pointer (&r->error, g_free);
}

/* g_string_append_len without its call into g_string_insert_len (a field at a time, this was a
 * tenth of cutting a file). */
static inline void
scratch_append (GString    *s,
                const char *p,
                gsize       n)
{
  gsize old = s->len;

  if (G_LIKELY (old + n < s->allocated_len))
    {
      memcpy (s->str + old, p, n);
      s->len = old + n;
      s->str[s->len] = '\0';
      return;
    }
  g_string_append_len (s, p, n);
}

static void
record_set_error (MdCsvRecord *r,
                  const char  *message)
{
  if (r->error == NULL)
    r->error = g_strdup (message);
}

void
md_csv_report_add (MdCsvReport *rep,
                   guint        line,
                   const char  *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (rep->errors, g_strdup_printf ("%s:%u: %s", rep->filename, line, message));
}

/* Ends the field that started at @start in the tokenizer's scratch text. */
static void
end_field (Tokenizer *t,
           GArray    *starts,
           gsize      start)
{
  scratch_append (t->scratch, "", 1);
  if (G_LIKELY (starts->len < t->fields->len))
    {
      /* Room kept from earlier records: no call per field. */
      ((gsize *) (gpointer) starts->data)[starts->len++] = start;
      return;
    }
  g_array_append_val (starts, start);
}

/* At the end of a field: TRUE past a comma (another field follows), FALSE past the line end
 * or at the end of the input (the record is whole). */
static gboolean
step_past_field (Tokenizer *t)
{
  if (t->p >= t->end)
    return FALSE;
  if (*t->p == ',')
    {
      t->p++;
      return TRUE;
    }
  if (*t->p == '\r')
    t->p++;
  t->p++;  /* the '\n' */
  t->line++;
  return FALSE;
}

/* Points the record's fields into the scratch text, now that it no longer moves. */
static RecordResult
record_read (Tokenizer   *t,
             MdCsvRecord *r,
             GArray      *starts)
{
  g_ptr_array_set_size (t->fields, starts->len);
  for (guint i = 0; i < starts->len; i++)
    t->fields->pdata[i] = t->scratch->str + g_array_index (starts, gsize, i);
  r->fields = t->fields;
  return RECORD_READ;
}

/* Cuts the next record. With t->more, the input ends after a line end, so only a quoted
 * field can run past it (RECORD_INCOMPLETE). The fields are written one after another, each
 * ended by a NUL, into t->scratch, which the record borrows until the next one is cut: no
 * allocation per field. */
static RecordResult
next_record (Tokenizer   *t,
             MdCsvRecord *r)
{
  GString *field = t->scratch;
  GArray *starts = t->starts;

  memset (r, 0, sizeof *r);
  if (t->p >= t->end)
    return RECORD_END;

  r->line = t->line;
  g_string_truncate (field, 0);
  g_array_set_size (starts, 0);

  for (;;)
    {
      gboolean quoted = FALSE;
      const char *q = t->p;
      gsize start = field->len;

      /* The common field, plain text ended by a comma or a line end: copied in one go. */
      while (q < t->end && *q != ',' && *q != '\n' && *q != '\r' && *q != '"' && *q != '\0')
        q++;
      if ((q > t->p || q >= t->end || *q != '"') &&
          (q >= t->end || *q == ',' || *q == '\n' || (*q == '\r' && q + 1 < t->end && q[1] == '\n')))
        {
          if (starts->len == 0)
            r->quoted_first = FALSE;
          scratch_append (field, t->p, q - t->p);
          end_field (t, starts, start);
          t->p = q;
          if (step_past_field (t))
            continue;
          return record_read (t, r, starts);
        }

      if (t->p < t->end && *t->p == '"')
        {
          gboolean closed = FALSE;

          quoted = TRUE;
          t->p++;
          while (t->p < t->end)
            {
              char c = *t->p;

              if (c == '"')
                {
                  if (t->p + 1 < t->end && t->p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      t->p += 2;
                      continue;
                    }
                  t->p++;
                  closed = TRUE;
                  break;
                }
              if (c == '\r' && t->crlf_file && t->p + 1 < t->end && t->p[1] == '\n')
                {
                  g_string_append_c (field, '\n');
                  t->p += 2;
                  t->line++;
                  continue;
                }
              if (c == '\n')
                t->line++;
              g_string_append_c (field, c != '\0' ? c : NUL_MARK);
              t->p++;
            }
          if (!closed && t->more)
            {
              record_clear (r);
              return RECORD_INCOMPLETE;
            }
          if (!closed)
            {
              record_set_error (r, _("a quoted field is not closed: a \" is missing"));
              r->fatal = TRUE;
              end_field (t, starts, start);
              return record_read (t, r, starts);
            }
          if (t->p < t->end && *t->p != ',' && *t->p != '\n' && *t->p != '\r')
            record_set_error (r, _("there is text after the closing \" of a quoted field"));
        }

      /* Unquoted text (or stray text after a closing quote, already reported). */
      while (t->p < t->end && *t->p != ',' && *t->p != '\n')
        {
          if (*t->p == '\r')
            {
              if (t->p + 1 < t->end && t->p[1] == '\n')
                break;
              record_set_error (r, _("a carriage return that does not end a line"));
            }
          else if (*t->p == '"' && !quoted)
            record_set_error (r, _("a \" inside a field: put the field in quotes and double the \" (\"\")"));
          g_string_append_c (field, *t->p != '\0' ? *t->p : NUL_MARK);
          t->p++;
        }

      if (starts->len == 0)
        r->quoted_first = quoted;
      end_field (t, starts, start);
      if (step_past_field (t))
        continue;
      return record_read (t, r, starts);
    }
}

static gboolean
record_is_blank (const MdCsvRecord *r)
{
  return r->error == NULL && r->fields->len == 1 && !r->quoted_first &&
         *(const char *) g_ptr_array_index (r->fields, 0) == '\0';
}

/* Where a walk over the records stands: shared by whole texts and the streaming reader. */
typedef struct {
  MdCsvRecordFunc func;
  gpointer        user_data;
  gboolean        have_header;
  gboolean        stopped;   /* a bad header, or a record that cannot be cut further */
  guint           n_bad;
} Walk;

/* Hands the records of @t to the walk's function. Returns FALSE when a record runs past the
 * input (t->p is left at its start, t->line at its line). */
static gboolean
walk_records (Tokenizer *t,
              Walk      *w)
{
  MdCsvRecord r;
  RecordResult res;

  while (!w->stopped)
    {
      const char *start = t->p;
      guint line = t->line;

      res = next_record (t, &r);
      if (res == RECORD_END)
        return TRUE;
      if (res == RECORD_INCOMPLETE)
        {
          t->p = start;
          t->line = line;
          return FALSE;
        }
      if (record_is_blank (&r))
        {
          record_clear (&r);
          continue;
        }
      if (!w->have_header)
        {
          w->have_header = TRUE;
          if (!w->func (&r, TRUE, w->user_data))
            w->stopped = TRUE;
        }
      else if (!w->func (&r, FALSE, w->user_data))
        w->n_bad++;
      if (r.fatal)
        w->stopped = TRUE;
      record_clear (&r);
    }
  return TRUE;
}

static gboolean
first_line_ends_in_crlf (const char *p,
                         const char *end)
{
  const char *nl = p < end ? memchr (p, '\n', end - p) : NULL;

  return nl != NULL && nl > p && nl[-1] == '\r';
}

gboolean
md_csv_for_each_record (const char      *data,
                        gsize            length,
                        MdCsvRecordFunc  func,
                        gpointer         user_data,
                        guint           *n_bad_rows)
{
  g_autoptr(GString) scratch = g_string_sized_new (256);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  Tokenizer t = { data, data + length, 1, FALSE, FALSE, scratch, starts, fields };
  Walk w = { func, user_data, FALSE, FALSE, 0 };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    t.p += 3;
  t.crlf_file = first_line_ends_in_crlf (t.p, t.end);
  walk_records (&t, &w);

  if (n_bad_rows != NULL)
    *n_bad_rows = w.n_bad;
  return w.have_header;
}

#define READ_CHUNK (256 * 1024)

struct _MdCsvReader
{
  int         fd;
  gboolean    owns_fd;
  char       *name;
  GByteArray *buf;
  gsize       pos;           /* the first byte not yet cut into records */
  gboolean    eof;
  gboolean    started;       /* BOM skipped, line ends known */
  gboolean    crlf_file;
  guint       line;
  gsize       chunk;         /* bytes asked for at least per read */
};

MdCsvReader *
md_csv_reader_open (const char  *path,
                    GError     **error)
{
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if (strcmp (path, "-") == 0)
    fd = STDIN_FILENO;
  else
    {
      fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
      if (fd < 0)
        {
          int saved = errno;

          g_set_error (error, MD_CSV_ERROR, MD_CSV_ERROR_IO, _("Failed to open file “%s”: %s"),
                       path, g_strerror (saved));
          return NULL;
        }
    }
  return md_csv_reader_new_for_fd (fd, fd == STDIN_FILENO ? _("(standard input)") : path, fd != STDIN_FILENO);
}

MdCsvReader *
md_csv_reader_new_for_fd (int         fd,
                          const char *name,
                          gboolean    owns_fd)
{
  MdCsvReader *self = g_new0 (MdCsvReader, 1);

  self->fd = fd;
  self->owns_fd = owns_fd;
  self->name = g_strdup (name);
  self->buf = g_byte_array_new ();
  self->line = 1;
  self->chunk = READ_CHUNK;
  return self;
}

void
md_csv_reader_set_chunk (MdCsvReader *self,
                         gsize        chunk)
{
  self->chunk = MAX (chunk, 1);
}

void
md_csv_reader_free (MdCsvReader *self)
{
  if (self == NULL)
    return;
  if (self->owns_fd)
    close (self->fd);
  g_byte_array_unref (self->buf);
  g_free (self->name);
  g_free (self);
}

const char *
md_csv_reader_get_name (MdCsvReader *self)
{
  return self->name;
}

/* Appends at least @want bytes (fewer at the end of the input). */
static gboolean
read_more (MdCsvReader  *self,
           gsize         want,
           GError      **error)
{
  gsize old = self->buf->len;
  gsize got = 0;

  /* Keep only what is not cut yet. */
  if (self->pos > 0 && self->pos >= self->buf->len / 2)
    {
      g_byte_array_remove_range (self->buf, 0, self->pos);
      old = self->buf->len;
      self->pos = 0;
    }
  g_byte_array_set_size (self->buf, old + want);
  while (got < want)
    {
      gssize n = read (self->fd, self->buf->data + old + got, want - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_byte_array_set_size (self->buf, old + got);
          g_set_error (error, MD_CSV_ERROR, MD_CSV_ERROR_IO, _("Could not read “%s”: %s"),
                       self->name, g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        {
          self->eof = TRUE;
          break;
        }
      got += n;
    }
  g_byte_array_set_size (self->buf, old + got);
  return TRUE;
}

gboolean
md_csv_reader_peek (MdCsvReader  *self,
                    const char  **data,
                    gsize        *length,
                    GError      **error)
{
  /* Enough for the header: its first line, or all there is. */
  while (!self->eof && (self->buf->len == self->pos ||
                        memchr (self->buf->data + self->pos, '\n', self->buf->len - self->pos) == NULL))
    if (!read_more (self, MAX (self->chunk, self->buf->len - self->pos), error))
      return FALSE;
  *data = self->buf->len > self->pos ? (const char *) self->buf->data + self->pos : "";
  *length = self->buf->len - self->pos;
  return TRUE;
}

gboolean
md_csv_reader_for_each_record (MdCsvReader      *self,
                               MdCsvRecordFunc   func,
                               gpointer          user_data,
                               gboolean         *have_header,
                               guint            *n_bad_rows,
                               GError          **error)
{
  Walk w = { func, user_data, FALSE, FALSE, 0 };
  g_autoptr(GString) scratch = g_string_sized_new (256);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  const char *unused;
  gsize unused_len;

  if (!md_csv_reader_peek (self, &unused, &unused_len, error))
    return FALSE;
  if (!self->started)
    {
      const char *p = (const char *) self->buf->data + self->pos;
      const char *end = (const char *) self->buf->data + self->buf->len;

      if (end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
        self->pos += 3;
      if (self->buf->len > self->pos)
        self->crlf_file = first_line_ends_in_crlf ((const char *) self->buf->data + self->pos, end);
      self->started = TRUE;
    }

  while (!w.stopped)
    {
      const char *base = (const char *) self->buf->data;
      const char *end = base + self->buf->len;
      Tokenizer t;
      gboolean whole;

      if (base == NULL)
        base = end = "";
      /* Cut only up to the last line end read, unless the input has ended. */
      if (!self->eof)
        {
          const char *nl = base + self->pos;
          const char *last = NULL;

          while (nl < end && (nl = memchr (nl, '\n', end - nl)) != NULL)
            last = ++nl;
          end = last != NULL ? last : base + self->pos;
        }
      t = (Tokenizer) { base + self->pos, end, self->line, self->crlf_file, !self->eof, scratch, starts, fields };
      whole = walk_records (&t, &w);
      self->pos = t.p - base;
      self->line = t.line;
      if (self->eof && whole)
        break;
      if (w.stopped)
        break;
      /* A record runs on (or the rest has no line end yet): read more, at least as much again
       * as is waiting, so a huge quoted field is cut in linear time. */
      if (!read_more (self, MAX (self->chunk, self->buf->len - self->pos), error))
        return FALSE;
    }
  if (have_header != NULL)
    *have_header = w.have_header;
  if (n_bad_rows != NULL)
    *n_bad_rows = w.n_bad;
  return TRUE;
}

char *
md_csv_quote_value (const char *value)
{
  GString *s = g_string_new ("\"");
  guint n = 0;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == 40)
        {
          g_string_append (s, "…");
          break;
        }
      if (c == '\n')
        g_string_append (s, "\\n");
      else if (c == '\r')
        g_string_append (s, "\\r");
      else if (c == '\t')
        g_string_append (s, "\\t");
      else if (c == '"' || c == '\\')
        g_string_append_printf (s, "\\%c", (char) c);
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (s, "\\x%02x", c);
      else
        g_string_append_unichar (s, c);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

gboolean
md_csv_parse_header (const MdCsvRecord  *r,
                     const char * const *names,
                     guint               n_cols,
                     int                *map,
                     MdCsvReport        *rep)
{
  g_autoptr(GString) all = g_string_new (NULL);
  gboolean ok = TRUE;

  for (guint c = 0; c < n_cols; c++)
    {
      map[c] = -1;
      g_string_append_printf (all, "%s%s", c > 0 ? ", " : "", names[c]);
    }

  if (r->error != NULL)
    {
      md_csv_report_add (rep, r->line, _("header: %s"), r->error);
      return FALSE;
    }

  for (guint i = 0; i < r->fields->len; i++)
    {
      const char *name = g_ptr_array_index (r->fields, i);
      g_autofree char *shown = NULL;
      guint c;

      if (!g_utf8_validate (name, -1, NULL))
        {
          md_csv_report_add (rep, r->line, _("header: column %u: the text is not valid UTF-8"), i + 1);
          ok = FALSE;
          continue;
        }
      shown = md_csv_quote_value (name);
      for (c = 0; c < n_cols; c++)
        if (strcmp (name, names[c]) == 0)
          break;
      if (c == n_cols)
        {
          md_csv_report_add (rep, r->line,
                             _("header: unknown column %s (the columns are %s)"), shown, all->str);
          ok = FALSE;
        }
      else if (map[c] >= 0)
        {
          md_csv_report_add (rep, r->line, _("header: column %s appears more than once"), shown);
          ok = FALSE;
        }
      else
        map[c] = (int) i;
    }
  return ok;
}

gboolean
md_csv_row_values (const MdCsvRecord  *r,
                   guint               n_header_fields,
                   const char * const *names,
                   guint               n_cols,
                   const int          *map,
                   guint32             keep_spaces,
                   const char        **values,
                   GPtrArray          *owned,
                   MdCsvReport        *rep)
{
  gboolean ok = TRUE;

  for (guint c = 0; c < n_cols; c++)
    values[c] = NULL;

  if (r->error != NULL)
    {
      md_csv_report_add (rep, r->line, "%s", r->error);
      return FALSE;
    }
  if (r->fields->len != n_header_fields)
    {
      md_csv_report_add (rep, r->line,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "this row has %u field, but the header has %u columns",
                                      "this row has %u fields, but the header has %u columns",
                                      r->fields->len),
                         r->fields->len, n_header_fields);
      return FALSE;
    }

  for (guint c = 0; c < n_cols; c++)
    {
      const char *raw;

      if (map[c] < 0)
        continue;
      raw = g_ptr_array_index (r->fields, map[c]);
      if (!g_utf8_validate (raw, -1, NULL))
        {
          md_csv_report_add (rep, r->line, _("%s: the text is not valid UTF-8"), names[c]);
          ok = FALSE;
          continue;
        }
      /* Trimmed only when there is something to trim (a copy for every field was a tenth of
       * an import). */
      if ((keep_spaces & (1u << c)) == 0 && *raw != '\0' &&
          (g_ascii_isspace (raw[0]) || g_ascii_isspace (raw[strlen (raw) - 1])))
        {
          char *copy = g_strstrip (g_strdup (raw));

          g_ptr_array_add (owned, copy);
          raw = copy;
        }
      values[c] = raw;
    }
  return ok;
}

gboolean
md_csv_parse_whole (const char *text,
                    gint64      max,
                    gint64     *out)
{
  guint64 v;

  if (*text == '\0' || !g_ascii_isdigit (*text))
    return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, (guint64) max, &v, NULL))
    return FALSE;
  *out = (gint64) v;
  return TRUE;
}

void
md_csv_append_field (GString    *s,
                     const char *value)
{
  gsize len = strlen (value);
  gboolean quote = strpbrk (value, ",\"\r\n") != NULL ||
                   (len > 0 && (g_ascii_isspace (value[0]) || g_ascii_isspace (value[len - 1])));

  if (!quote)
    {
      g_string_append (s, value);
      return;
    }
  g_string_append_c (s, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
}

static gboolean
read_stdin (char   **contents,
            gsize   *length,
            GError **error)
{
  GString *s = g_string_new (NULL);
  char buf[8192];
  size_t n;

  while ((n = fread (buf, 1, sizeof buf, stdin)) > 0)
    g_string_append_len (s, buf, n);
  if (ferror (stdin))
    {
      g_string_free (s, TRUE);
      g_set_error_literal (error, MD_CSV_ERROR, MD_CSV_ERROR_IO,
                           _("Could not read the standard input."));
      return FALSE;
    }
  *length = s->len;
  *contents = g_string_free (s, FALSE);
  return TRUE;
}

gboolean
md_csv_read_input (const char  *path,
                   char       **contents,
                   gsize       *length,
                   const char **display_name,
                   GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (strcmp (path, "-") == 0)
    {
      *display_name = _("(standard input)");
      return read_stdin (contents, length, error);
    }
  *display_name = path;
  if (!g_file_get_contents (path, contents, length, &local))
    {
      g_set_error (error, MD_CSV_ERROR, MD_CSV_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
md_csv_write_output (const char  *path,
                     const char  *text,
                     GError     **error)
{
  g_autoptr(GError) local = NULL;

  /* Health data: readable by her alone, never half-written (see md-output.h). */
  if (!md_output_write_file (path, text, strlen (text), &local))
    {
      g_set_error_literal (error, MD_CSV_ERROR, MD_CSV_ERROR_IO, local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
md_csv_fail_parse (GPtrArray   **errors,
                   guint         n_bad_rows,
                   const char   *filename,
                   const char   *not_this_kind,
                   GPtrArray   **row_errors,
                   GError      **error)
{
  if (n_bad_rows > 0)
    g_set_error (error, MD_CSV_ERROR, MD_CSV_ERROR_BAD_DATA,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%u row of “%s” has problems; nothing was imported.",
                              "%u rows of “%s” have problems; nothing was imported.",
                              n_bad_rows),
                 n_bad_rows, filename);
  else
    g_set_error_literal (error, MD_CSV_ERROR, MD_CSV_ERROR_BAD_DATA, not_this_kind);
  if (row_errors != NULL)
    *row_errors = g_steal_pointer (errors);
  return FALSE;
}
