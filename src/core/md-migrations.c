/* md-migrations.c: the ordered schema migrations of the diary.
 *
 * Never edit a migration that has shipped: add a new one at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-migrations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "md-migrations.h"
#include "md-store.h"

static const char * const migrations[] = {
  /* 1: episodes, flag acknowledgements, small key/value state. */
  "CREATE TABLE episode ("
  "  id INTEGER PRIMARY KEY,"
  "  start_utc INTEGER NOT NULL,"
  "  utc_offset_s INTEGER NOT NULL CHECK (utc_offset_s BETWEEN -50400 AND 50400),"
  "  regions INTEGER NOT NULL CHECK (regions > 0 AND regions < 1024),"
  "  side TEXT CHECK (side IN ('left', 'right', 'both')),"
  "  duration_s INTEGER CHECK (duration_s BETWEEN 1 AND 2592000),"
  "  intensity INTEGER CHECK (intensity BETWEEN 0 AND 10),"
  "  signs INTEGER NOT NULL DEFAULT 0 CHECK (signs >= 0 AND signs < 8192),"
  "  triggers INTEGER NOT NULL DEFAULT 0 CHECK (triggers >= 0 AND triggers < 512),"
  "  notes TEXT CHECK (notes IS NULL OR length(notes) <= 4000),"
  "  created_utc INTEGER NOT NULL,"
  "  updated_utc INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX episode_by_start ON episode (start_utc, id);"
  "CREATE TABLE flag_ack ("
  "  rule TEXT PRIMARY KEY,"
  "  acked_utc INTEGER NOT NULL,"
  "  evidence TEXT NOT NULL"     /* ';'-separated episode ids seen when it was acknowledged */
  ") STRICT;"
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") STRICT;",

  /* 2: the daily check-in. */
  "CREATE TABLE checkin ("
  "  day INTEGER PRIMARY KEY,"
  "  sleep_min INTEGER CHECK (sleep_min BETWEEN 0 AND 1440),"
  "  sleep_quality INTEGER CHECK (sleep_quality BETWEEN 1 AND 5),"
  "  caffeine_cups INTEGER CHECK (caffeine_cups BETWEEN 0 AND 30),"
  "  caffeine_mg INTEGER CHECK (caffeine_mg BETWEEN 0 AND 3000),"
  "  water_glasses INTEGER CHECK (water_glasses BETWEEN 0 AND 40),"
  "  stress INTEGER CHECK (stress BETWEEN 0 AND 10),"
  "  hot_flashes INTEGER CHECK (hot_flashes BETWEEN 0 AND 100),"
  "  supplements TEXT NOT NULL DEFAULT '',"
  "  medicines_started TEXT,"
  "  medicines_stopped TEXT,"
  "  note TEXT,"
  "  updated_utc INTEGER NOT NULL"
  ") STRICT;",

  /* 3: three more signs (drooping-eyelid, drooping-face, arm-leg-weakness) take bits 13 to 15,
   * so the CHECK on signs is widened; a CHECK cannot be altered, so the table is rebuilt.
   * The old bits keep their meaning ("drooping" stays bit 1). */
  "CREATE TABLE episode_v3 ("
  "  id INTEGER PRIMARY KEY,"
  "  start_utc INTEGER NOT NULL,"
  "  utc_offset_s INTEGER NOT NULL CHECK (utc_offset_s BETWEEN -50400 AND 50400),"
  "  regions INTEGER NOT NULL CHECK (regions > 0 AND regions < 1024),"
  "  side TEXT CHECK (side IN ('left', 'right', 'both')),"
  "  duration_s INTEGER CHECK (duration_s BETWEEN 1 AND 2592000),"
  "  intensity INTEGER CHECK (intensity BETWEEN 0 AND 10),"
  "  signs INTEGER NOT NULL DEFAULT 0 CHECK (signs >= 0 AND signs < 65536),"
  "  triggers INTEGER NOT NULL DEFAULT 0 CHECK (triggers >= 0 AND triggers < 512),"
  "  notes TEXT CHECK (notes IS NULL OR length(notes) <= 4000),"
  "  created_utc INTEGER NOT NULL,"
  "  updated_utc INTEGER NOT NULL"
  ") STRICT;"
  "INSERT INTO episode_v3 SELECT id, start_utc, utc_offset_s, regions, side, duration_s, intensity,"
  "  signs, triggers, notes, created_utc, updated_utc FROM episode;"
  "DROP TABLE episode;"
  "ALTER TABLE episode_v3 RENAME TO episode;"
  "CREATE INDEX episode_by_start ON episode (start_utc, id);",

  /* 4: the menopause diary: the check-in's bleeding answer and custom symptoms
   * ("name=value;name=value"), medicines as records of their own, and the Menopause Rating
   * Scale (11 items, each 0 .. 4 or not answered) once per day at most. */
  "ALTER TABLE checkin ADD COLUMN bleeding TEXT"
  "  CHECK (bleeding IN ('none', 'spotting', 'light', 'medium', 'heavy'));"
  "ALTER TABLE checkin ADD COLUMN symptoms TEXT NOT NULL DEFAULT '';"
  "CREATE TABLE medicine ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),"
  "  kind TEXT NOT NULL CHECK (kind IN ('hrt', 'preventive', 'as-needed', 'supplement', 'other')),"
  "  dose TEXT CHECK (dose IS NULL OR length(dose) <= 200),"
  "  started INTEGER,"
  "  stopped INTEGER CHECK (stopped IS NULL OR started IS NULL OR stopped >= started),"
  "  note TEXT CHECK (note IS NULL OR length(note) <= 2000),"
  "  updated_utc INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX medicine_by_start ON medicine (started, name, id);"
  "CREATE TABLE mrs ("
  "  day INTEGER PRIMARY KEY,"
  "  i1 INTEGER CHECK (i1 BETWEEN 0 AND 4), i2 INTEGER CHECK (i2 BETWEEN 0 AND 4),"
  "  i3 INTEGER CHECK (i3 BETWEEN 0 AND 4), i4 INTEGER CHECK (i4 BETWEEN 0 AND 4),"
  "  i5 INTEGER CHECK (i5 BETWEEN 0 AND 4), i6 INTEGER CHECK (i6 BETWEEN 0 AND 4),"
  "  i7 INTEGER CHECK (i7 BETWEEN 0 AND 4), i8 INTEGER CHECK (i8 BETWEEN 0 AND 4),"
  "  i9 INTEGER CHECK (i9 BETWEEN 0 AND 4), i10 INTEGER CHECK (i10 BETWEEN 0 AND 4),"
  "  i11 INTEGER CHECK (i11 BETWEEN 0 AND 4),"
  "  updated_utc INTEGER NOT NULL"
  ") STRICT;",

  /* 5: speed at ten years. A CHECK with IN (...) makes SQLite build a small table on every
   * insert (half the time of an import), so side is checked with OR; the table is rebuilt
   * for it, ids kept. The start index also holds the offset, so the rules read every
   * episode's id, start and offset from the index alone, in order. */
  "CREATE TABLE episode_v5 ("
  "  id INTEGER PRIMARY KEY,"
  "  start_utc INTEGER NOT NULL,"
  "  utc_offset_s INTEGER NOT NULL CHECK (utc_offset_s BETWEEN -50400 AND 50400),"
  "  regions INTEGER NOT NULL CHECK (regions > 0 AND regions < 1024),"
  "  side TEXT CHECK (side = 'left' OR side = 'right' OR side = 'both'),"
  "  duration_s INTEGER CHECK (duration_s BETWEEN 1 AND 2592000),"
  "  intensity INTEGER CHECK (intensity BETWEEN 0 AND 10),"
  "  signs INTEGER NOT NULL DEFAULT 0 CHECK (signs >= 0 AND signs < 65536),"
  "  triggers INTEGER NOT NULL DEFAULT 0 CHECK (triggers >= 0 AND triggers < 512),"
  "  notes TEXT CHECK (notes IS NULL OR length(notes) <= 4000),"
  "  created_utc INTEGER NOT NULL,"
  "  updated_utc INTEGER NOT NULL"
  ") STRICT;"
  "INSERT INTO episode_v5 SELECT id, start_utc, utc_offset_s, regions, side, duration_s, intensity,"
  "  signs, triggers, notes, created_utc, updated_utc FROM episode;"
  "DROP TABLE episode;"
  "ALTER TABLE episode_v5 RENAME TO episode;"
  "CREATE INDEX episode_by_start ON episode (start_utc, id, utc_offset_s);",
};

int
md_migrations_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

static int
user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int v = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

/* Fails, touching nothing, when @db cannot be read or comes from a newer Menodiary. */
static gboolean
md_migrations_check (sqlite3    *db,
                     const char *path,
                     GError    **error)
{
  int version = user_version (db);
  int latest = md_migrations_latest ();

  if (version < 0)
    {
      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_CORRUPT,
                   _("The diary file “%s” cannot be read: %s"), path, sqlite3_errmsg (db));
      return FALSE;
    }
  if (version > latest)
    {
      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_TOO_NEW,
                   _("The diary “%s” was written by a newer version of Menodiary (schema %d; this version knows up to %d). "
                     "Please update Menodiary; the file has not been changed."),
                   path, version, latest);
      return FALSE;
    }
  return TRUE;
}

gboolean
md_migrations_run (sqlite3    *db,
                   const char *path,
                   GError    **error)
{
  int version = user_version (db);
  int latest = md_migrations_latest ();

  if (!md_migrations_check (db, path, error))
    return FALSE;
  for (int v = version; v < latest; v++)
    {
      g_autofree char *sql = g_strdup_printf ("BEGIN IMMEDIATE;%s;PRAGMA user_version = %d;COMMIT;",
                                              migrations[v], v + 1);
      char *msg = NULL;

      if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
        {
          int code = sqlite3_errcode (db);

          g_set_error (error, MD_STORE_ERROR,
                       code == SQLITE_BUSY || code == SQLITE_LOCKED ? MD_STORE_ERROR_BUSY :
                       code == SQLITE_NOTADB || code == SQLITE_CORRUPT ? MD_STORE_ERROR_CORRUPT :
                       MD_STORE_ERROR_FAILED,
                       _("Could not update the diary “%s” to schema %d: %s"), path, v + 1, msg ? msg : "");
          sqlite3_free (msg);
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  return TRUE;
}
