/* test-store.c: the diary on disk: round trips, migrations, privacy, atomicity. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "md-store.h"
#include "md-test-utils.h"

#define NOW G_GINT64_CONSTANT (1743422400)

typedef struct {
  char    *dir;
  MdStore *store;
  guint    changed;
} Fixture;

static void
changed_cb (MdStore *store, Fixture *f)
{
  f->changed++;
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->store = md_test_store_new (&f->dir);
  md_store_set_now (f->store, NOW);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), f);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  md_test_rmdir (f->dir);
  g_free (f->dir);
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEpisode) ep = md_episode_new ();
  g_autoptr(MdEpisode) back = NULL;

  ep->start_utc = NOW - 7200;
  ep->utc_offset_s = -4 * 3600 - 30 * 60;
  ep->regions = MD_BIT (MD_REGION_CHEEK) | MD_BIT (MD_REGION_LIPS) | MD_BIT (MD_REGION_JAW);
  ep->side = MD_SIDE_BOTH;
  ep->duration_s = MD_DURATION_MAX_S;
  ep->intensity = 0;
  ep->signs = MD_SIGNS_ALL;
  ep->triggers = MD_TRIGGERS_ALL;
  md_episode_set_notes (ep, "Après le café, \"quotes\", commas, and\nnew lines ✓");

  g_assert_true (md_store_add_episode (f->store, ep, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ep->id, >, 0);
  g_assert_cmpuint (f->changed, ==, 1);

  back = md_store_get_episode (f->store, ep->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->start_utc, ==, ep->start_utc);
  g_assert_cmpint (back->utc_offset_s, ==, ep->utc_offset_s);
  g_assert_cmpuint (back->regions, ==, ep->regions);
  g_assert_cmpint (back->side, ==, MD_SIDE_BOTH);
  g_assert_cmpint (back->duration_s, ==, MD_DURATION_MAX_S);
  g_assert_cmpint (back->intensity, ==, 0);
  g_assert_cmpuint (back->signs, ==, MD_SIGNS_ALL);
  g_assert_cmpuint (back->triggers, ==, MD_TRIGGERS_ALL);
  g_assert_cmpstr (back->notes, ==, ep->notes);
  g_assert_cmpint (back->created_utc, >, 0);
}

static void
test_unknowns (Fixture *f, gconstpointer data)
{
  g_autoptr(MdEpisode) ep = md_test_episode (NOW);
  g_autoptr(MdEpisode) back = NULL;

  ep->side = MD_SIDE_UNKNOWN;
  ep->duration_s = MD_UNKNOWN;
  ep->intensity = MD_UNKNOWN;
  g_assert_true (md_store_add_episode (f->store, ep, NULL));
  back = md_store_get_episode (f->store, ep->id, NULL);
  g_assert_cmpint (back->side, ==, MD_SIDE_UNKNOWN);
  g_assert_cmpint (back->duration_s, ==, MD_UNKNOWN);
  g_assert_cmpint (back->intensity, ==, MD_UNKNOWN);
  g_assert_null (back->notes);
}

static void
test_invalid_rejected (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEpisode) ep = md_test_episode (NOW);

  ep->intensity = 12;
  g_assert_false (md_store_add_episode (f->store, ep, &error));
  g_assert_error (error, MD_STORE_ERROR, MD_STORE_ERROR_INVALID);
  g_assert_true (strstr (error->message, "Intensity") != NULL);
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 0);
  g_assert_cmpuint (f->changed, ==, 0);
  g_clear_error (&error);

  ep->intensity = 3;
  ep->start_utc = NOW + 301;
  g_assert_false (md_store_add_episode (f->store, ep, &error));
  g_assert_error (error, MD_STORE_ERROR, MD_STORE_ERROR_INVALID);
  g_assert_true (strstr (error->message, "Start time") != NULL);
}

static void
test_update_delete_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 60);
  g_autoptr(MdEpisode) back = NULL;
  gint64 id;

  g_assert_true (md_store_add_episode (f->store, ep, NULL));
  id = ep->id;
  ep->side = MD_SIDE_RIGHT;
  ep->duration_s = 120;
  g_assert_true (md_store_update_episode (f->store, ep, &error));
  g_assert_no_error (error);
  back = md_store_get_episode (f->store, id, NULL);
  g_assert_cmpint (back->side, ==, MD_SIDE_RIGHT);
  g_assert_cmpint (back->duration_s, ==, 120);

  g_assert_true (md_store_delete_episode (f->store, id, &error));
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 0);
  g_assert_false (md_store_delete_episode (f->store, id, &error));
  g_assert_error (error, MD_STORE_ERROR, MD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (md_store_restore_episode (f->store, back, &error));
  g_assert_no_error (error);
  g_clear_pointer (&back, md_episode_free);
  back = md_store_get_episode (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->id, ==, id);
  g_assert_cmpuint (f->changed, ==, 4);

  ep->id = 9999;
  g_assert_false (md_store_update_episode (f->store, ep, &error));
  g_assert_error (error, MD_STORE_ERROR, MD_STORE_ERROR_NOT_FOUND);
}

static void
test_batch_all_or_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  guint added = 99, skipped = 99;

  for (int i = 0; i < 10; i++)
    g_ptr_array_add (batch, md_test_episode (NOW - 3600 * (i + 1)));
  ((MdEpisode *) batch->pdata[7])->regions = 0;
  g_assert_false (md_store_add_episodes (f->store, batch, TRUE, &added, &skipped, &error));
  g_assert_error (error, MD_STORE_ERROR, MD_STORE_ERROR_INVALID);
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 0);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (f->changed, ==, 0);
  for (guint i = 0; i < batch->len; i++)
    g_assert_cmpint (((MdEpisode *) batch->pdata[i])->id, ==, 0);
}

static void
test_batch_constraint_rolls_back (Fixture *f, gconstpointer data)
{
  /* A failure inside the transaction (a duplicate primary key from a restored id) leaves nothing. */
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEpisode) first = md_test_episode (NOW - 10);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);

  g_assert_true (md_store_add_episode (f->store, first, NULL));
  g_assert_false (md_store_restore_episode (f->store, first, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 1);
}

static void
test_duplicates_skipped (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  guint added, skipped;

  g_ptr_array_add (batch, md_test_episode (NOW - 100));
  g_ptr_array_add (batch, md_test_episode (NOW - 100)); /* same again in the batch */
  g_ptr_array_add (batch, md_test_episode (NOW - 200));
  g_assert_true (md_store_add_episodes (f->store, batch, TRUE, &added, &skipped, NULL));
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpuint (skipped, ==, 1);

  for (guint i = 0; i < batch->len; i++)
    ((MdEpisode *) batch->pdata[i])->id = 0;
  g_assert_true (md_store_add_episodes (f->store, batch, TRUE, &added, &skipped, NULL));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 3);
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 2);

  /* A different duration is a different episode. */
  ((MdEpisode *) batch->pdata[0])->duration_s = MD_UNKNOWN;
  g_assert_true (md_store_add_episodes (f->store, batch, TRUE, &added, &skipped, NULL));
  g_assert_cmpuint (added, ==, 1);
}

/* More episodes than one insert statement takes (a batch of rows per statement), after a
 * restored episode with a high id: each one gets its own id, after the largest, in order, and
 * reads back as given. */
static void
test_batch_ids (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEpisode) restored = md_test_episode (NOW - 86400 * 400);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  guint added = 0, skipped = 99;

  restored->id = 5000;
  restored->created_utc = restored->updated_utc = NOW - 86400 * 400;
  g_assert_true (md_store_restore_episode (f->store, restored, &error));
  g_assert_no_error (error);

  for (int i = 0; i < 203; i++)
    {
      MdEpisode *ep = md_test_episode (NOW - 600 * (203 - i));

      ep->duration_s = 1 + i;
      ep->intensity = i % 11;
      g_ptr_array_add (batch, ep);
    }
  g_assert_true (md_store_add_episodes (f->store, batch, TRUE, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 203);
  g_assert_cmpuint (skipped, ==, 0);
  for (guint i = 0; i < batch->len; i++)
    {
      const MdEpisode *ep = batch->pdata[i];
      g_autoptr(MdEpisode) back = md_store_get_episode (f->store, ep->id, &error);

      g_assert_no_error (error);
      g_assert_cmpint (ep->id, ==, 5001 + (gint64) i);
      g_assert_cmpint (back->start_utc, ==, ep->start_utc);
      g_assert_cmpint (back->duration_s, ==, 1 + (gint64) i);
      g_assert_cmpint (back->intensity, ==, (int) i % 11);
    }
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 204);
}

/* A batch that fails after whole statements went in (a bad episode late in it) leaves
 * nothing, and no id behind. */
static void
test_batch_late_failure (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdStoreAdder) adder = md_store_adder_new (f->store, TRUE);
  guint added = 99;

  for (int i = 0; i < 150; i++)
    g_assert_true (md_store_adder_add (adder, md_test_episode (NOW - 600 * (150 - i)), &error));
  g_assert_no_error (error);
  {
    MdEpisode *bad = md_test_episode (NOW - 30);

    bad->regions = 0;
    g_assert_false (md_store_adder_add (adder, bad, &error));
    g_assert_error (error, MD_STORE_ERROR, MD_STORE_ERROR_INVALID);
  }
  g_clear_pointer (&adder, md_store_adder_free);
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 0);
  g_assert_cmpuint (f->changed, ==, 0);

  /* Given nothing: nothing happens, and it says so. */
  adder = md_store_adder_new (f->store, TRUE);
  g_clear_error (&error);
  g_assert_true (md_store_adder_commit (adder, &added, NULL, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (f->changed, ==, 0);
}

static void
test_paging_order (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) all = NULL;

  for (int i = 0; i < 25; i++)
    g_ptr_array_add (batch, md_test_episode (NOW - 86400 * ((i * 7) % 25)));
  g_assert_true (md_store_add_episodes (f->store, batch, FALSE, NULL, NULL, NULL));
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 25);

  page = md_store_list_episodes (f->store, 10, 10, NULL);
  g_assert_cmpuint (page->len, ==, 10);
  g_assert_cmpint (((MdEpisode *) page->pdata[0])->start_utc, ==, NOW - 86400 * 10);
  for (guint i = 1; i < page->len; i++)
    g_assert_cmpint (((MdEpisode *) page->pdata[i - 1])->start_utc, >, ((MdEpisode *) page->pdata[i])->start_utc);

  for (guint i = 0; i < page->len; i++)
    g_assert_cmpint (md_store_episode_position (f->store, ((MdEpisode *) page->pdata[i])->id), ==, 10 + (int) i);
  g_assert_cmpint (md_store_episode_position (f->store, 99999), ==, -1);

  all = md_store_episodes_between (f->store, NOW - 86400 * 5, NOW, NULL);
  g_assert_cmpuint (all->len, ==, 6);
  g_assert_cmpint (((MdEpisode *) all->pdata[0])->start_utc, ==, NOW - 86400 * 5);
}

static void
test_file_private (void)
{
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *sub = g_build_filename (dir, "deep", "menodiary", NULL);
  g_autofree char *path = g_build_filename (sub, "diary.db", NULL);
  g_autoptr(MdStore) store = NULL;
  g_autoptr(MdEpisode) ep = md_test_episode (g_get_real_time () / G_USEC_PER_SEC - 60);
  GStatBuf st;

  store = md_store_open (path, NULL);
  g_assert_nonnull (store);
  g_assert_true (md_store_add_episode (store, ep, NULL));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (sub, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_clear_object (&store);
  md_test_rmdir (dir);
}

static void
test_existing_file_tightened (void)
{
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "diary.db", NULL);
  g_autoptr(MdStore) store = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_chmod (path, 0644);
  store = md_store_open (path, NULL);
  g_assert_nonnull (store);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_clear_object (&store);
  md_test_rmdir (dir);
}

static void
test_migrate_empty (void)
{
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "diary.db", NULL);
  g_autoptr(MdStore) store = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  /* An empty file is an empty database at version 0: it migrates to the latest. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = md_store_open (path, NULL);
  g_assert_nonnull (store);
  g_assert_cmpint (md_store_get_schema_version (store), ==, md_store_latest_schema_version ());
  g_clear_object (&store);

  /* Opening again changes nothing, and WAL is on. */
  store = md_store_open (path, NULL);
  g_assert_cmpint (md_store_get_schema_version (store), ==, md_store_latest_schema_version ());
  db = md_store_get_db (store);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  g_clear_object (&store);
  md_test_rmdir (dir);
}

/* The episode table and its index before schema 5 (side checked with IN, the start index
 * without the offset), with signs below @limit (13 bits before schema 3). */
#define OLD_EPISODE_TABLE(limit) \
  "CREATE TABLE episode (id INTEGER PRIMARY KEY, start_utc INTEGER NOT NULL," \
  " utc_offset_s INTEGER NOT NULL CHECK (utc_offset_s BETWEEN -50400 AND 50400)," \
  " regions INTEGER NOT NULL CHECK (regions > 0 AND regions < 1024)," \
  " side TEXT CHECK (side IN ('left', 'right', 'both'))," \
  " duration_s INTEGER CHECK (duration_s BETWEEN 1 AND 2592000)," \
  " intensity INTEGER CHECK (intensity BETWEEN 0 AND 10)," \
  " signs INTEGER NOT NULL DEFAULT 0 CHECK (signs >= 0 AND signs < " limit ")," \
  " triggers INTEGER NOT NULL DEFAULT 0 CHECK (triggers >= 0 AND triggers < 512)," \
  " notes TEXT CHECK (notes IS NULL OR length(notes) <= 4000)," \
  " created_utc INTEGER NOT NULL, updated_utc INTEGER NOT NULL) STRICT;" \
  "CREATE INDEX episode_by_start ON episode (start_utc, id);"

/* A diary of schema 2 (signs limited to 13 bits, "drooping" as one sign for eyelid or face)
 * opens, keeps its legacy sign as it was, and takes the three signs added since. */
static void
test_migrate_signs_v2 (void)
{
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "diary.db", NULL);
  g_autoptr(MdStore) store = NULL;
  g_autoptr(MdEpisode) old = NULL;
  g_autoptr(MdEpisode) back = NULL;
  g_autoptr(MdEpisode) ep = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    OLD_EPISODE_TABLE ("8192")
    "CREATE TABLE flag_ack (rule TEXT PRIMARY KEY, acked_utc INTEGER NOT NULL, evidence TEXT NOT NULL) STRICT;"
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;"
    "CREATE TABLE checkin (day INTEGER PRIMARY KEY, sleep_min INTEGER, sleep_quality INTEGER,"
    " caffeine_cups INTEGER, caffeine_mg INTEGER, water_glasses INTEGER, stress INTEGER,"
    " hot_flashes INTEGER, supplements TEXT NOT NULL DEFAULT '', medicines_started TEXT,"
    " medicines_stopped TEXT, note TEXT, updated_utc INTEGER NOT NULL) STRICT;"
    "INSERT INTO episode VALUES (7, 1743411600, 0, 2, 'left', 60, 3, 2, 0, 'old', 1, 1);"
    "PRAGMA user_version = 2;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = md_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (md_store_get_schema_version (store), ==, md_store_latest_schema_version ());
  old = md_store_get_episode (store, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (old->signs, ==, MD_BIT (MD_SIGN_DROOPING));
  g_assert_cmpstr (old->notes, ==, "old");
  label = md_signs_to_label (old->signs);
  g_assert_cmpstr (label, ==, "Drooping eyelid or face");

  ep = md_test_episode (1743415200);
  ep->signs = MD_BIT (MD_SIGN_DROOPING_EYELID) | MD_BIT (MD_SIGN_DROOPING_FACE) | MD_BIT (MD_SIGN_ARM_LEG_WEAKNESS);
  g_assert_true (md_store_add_episode (store, ep, &error));
  g_assert_no_error (error);
  back = md_store_get_episode (store, ep->id, &error);
  g_assert_cmpuint (back->signs, ==, ep->signs);
  g_clear_object (&store);
  md_test_rmdir (dir);
}

/* A diary of schema 4 (side checked with IN, the start index without the offset) keeps every
 * row and id; afterwards the side is still checked, and the rules' keys come from the index
 * alone, in order. */
static void
test_migrate_v4 (void)
{
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "diary.db", NULL);
  g_autoptr(MdStore) store = NULL;
  g_autoptr(MdEpisode) old = NULL;
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;

  md_test_create_diary (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "DROP TABLE episode;"
    OLD_EPISODE_TABLE ("65536")
    "INSERT INTO episode VALUES (9, 1743411600, 3600, 2, 'right', 60, 3, 2, 0, 'later', 1, 1);"
    "INSERT INTO episode VALUES (4, 1743415200, -7200, 4, NULL, NULL, NULL, 0, 3, NULL, 2, 2);"
    "INSERT INTO episode VALUES (12, 1743411600, 0, 8, 'both', 5, 10, 0, 0, 'same start', 3, 3);"
    "PRAGMA user_version = 4;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = md_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (md_store_get_schema_version (store), ==, md_store_latest_schema_version ());
  g_assert_cmpuint (md_store_count_episodes (store), ==, 3);
  old = md_store_get_episode (store, 9, &error);
  g_assert_no_error (error);
  g_assert_cmpint (old->side, ==, MD_SIDE_RIGHT);
  g_assert_cmpint (old->utc_offset_s, ==, 3600);
  g_assert_cmpstr (old->notes, ==, "later");

  keys = md_store_episode_keys (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, ==, 3);
  g_assert_cmpint (g_array_index (keys, MdEpisodeKey, 0).id, ==, 9);
  g_assert_cmpint (g_array_index (keys, MdEpisodeKey, 1).id, ==, 12);
  g_assert_cmpint (g_array_index (keys, MdEpisodeKey, 2).id, ==, 4);
  g_assert_cmpint (g_array_index (keys, MdEpisodeKey, 2).utc_offset_s, ==, -7200);

  db = md_store_get_db (store);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO episode (start_utc, utc_offset_s, regions, side, created_utc, updated_utc)"
                                     " VALUES (1, 0, 1, 'middle', 1, 1)", NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "EXPLAIN QUERY PLAN SELECT id, start_utc, utc_offset_s FROM episode ORDER BY start_utc, id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append (plan, (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_assert_nonnull (strstr (plan->str, "COVERING INDEX episode_by_start"));
  g_clear_object (&store);
  md_test_rmdir (dir);
}

static void
test_too_new (void)
{
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "diary.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdStore) store = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = md_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, MD_STORE_ERROR, MD_STORE_ERROR_TOO_NEW);
  md_test_rmdir (dir);
}

static void
test_corrupt (void)
{
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "diary.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdStore) store = NULL;
  g_autofree char *after = NULL;
  const char *junk = "This is not a database, but it is somebody's file. Keep it as it is.\n";

  g_assert_true (g_file_set_contents (path, junk, -1, NULL));
  store = md_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, MD_STORE_ERROR, MD_STORE_ERROR_CORRUPT);
  after = md_test_read_file (path);
  g_assert_cmpstr (after, ==, junk);
  md_test_rmdir (dir);
}

static void
test_locked (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEpisode) ep = md_test_episode (NOW);
  sqlite3 *other;

  /* Another program holds a write lock: the write fails cleanly with a readable message. */
  g_assert_cmpint (sqlite3_open (md_store_get_path (f->store), &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (md_store_add_episode (f->store, ep, &error));
  g_assert_error (error, MD_STORE_ERROR, MD_STORE_ERROR_BUSY);
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_clear_error (&error);
  g_assert_true (md_store_add_episode (f->store, ep, &error));
  g_assert_no_error (error);
}

static void
test_meta (Fixture *f, gconstpointer data)
{
  g_autofree char *v = NULL;

  g_assert_null (md_store_get_meta (f->store, "k"));
  g_assert_true (md_store_set_meta (f->store, "k", "one", NULL));
  g_assert_true (md_store_set_meta (f->store, "k", "two", NULL));
  v = md_store_get_meta (f->store, "k");
  g_assert_cmpstr (v, ==, "two");
  g_assert_true (md_store_set_meta (f->store, "k", NULL, NULL));
  g_assert_null (md_store_get_meta (f->store, "k"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store/round-trip", Fixture, NULL, setup, test_round_trip, teardown);
  g_test_add ("/store/unknowns", Fixture, NULL, setup, test_unknowns, teardown);
  g_test_add ("/store/invalid-rejected", Fixture, NULL, setup, test_invalid_rejected, teardown);
  g_test_add ("/store/update-delete-restore", Fixture, NULL, setup, test_update_delete_restore, teardown);
  g_test_add ("/store/batch-all-or-nothing", Fixture, NULL, setup, test_batch_all_or_nothing, teardown);
  g_test_add ("/store/batch-constraint-rolls-back", Fixture, NULL, setup, test_batch_constraint_rolls_back, teardown);
  g_test_add ("/store/duplicates-skipped", Fixture, NULL, setup, test_duplicates_skipped, teardown);
  g_test_add ("/store/batch-ids", Fixture, NULL, setup, test_batch_ids, teardown);
  g_test_add ("/store/batch-late-failure", Fixture, NULL, setup, test_batch_late_failure, teardown);
  g_test_add ("/store/paging-order", Fixture, NULL, setup, test_paging_order, teardown);
  g_test_add ("/store/locked", Fixture, NULL, setup, test_locked, teardown);
  g_test_add ("/store/meta", Fixture, NULL, setup, test_meta, teardown);
  g_test_add_func ("/store/file-private", test_file_private);
  g_test_add_func ("/store/existing-file-tightened", test_existing_file_tightened);
  g_test_add_func ("/store/migrate-empty", test_migrate_empty);
  g_test_add_func ("/store/migrate-signs-v2", test_migrate_signs_v2);
  g_test_add_func ("/store/migrate-v4-side-check-key-index", test_migrate_v4);
  g_test_add_func ("/store/too-new", test_too_new);
  g_test_add_func ("/store/corrupt-left-untouched", test_corrupt);
  return g_test_run ();
}
