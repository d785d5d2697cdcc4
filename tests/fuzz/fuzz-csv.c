/* fuzz-csv.c: libFuzzer entry point for md_csv_parse and md_checkin_csv_parse (and the
 * medicines and rating scale readers).
 *
 * Built by meson: `make fuzz` (clang, -Dfuzz=true, ASan+UBSan, corpus tests/fuzz/corpus/csv)
 * for long runs; in the normal suite the same entry point runs for a few seconds through
 * fuzz-driver.c (test fuzz-csv-short).
 *
 * Each input is also read through the streaming reader a few bytes at a time and must give
 * the same rows or the same row errors.
 *
 * The check is the one of tests/test-csv-fuzz.c: an accepted input gives valid episodes whose
 * export reads back to the same export; a rejected one gives at least one "FILE:LINE: " message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "md-checkin-csv.h"
#include "md-medicine-csv.h"
#include "md-mrs-csv.h"
#include "md-csv-io.h"
#include "md-csv.h"

#define NOW G_GINT64_CONSTANT (1743422400)

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void check_streamed (const char *data, size_t size, GTimeZone *tz, GPtrArray *whole,
                            GPtrArray *whole_errors, gboolean checkins);

static void
check_checkins (const char *data,
                size_t      size)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) checkins = md_checkin_csv_parse (data, size, "fuzz.csv", &errors, NULL);

  (void) md_csv_detect_kind (data, size);
  check_streamed (data, size, NULL, checkins, errors, TRUE);
  if (checkins != NULL)
    {
      g_autofree char *text = md_checkin_csv_format (checkins);
      g_autoptr(GPtrArray) again = md_checkin_csv_parse (text, strlen (text), "again.csv", NULL, NULL);
      g_autofree char *text_again = NULL;

      if (again == NULL)
        abort ();
      for (guint i = 0; i < checkins->len; i++)
        if (!md_checkin_validate (g_ptr_array_index (checkins, i), NULL))
          abort ();
      text_again = md_checkin_csv_format (again);
      if (strcmp (text, text_again) != 0)
        abort ();
    }
  else if (errors == NULL || errors->len == 0 ||
           !g_str_has_prefix (g_ptr_array_index (errors, 0), "fuzz.csv:"))
    abort ();
}

/* The same input read a few bytes at a time through a pipe (the streaming reader of
 * --import), so that record boundaries fall between reads: it must find exactly what the
 * whole-text parse finds, rows or row errors. */
static MdCsvReader *
reader_for (const char *data,
            size_t      size)
{
  MdCsvReader *reader;
  int fds[2];

  if (size > 60000 || pipe (fds) != 0)
    return NULL;
  if (size > 0 && write (fds[1], data, size) != (ssize_t) size)
    abort ();
  close (fds[1]);
  reader = md_csv_reader_new_for_fd (fds[0], "fuzz.csv", TRUE);
  md_csv_reader_set_chunk (reader, 1 + size % 13);
  return reader;
}

static void
same_errors (GPtrArray *a,
             GPtrArray *b)
{
  if ((a == NULL) != (b == NULL) || (a != NULL && a->len != b->len))
    abort ();
  for (guint i = 0; a != NULL && i < a->len; i++)
    if (strcmp (a->pdata[i], b->pdata[i]) != 0)
      abort ();
}

static void
check_streamed (const char *data,
                size_t      size,
                GTimeZone  *tz,
                GPtrArray  *whole,
                GPtrArray  *whole_errors,
                gboolean    checkins)
{
  g_autoptr(MdCsvReader) reader = reader_for (data, size);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) streamed = NULL;

  if (reader == NULL)
    return;
  streamed = checkins ? md_checkin_csv_parse_reader (reader, &errors, NULL)
                      : md_csv_parse_reader (reader, tz, NOW, &errors, NULL);
  if ((streamed == NULL) != (whole == NULL))
    abort ();
  if (streamed != NULL)
    {
      g_autofree char *a = checkins ? md_checkin_csv_format (whole) : md_csv_format (whole);
      g_autofree char *b = checkins ? md_checkin_csv_format (streamed) : md_csv_format (streamed);

      if (strcmp (a, b) != 0)
        abort ();
    }
  else
    same_errors (whole_errors, errors);
}

/* The medicines and rating scale readers: an accepted file formats, reads back and formats the
 * same; a refused one says where. */
static void
check_kind (const char  *data,
            size_t       size,
            GPtrArray *(*parse) (const char *, gsize, const char *, GPtrArray **, GError **),
            char      *(*format) (GPtrArray *))
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) rows = parse (data, size, "fuzz.csv", &errors, NULL);

  if (rows != NULL)
    {
      g_autofree char *text = format (rows);
      g_autoptr(GPtrArray) again = parse (text, strlen (text), "again.csv", NULL, NULL);
      g_autofree char *text_again = NULL;

      if (again == NULL)
        abort ();
      text_again = format (again);
      if (strcmp (text, text_again) != 0)
        abort ();
    }
  else if (errors == NULL || errors->len == 0 ||
           !g_str_has_prefix (g_ptr_array_index (errors, 0), "fuzz.csv:"))
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static GTimeZone *tz;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) episodes = NULL;

  if (tz == NULL)
    tz = g_time_zone_new_identifier ("Europe/Paris");
  check_checkins ((const char *) data, size);
  check_kind ((const char *) data, size, md_medicine_csv_parse, md_medicine_csv_format);
  check_kind ((const char *) data, size, md_mrs_csv_parse, md_mrs_csv_format);

  episodes = md_csv_parse ((const char *) data, size, "fuzz.csv", tz, NOW, &errors, NULL);
  check_streamed ((const char *) data, size, tz, episodes, errors, FALSE);
  if (episodes != NULL)
    {
      g_autofree char *text = md_csv_format (episodes);
      g_autoptr(GPtrArray) again = md_csv_parse (text, strlen (text), "again.csv", tz, NOW, NULL, NULL);
      g_autofree char *text_again = NULL;

      if (again == NULL)
        abort ();
      for (guint i = 0; i < episodes->len; i++)
        if (!md_episode_validate (g_ptr_array_index (episodes, i), NOW, NULL))
          abort ();
      text_again = md_csv_format (again);
      if (strcmp (text, text_again) != 0)
        abort ();
    }
  else if (errors == NULL || errors->len == 0 ||
           !g_str_has_prefix (g_ptr_array_index (errors, 0), "fuzz.csv:"))
    abort ();
  return 0;
}
