/* md-check-record.c: which diary files passed PRAGMA quick_check (see md-check-record.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-store"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "md-check-record.h"
#include "md-output.h"

#define N_RECORDS 16
#define N_VALUES  G_N_ELEMENTS (((MdCheckState *) NULL)->v)

static char *
records_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "menodiary", "checked", NULL);
}

/* Fills v[0..6] from @path: FALSE when it does not exist (zeros) or cannot be read. */
static gboolean
read_one (const char *path,
          gint64     *v,
          gboolean   *missing)
{
  struct stat st;

  memset (v, 0, 7 * sizeof (gint64));
  if (stat (path, &st) != 0)
    {
      *missing = errno == ENOENT;
      return FALSE;
    }
  *missing = FALSE;
  v[0] = (gint64) st.st_dev;
  v[1] = (gint64) st.st_ino;
  v[2] = (gint64) st.st_size;
  v[3] = (gint64) st.st_mtim.tv_sec;
  v[4] = (gint64) st.st_mtim.tv_nsec;
  v[5] = (gint64) st.st_ctim.tv_sec;
  v[6] = (gint64) st.st_ctim.tv_nsec;
  return TRUE;
}

gboolean
md_check_record_read_state (const char   *path,
                            MdCheckState *state)
{
  g_autofree char *wal = NULL;
  gboolean missing;

  g_return_val_if_fail (path != NULL && state != NULL, FALSE);

  if (!read_one (path, state->v, &missing))
    return FALSE;
  wal = g_strconcat (path, "-wal", NULL);
  if (!read_one (wal, state->v + 7, &missing))
    return missing;
  /* An empty log holds nothing: SQLite makes one on every open and removes it on the last close. */
  if (state->v[7 + 2] == 0)
    memset (state->v + 7, 0, 7 * sizeof (gint64));
  /* Of the log, not its change time: SQLite run as root gives the log the database's owner on
   * every open, which moves it each time. Its modification time and size still move with
   * every write, and each of its frames carries its own checksum. */
  state->v[7 + 5] = state->v[7 + 6] = 0;
  return TRUE;
}

/* The records as read from the cache, newest first (each N_VALUES numbers). */
static GArray *
load_records (void)
{
  g_autofree char *path = records_path ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *records = g_array_new (FALSE, TRUE, sizeof (MdCheckState));

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return records;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && records->len < N_RECORDS; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", -1);
      MdCheckState state = { { 0, } };
      guint n = 0;

      for (; fields[n] != NULL && n < N_VALUES; n++)
        if (!g_ascii_string_to_signed (fields[n], 10, G_MININT64, G_MAXINT64, &state.v[n], NULL))
          break;
      if (n == N_VALUES && fields[n] == NULL)
        g_array_append_val (records, state);
    }
  return records;
}

gboolean
md_check_record_lookup (const MdCheckState *state)
{
  g_autoptr(GArray) records = NULL;

  g_return_val_if_fail (state != NULL, FALSE);

  records = load_records ();
  for (guint i = 0; i < records->len; i++)
    if (memcmp (&g_array_index (records, MdCheckState, i), state, sizeof *state) == 0)
      return TRUE;
  return FALSE;
}

/* TRUE when the times in @v (one file) are all older than @limit_s, or the file is absent. */
static gboolean
settled (const gint64 *v,
         gint64        limit_s)
{
  if (v[1] == 0)
    return TRUE;
  return v[3] < limit_s && v[5] < limit_s;
}

void
md_check_record_add (const MdCheckState *state,
                     gint64              check_start_us)
{
  g_autoptr(GArray) records = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = records_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  gint64 limit_s = check_start_us / G_USEC_PER_SEC - MD_CHECK_RECORD_MARGIN_S;

  g_return_if_fail (state != NULL);

  if (!settled (state->v, limit_s) || !settled (state->v + 7, limit_s))
    return;
  records = load_records ();
  for (guint i = 0; i < records->len; i++)
    {
      const MdCheckState *old = &g_array_index (records, MdCheckState, i);

      /* One record per file: the same device and inode replace theirs. */
      if (old->v[0] == state->v[0] && old->v[1] == state->v[1])
        g_array_remove_index (records, i--);
    }
  g_array_prepend_val (records, *state);
  for (guint i = 0; i < MIN (records->len, N_RECORDS); i++)
    {
      const MdCheckState *r = &g_array_index (records, MdCheckState, i);

      for (guint k = 0; k < N_VALUES; k++)
        g_string_append_printf (text, "%s%" G_GINT64_FORMAT, k > 0 ? " " : "", r->v[k]);
      g_string_append_c (text, '\n');
    }
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !md_output_write_file (path, text->str, text->len, &error))
    g_debug ("Could not record the check in %s: %s", path, error != NULL ? error->message : g_strerror (errno));
}
