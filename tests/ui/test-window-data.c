/* test-window-data.c: the window's data actions (import, export, back up, restore, restore a
 * recent copy), a diary opened read-only, and the recovery window for each kind of diary that
 * cannot be opened; driven through the real actions and buttons. File choosers are answered
 * with md_window_set_next_file(), since a chooser cannot be driven in-process.
 *
 * With MD_SCREENSHOT_DIR set, /window-data/screenshots writes the dialogs and the recovery
 * window at 360 and 1280 px wide.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "md-backup.h"
#include "md-backup-ui.h"
#include "md-recovery-window-private.h"
#include "md-test-utils.h"
#include "md-ui-test-utils.h"
#include "md-window-private.h"

/* 2025-03-17 09:30 UTC, a Monday (TZ=UTC in the test environment). */
#define NOW G_GINT64_CONSTANT (1742203800)
#define DAY 86400

typedef struct {
  char     *dir;
  char     *path;
  MdStore  *store;
  MdDiary  *diary;
  MdWindow *window;
} Fixture;

static gboolean
wait_until (gboolean (*cond) (gpointer),
            gpointer data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
idle_window (gpointer data)
{
  return !md_window_is_busy (data);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = md_test_store_new (&f->dir);
  f->path = g_strdup (md_store_get_path (f->store));
  f->diary = md_diary_new (f->store);
  md_store_set_now (f->store, NOW);
  f->window = md_window_new (NULL, f->diary);
  md_window_set_emergency_number (f->window, "112");
  gtk_window_present (GTK_WINDOW (f->window));
  md_ui_test_flush ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  md_ui_test_flush ();
  g_clear_object (&f->diary);
  g_clear_object (&f->store);
  md_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
add_episode (MdStore *store,
             gint64   start)
{
  g_autoptr(MdEpisode) ep = md_test_episode (start);
  g_autoptr(GError) error = NULL;

  g_assert_true (md_store_add_episode (store, ep, &error));
  g_assert_no_error (error);
  return ep->id;
}

static void
add_checkin (MdStore *store,
             gint64   day,
             int      stress)
{
  g_autoptr(MdCheckin) c = md_checkin_new (day);
  g_autoptr(GError) error = NULL;

  c->stress = stress;
  g_assert_true (md_store_put_checkin (store, c, &error));
  g_assert_no_error (error);
}

static void
activate (Fixture    *f,
          const char *action,
          GVariant   *target,
          const char *file)
{
  if (file != NULL)
    md_window_set_next_file (f->window, file);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, target));
  g_assert_true (wait_until (idle_window, f->window));
  md_ui_test_flush ();
}

static guint
history_rows (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (f->window->model));
}

static const char *
dialog_body (GtkWidget *dialog)
{
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  return adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
}

static void
respond (GtkWidget  *dialog,
         const char *response)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  /* The dialog closes itself after answering (or goes with its parent). */
  if (dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static void
collect_copy_buttons (GtkWidget *widget,
                      GPtrArray *out)
{
  if (GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "info") != NULL)
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_copy_buttons (c, out);
}

static GPtrArray *
copy_buttons (GtkWidget *root)
{
  GPtrArray *out = g_ptr_array_new ();

  collect_copy_buttons (root, out);
  return out;
}

static char *
file_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
assert_private (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* Back up through win.backup, change the diary, restore the copy through win.restore. */
static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autoptr(GPtrArray) copies = NULL;
  GtkWidget *dialog;
  gboolean found = FALSE;

  add_episode (f->store, NOW - 2 * DAY);
  add_episode (f->store, NOW - DAY);
  md_ui_test_flush ();

  activate (f, "win.backup", NULL, copy);
  assert_private (copy);
  g_assert_true (g_str_has_prefix (f->window->data_status, "Diary backed up to “copy.db”"));
  g_assert_cmpuint (md_test_count_episodes (copy), ==, 2);

  add_episode (f->store, NOW - 3600);
  md_ui_test_flush ();
  g_assert_cmpuint (history_rows (f), ==, 3);

  /* Restore asks first, naming the date of the copy and what it holds. */
  activate (f, "win.restore", NULL, copy);
  dialog = f->window->data_dialog;
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (dialog_body (dialog), "“copy.db”"));
  g_assert_nonnull (strstr (dialog_body (dialog), "The copy holds 2 episodes."));
  g_assert_null (strstr (dialog_body (dialog), "check-in"));
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 3);

  /* Cancel changes nothing. */
  respond (dialog, "cancel");
  md_ui_test_flush ();
  g_assert_false (md_window_is_busy (f->window));
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 3);

  activate (f, "win.restore", NULL, copy);
  respond (f->window->data_dialog, "restore");
  g_assert_true (wait_until (idle_window, f->window));
  md_ui_test_flush ();
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 2);
  /* The window refreshed through "changed". */
  g_assert_cmpuint (history_rows (f), ==, 2);
  g_assert_nonnull (strstr (f->window->data_status, "has been restored"));

  /* The diary as it was (3 episodes) is kept in the backups folder. */
  copies = md_diary_list_backups (f->diary, NULL);
  for (guint i = 0; i < copies->len; i++)
    {
      MdBackupInfo *info = g_ptr_array_index (copies, i);

      if (info->kind == MD_BACKUP_KIND_BEFORE_RESTORE && info->n_episodes == 3)
        found = TRUE;
    }
  g_assert_true (found);
}

/* A copy that is not a diary: refused, named, nothing changed. */
static void
test_restore_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (f->dir, "notes.db", NULL);

  add_episode (f->store, NOW - DAY);
  g_assert_true (g_file_set_contents (bad, "not a database at all, just some words", -1, NULL));
  activate (f, "win.restore", NULL, bad);
  g_test_expect_message ("md-window-data", G_LOG_LEVEL_WARNING, "Nothing Was Restored:*notes.db*");
  respond (f->window->data_dialog, "restore");
  g_assert_true (wait_until (idle_window, f->window));
  md_ui_test_flush ();
  g_assert_nonnull (f->window->data_dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (f->window->data_dialog)), ==, "Nothing Was Restored");
  g_assert_nonnull (strstr (dialog_body (f->window->data_dialog), "notes.db"));
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 1);
  g_test_assert_expected_messages ();
}

/* The automatic copies, newest first, with their dates and counts; one restored. */
static void
test_restore_recent (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *backups = md_backup_dir_for (f->path);
  g_autofree char *older = g_build_filename (backups, "diary-2025-03-10.db", NULL);
  g_autofree char *newer = g_build_filename (backups, "diary-2025-03-12.db", NULL);
  g_autoptr(GPtrArray) buttons = NULL;
  GtkWidget *list;
  MdBackupInfo *info;

  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
  add_episode (f->store, NOW - 9 * DAY);
  g_assert_true (md_backup_write (f->store, older, NULL));
  add_episode (f->store, NOW - 6 * DAY);
  add_checkin (f->store, md_diary_get_today (f->diary) - 6, 4);
  g_assert_true (md_backup_write (f->store, newer, NULL));
  add_episode (f->store, NOW - DAY);
  md_ui_test_flush ();

  activate (f, "win.restore-recent", NULL, NULL);
  list = f->window->recent_window;
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_visible (list));
  buttons = copy_buttons (list);
  g_assert_cmpuint (buttons->len, ==, 2);

  info = g_object_get_data (G_OBJECT (g_ptr_array_index (buttons, 0)), "info");
  g_assert_cmpstr (info->path, ==, newer);
  {
    AdwActionRow *row = ADW_ACTION_ROW (gtk_widget_get_ancestor (g_ptr_array_index (buttons, 0), ADW_TYPE_ACTION_ROW));

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Wednesday 12 March 2025");
    g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "2 episodes · 1 check-in");
  }
  info = g_object_get_data (G_OBJECT (g_ptr_array_index (buttons, 1)), "info");
  g_assert_cmpstr (info->path, ==, older);
  g_assert_cmpint (info->n_episodes, ==, 1);

  g_signal_emit_by_name (g_ptr_array_index (buttons, 1), "clicked");
  g_assert_nonnull (strstr (dialog_body (f->window->data_dialog), "Monday 10 March 2025"));
  g_assert_nonnull (strstr (dialog_body (f->window->data_dialog), "The copy holds 1 episode."));
  respond (f->window->data_dialog, "restore");
  g_assert_true (wait_until (idle_window, f->window));
  md_ui_test_flush ();
  g_assert_null (f->window->recent_window);
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 1);
  g_assert_cmpuint (history_rows (f), ==, 1);
  g_assert_nonnull (strstr (f->window->data_status, "The copy from Monday 10 March 2025 has been restored"));
}

static void
test_import_good (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "good.csv", NULL);
  g_autofree char *checkins = g_build_filename (f->dir, "checkins.csv", NULL);
  g_autoptr(MdCheckin) c = NULL;

  g_assert_true (g_file_set_contents (csv,
                                      "started_at,regions,side,duration_s\n"
                                      "2025-03-01T09:30:00+01:00,eyelid-lower,left,90\n"
                                      "2025-03-02T21:15:00Z,eyelid-upper;cheek,,\n", -1, NULL));
  activate (f, "win.import", NULL, csv);
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 2);
  g_assert_cmpuint (history_rows (f), ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->stack), ==, "history");
  g_assert_cmpstr (f->window->data_status, ==, "2 episodes imported");

  /* The same file again: nothing new. */
  activate (f, "win.import", NULL, csv);
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 2);
  g_assert_cmpstr (f->window->data_status, ==, "Every episode in the file is already in the diary; nothing was imported");

  g_assert_true (g_file_set_contents (checkins, "day,stress\n2025-03-15,6\n", -1, NULL));
  activate (f, "win.import", NULL, checkins);
  g_assert_cmpstr (f->window->data_status, ==, "1 check-in imported");
  c = md_store_get_checkin (f->store, md_diary_get_today (f->diary) - 2, NULL);
  g_assert_nonnull (c);
  g_assert_cmpint (c->stress, ==, 6);
}

/* A bad file: nothing changes, and every bad row is listed as FILE:LINE. */
static void
test_import_bad (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "bad.csv", NULL);
  GtkWidget *extra;
  GtkWidget *view;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  add_episode (f->store, NOW - DAY);
  md_ui_test_flush ();
  g_assert_true (g_file_set_contents (csv,
                                      "started_at,regions,side,duration_s,intensity\n"
                                      "2025-03-01T09:30:00Z,eyelid-lower,left,90,3\n"
                                      "2025-03-02T09:30:00Z,nose,left,90,3\n"
                                      "2025-03-03T09:30:00Z,cheek,left,90,12\n", -1, NULL));
  g_test_expect_message ("md-window-data", G_LOG_LEVEL_WARNING, "Nothing was imported:*");
  activate (f, "win.import", NULL, csv);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 1);
  g_assert_cmpuint (history_rows (f), ==, 1);

  g_assert_nonnull (f->window->data_dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (f->window->data_dialog)), ==, "Nothing Was Imported");
  g_assert_nonnull (strstr (dialog_body (f->window->data_dialog), "2 rows"));
  extra = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (f->window->data_dialog));
  view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (extra));
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &start, &end);
  text = gtk_text_iter_get_text (&start, &end);
  g_assert_nonnull (strstr (text, "bad.csv:3: regions:"));
  g_assert_nonnull (strstr (text, "bad.csv:4: intensity:"));
  g_assert_null (strstr (text, "bad.csv:2"));
}

/* Export writes a private file equal to what --export and --export-checkins write. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *episodes = g_build_filename (f->dir, "episodes.csv", NULL);
  g_autofree char *checkins = g_build_filename (f->dir, "checkins.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *cli = NULL;
  const char *argv_e[] = { "--db", f->path, "--export", "-", NULL };
  const char *argv_c[] = { "--db", f->path, "--export-checkins", "-", NULL };

  add_episode (f->store, NOW - 2 * DAY);
  add_episode (f->store, NOW - DAY);
  add_checkin (f->store, md_diary_get_today (f->diary) - 1, 5);

  activate (f, "win.export", g_variant_new_string ("episodes"), episodes);
  assert_private (episodes);
  text = file_text (episodes);
  g_assert_cmpint (md_test_run_cli (argv_e, NULL, &cli, NULL), ==, 0);
  g_assert_cmpstr (text, ==, cli);
  g_assert_nonnull (strstr (text, "\n"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&cli, g_free);

  activate (f, "win.export", g_variant_new_string ("checkins"), checkins);
  assert_private (checkins);
  text = file_text (checkins);
  g_assert_cmpint (md_test_run_cli (argv_c, NULL, &cli, NULL), ==, 0);
  g_assert_cmpstr (text, ==, cli);
  g_assert_nonnull (strstr (text, ",5,"));
}

/* While a job runs the data actions are off (the window itself stays usable). */
static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "big.csv", NULL);
  g_autoptr(GString) s = g_string_new ("started_at,regions\n");

  for (int i = 0; i < 20000; i++)
    g_string_append_printf (s, "2024-%02d-%02dT%02d:%02d:00Z,cheek\n", 1 + i % 12, 1 + i / 12 % 28, i / 336 % 24, i % 60);
  g_assert_true (g_file_set_contents (csv, s->str, -1, NULL));
  md_window_set_next_file (f->window, csv);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import", NULL));
  g_assert_true (md_window_is_busy (f->window));
  g_assert_true (gtk_action_bar_get_revealed (GTK_ACTION_BAR (f->window->work_bar)));
  g_assert_cmpstr (gtk_label_get_text (f->window->work_label), ==, "Importing “big.csv”…");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "backup"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "log-episode"));
  g_assert_true (wait_until (idle_window, f->window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "backup"));
  g_assert_cmpuint (md_store_count_episodes (f->store), >, 1000);
}

static void
test_menu_and_accels (Fixture       *f,
                      gconstpointer  data)
{
  const char *names[] = { "import", "export", "backup", "restore", "restore-recent" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_true (g_action_group_has_action (G_ACTION_GROUP (f->window), names[i]));
  g_assert_true (g_variant_type_equal (g_action_group_get_action_parameter_type (G_ACTION_GROUP (f->window), "export"),
                                       G_VARIANT_TYPE_STRING));

  /* No copies yet: the list says so and offers nothing to restore. */
  activate (f, "win.restore-recent", NULL, NULL);
  g_assert_nonnull (f->window->recent_window);
  {
    g_autoptr(GPtrArray) buttons = copy_buttons (f->window->recent_window);

    g_assert_cmpuint (buttons->len, ==, 0);
  }
  gtk_window_destroy (GTK_WINDOW (f->window->recent_window));
  g_assert_null (f->window->recent_window);
}

/* A diary opened read-only: every write action off, said under the header bar; export works. */
static void
test_read_only (void)
{
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "diary.db", NULL);
  g_autofree char *out = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDiary) diary = NULL;
  const char *off[] = { "log-episode", "check-in", "edit-episode", "delete-episode", "import", "restore", "restore-recent" };
  const char *on[] = { "export", "backup", "summary" };
  MdWindow *window;

  {
    g_autoptr(MdStore) store = md_store_open (path, &error);

    g_assert_no_error (error);
    add_episode (store, NOW - DAY);
  }
  diary = md_diary_open_full (path, MD_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  window = md_window_new (NULL, diary);
  gtk_window_present (GTK_WINDOW (window));
  md_ui_test_flush ();
  g_assert_true (md_window_is_read_only (window));
  g_assert_true (gtk_widget_get_visible (window->read_only_bar));
  for (guint i = 0; i < G_N_ELEMENTS (off); i++)
    g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), off[i]));
  for (guint i = 0; i < G_N_ELEMENTS (on); i++)
    g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), on[i]));

  md_window_set_next_file (window, out);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", "s", "episodes"));
  g_assert_true (wait_until (idle_window, window));
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));
  md_ui_test_flush ();
  md_test_rmdir (dir);
}

/* The recovery window. */

typedef enum {
  BAD_NOT_SQLITE,
  BAD_TRUNCATED,
  BAD_TOO_NEW,
  BAD_FOREIGN,
  BAD_BUSY,
  BAD_READ_ONLY,
} BadKind;

typedef struct {
  const char *name;
  BadKind     kind;
  int         code;
  const char *title;
  gboolean    retry, read_only, copies;
} BadCase;

static const BadCase bad_cases[] = {
  { "not-sqlite", BAD_NOT_SQLITE, MD_STORE_ERROR_CORRUPT, "Your Diary Is Damaged", FALSE, FALSE, TRUE },
  { "truncated", BAD_TRUNCATED, MD_STORE_ERROR_CORRUPT, "Your Diary Is Damaged", FALSE, FALSE, TRUE },
  { "too-new", BAD_TOO_NEW, MD_STORE_ERROR_TOO_NEW, "Your Diary Needs a Newer Menodiary", FALSE, FALSE, FALSE },
  { "foreign", BAD_FOREIGN, MD_STORE_ERROR_FOREIGN, "This Is Not a Menodiary Diary", FALSE, FALSE, FALSE },
  { "busy", BAD_BUSY, MD_STORE_ERROR_BUSY, "Your Diary Is in Use", TRUE, TRUE, FALSE },
  { "read-only", BAD_READ_ONLY, MD_STORE_ERROR_READ_ONLY, "Your Diary Can Only Be Read", FALSE, TRUE, FALSE },
};

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A diary with 3 episodes and a daily copy holding 2, then spoiled as @kind says. Returns the
 * connection holding the lock for BAD_BUSY. */
static sqlite3 *
make_bad_diary (const char *path,
                BadKind     kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backups = md_backup_dir_for (path);
  g_autofree char *copy = g_build_filename (backups, "diary-2025-03-12.db", NULL);
  sqlite3 *lock = NULL;

  {
    g_autoptr(MdStore) store = md_store_open (path, &error);

    g_assert_no_error (error);
    add_episode (store, NOW - 3 * DAY);
    add_episode (store, NOW - 2 * DAY);
    g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
    g_assert_true (md_backup_write (store, copy, &error));
    add_episode (store, NOW - DAY);
    /* Everything into the main file, no WAL left beside it. */
    exec_sql (path, "PRAGMA wal_checkpoint(TRUNCATE)");
  }
  switch (kind)
    {
    case BAD_NOT_SQLITE:
      g_assert_true (g_file_set_contents (path, "day,stress\n2025-03-01,3\n", -1, NULL));
      break;
    case BAD_TRUNCATED:
      {
        g_autofree char *data = NULL;
        gsize len;

        g_assert_true (g_file_get_contents (path, &data, &len, NULL));
        g_assert_true (g_file_set_contents (path, data, len / 2 + 100, NULL));
      }
      break;
    case BAD_TOO_NEW:
      exec_sql (path, "PRAGMA user_version = 999");
      break;
    case BAD_FOREIGN:
      g_assert_cmpint (g_unlink (path), ==, 0);
      exec_sql (path, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')");
      break;
    case BAD_BUSY:
      g_assert_cmpint (sqlite3_open (path, &lock), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (lock, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
      break;
    case BAD_READ_ONLY:
      g_chmod (path, 0400);
      break;
    default:
      g_assert_not_reached ();
    }
  return lock;
}

static MdRecoveryWindow *
recovery_for (const char *path,
              int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDiary) diary = md_diary_open (path, &error);
  MdRecoveryWindow *window;

  /* As root the file mode does not stop a write: the error is the one she would get. */
  if (diary == NULL)
    g_assert_error (error, MD_STORE_ERROR, code);
  else
    g_set_error (&error, MD_STORE_ERROR, code, "The diary file “%s” is read-only.", path);
  window = md_recovery_window_new (NULL, path, error);
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  md_ui_test_flush ();
  return window;
}

static gboolean
recovery_done (gpointer data)
{
  MdRecoveryWindow *self = data;

  return self->opened != NULL || !self->job_running;
}

static void
close_opened (MdRecoveryWindow *window)
{
  g_assert_nonnull (window->opened);
  gtk_window_destroy (GTK_WINDOW (window->opened));
  md_ui_test_flush ();
}

static void
test_recovery (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "diary.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  MdRecoveryWindow *window;
  sqlite3 *lock;

  g_setenv ("MENODIARY_BUSY_TIMEOUT_MS", "100", TRUE);
  lock = make_bad_diary (path, c->kind);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  window = recovery_for (path, c->code);

  g_assert_cmpstr (adw_status_page_get_title (window->status_page), ==, c->title);
  g_assert_nonnull (strstr (adw_status_page_get_description (window->status_page), "diary.db"));
  g_assert_cmpint (gtk_widget_get_visible (window->retry_button), ==, c->retry);
  g_assert_cmpint (gtk_widget_get_visible (window->read_only_button), ==, c->read_only);
  g_assert_true (gtk_widget_get_visible (window->choose_button));
  g_assert_cmpint (gtk_widget_get_visible (gtk_widget_get_parent (window->copies_group)), ==, c->copies);
  /* Nothing has touched the file. */
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  if (c->copies)
    {
      /* A damaged diary: the copy comes back, the damaged file is kept. */
      g_autoptr(GPtrArray) buttons = copy_buttons (GTK_WIDGET (window));
      g_autofree char *backups = md_backup_dir_for (path);
      g_autoptr(GDir) d = NULL;
      const char *name;
      gboolean kept = FALSE;

      g_assert_cmpuint (buttons->len, ==, 1);
      g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
      g_assert_nonnull (strstr (dialog_body (window->dialog), "Wednesday 12 March 2025"));
      g_assert_nonnull (strstr (dialog_body (window->dialog), "The copy holds 2 episodes."));
      respond (window->dialog, "restore");
      g_assert_true (wait_until (recovery_done, window));
      g_assert_nonnull (window->opened);
      g_assert_cmpuint (md_diary_count_episodes (md_window_get_diary (MD_WINDOW (window->opened))), ==, 2);
      d = g_dir_open (backups, 0, NULL);
      while ((name = g_dir_read_name (d)) != NULL)
        if (g_str_has_prefix (name, "diary-damaged-"))
          {
            g_autofree char *kept_path = g_build_filename (backups, name, NULL);
            g_autofree char *kept_data = NULL;
            gsize kept_len;

            g_assert_true (g_file_get_contents (kept_path, &kept_data, &kept_len, NULL));
            g_assert_cmpmem (kept_data, kept_len, before, before_len);
            kept = TRUE;
          }
      g_assert_true (kept);
      close_opened (window);
    }
  else if (c->kind == BAD_BUSY)
    {
      /* Still locked: trying again says so again; once free, it opens. */
      g_test_expect_message ("md-recovery-window", G_LOG_LEVEL_WARNING, "Could not open the diary:*");
      g_signal_emit_by_name (window->retry_button, "clicked");
      g_test_assert_expected_messages ();
      g_assert_null (window->opened);
      g_assert_cmpstr (adw_status_page_get_title (window->status_page), ==, c->title);
      sqlite3_close (lock);
      g_signal_emit_by_name (window->retry_button, "clicked");
      g_assert_nonnull (window->opened);
      g_assert_false (md_window_is_read_only (MD_WINDOW (window->opened)));
      close_opened (window);
    }
  else if (c->read_only)
    {
      g_signal_emit_by_name (window->read_only_button, "clicked");
      g_assert_nonnull (window->opened);
      g_assert_true (md_window_is_read_only (MD_WINDOW (window->opened)));
      g_assert_cmpuint (md_diary_count_episodes (md_window_get_diary (MD_WINDOW (window->opened))), ==, 3);
      close_opened (window);
    }
  else
    {
      /* Another program's file or a newer diary: choose another one. */
      g_autoptr(MdStore) store = md_store_open (other, NULL);

      add_episode (store, NOW - DAY);
      md_recovery_window_set_next_file (window, other);
      g_signal_emit_by_name (window->choose_button, "clicked");
      g_assert_nonnull (window->opened);
      g_assert_cmpstr (md_diary_get_path (md_window_get_diary (MD_WINDOW (window->opened))), ==, other);
      close_opened (window);
    }
  /* Only a restore replaced the file; every other way out left it as it was. */
  if (!c->copies)
    {
      g_clear_pointer (&after, g_free);
      g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
      if (c->kind != BAD_BUSY)
        g_assert_cmpmem (before, before_len, after, after_len);
    }
  g_object_unref (window);
  g_unsetenv ("MENODIARY_BUSY_TIMEOUT_MS");
  g_chmod (path, 0600);
  md_test_rmdir (dir);
}

/* Choosing a file that cannot be opened either: the window says what is wrong with that one. */
static void
test_recovery_choose_bad (void)
{
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "diary.db", NULL);
  g_autofree char *other = g_build_filename (dir, "recipes.db", NULL);
  MdRecoveryWindow *window;

  make_bad_diary (path, BAD_NOT_SQLITE);
  exec_sql (other, "CREATE TABLE recipes (name TEXT)");
  window = recovery_for (path, MD_STORE_ERROR_CORRUPT);
  md_recovery_window_set_next_file (window, other);
  g_test_expect_message ("md-recovery-window", G_LOG_LEVEL_WARNING, "Could not open the diary:*");
  g_signal_emit_by_name (window->choose_button, "clicked");
  g_test_assert_expected_messages ();
  g_assert_null (window->opened);
  g_assert_cmpstr (adw_status_page_get_title (window->status_page), ==, "This Is Not a Menodiary Diary");
  g_assert_nonnull (strstr (adw_status_page_get_description (window->status_page), "recipes.db"));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (window->copies_group)));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  md_test_rmdir (dir);
}

static void
shoot_sizes (GtkWidget  *window,
             const char *name,
             int         height)
{
  int widths[] = { 360, 1280 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%d", name, widths[i]);

      gtk_window_set_default_size (GTK_WINDOW (window), widths[i], height);
      md_ui_test_flush ();
      md_ui_test_flush ();
      md_ui_test_screenshot (window, file);
    }
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *backups = md_backup_dir_for (f->path);
  g_autofree char *copy = g_build_filename (backups, "diary-2025-03-12.db", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *bad_dir = NULL;
  g_autofree char *bad_path = NULL;
  MdRecoveryWindow *recovery;

  if (g_getenv ("MD_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set MD_SCREENSHOT_DIR to write screenshots");
      return;
    }
  /* The application's style sheet, as AdwApplication would load it. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/menodiary/Menodiary/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
  add_episode (f->store, NOW - 2 * DAY);
  g_assert_true (md_backup_write (f->store, copy, NULL));
  add_episode (f->store, NOW - DAY);
  md_ui_test_flush ();

  /* The menu's list of copies, and the question before a restore. */
  activate (f, "win.restore-recent", NULL, NULL);
  shoot_sizes (f->window->recent_window, "recent-copies", 600);
  {
    g_autoptr(GPtrArray) buttons = copy_buttons (f->window->recent_window);

    g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
  }
  md_ui_test_flush ();
  md_ui_test_screenshot (f->window->data_dialog, "restore-confirm");
  respond (f->window->data_dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (f->window->recent_window));

  /* Every bad row of an import, with the window at 360 px behind it. */
  g_assert_true (g_file_set_contents (csv,
                                      "started_at,regions,side,duration_s,intensity\n"
                                      "2025-03-02T09:30:00Z,nose,left,90,3\n"
                                      "2025-03-03T09:30:00Z,cheek,left,90,12\n"
                                      "2025-03-04T09:30:00Z,cheek,sideways,ninety,3\n", -1, NULL));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  g_test_expect_message ("md-window-data", G_LOG_LEVEL_WARNING, "Nothing was imported:*");
  activate (f, "win.import", NULL, csv);
  g_test_assert_expected_messages ();
  md_ui_test_flush ();
  md_ui_test_screenshot (f->window->data_dialog, "import-errors");
  respond (f->window->data_dialog, "close");

  /* The work bar while a job runs, and a read-only diary. */
  md_window_data_ensure_work_bar (f->window);
  md_window_data_ensure_read_only_bar (f->window);
  gtk_label_set_text (f->window->work_label, "Importing “a-rather-long-file-name-for-a-diary-export.csv”…");
  gtk_action_bar_set_revealed (GTK_ACTION_BAR (f->window->work_bar), TRUE);
  gtk_widget_set_visible (f->window->read_only_bar, TRUE);
  shoot_sizes (GTK_WIDGET (f->window), "window-read-only-busy", 700);
  gtk_action_bar_set_revealed (GTK_ACTION_BAR (f->window->work_bar), FALSE);

  /* The recovery window for a damaged diary (with its copies) and for a locked one. */
  bad_dir = md_test_mkdtemp ();
  bad_path = g_build_filename (bad_dir, "diary.db", NULL);
  make_bad_diary (bad_path, BAD_TRUNCATED);
  recovery = recovery_for (bad_path, MD_STORE_ERROR_CORRUPT);
  shoot_sizes (GTK_WIDGET (recovery), "recovery-damaged", 720);
  {
    g_autoptr(GError) error = g_error_new (MD_STORE_ERROR, MD_STORE_ERROR_BUSY,
                                           "The diary “%s” is locked by another program. Nothing was changed; try again in a moment.",
                                           bad_path);
    MdRecoveryWindow *busy = md_recovery_window_new (NULL, bad_path, error);

    g_object_ref_sink (busy);
    gtk_window_present (GTK_WINDOW (busy));
    shoot_sizes (GTK_WIDGET (busy), "recovery-busy", 720);
    gtk_window_destroy (GTK_WINDOW (busy));
    g_object_unref (busy);
  }
  gtk_window_destroy (GTK_WINDOW (recovery));
  g_object_unref (recovery);
  md_test_rmdir (bad_dir);
}

int
main (int argc, char **argv)
{
  md_ui_test_init (&argc, &argv);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/window-data/menu", test_menu_and_accels);
  ADD ("/window-data/backup-restore", test_backup_restore);
  ADD ("/window-data/restore-refused", test_restore_refused);
  ADD ("/window-data/restore-recent", test_restore_recent);
  ADD ("/window-data/import-good", test_import_good);
  ADD ("/window-data/import-bad", test_import_bad);
  ADD ("/window-data/export", test_export);
  ADD ("/window-data/busy", test_busy);
  ADD ("/window-data/screenshots", test_screenshots);
#undef ADD
  g_test_add_func ("/window-data/read-only", test_read_only);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/window-data/recovery/%s", bad_cases[i].name);

      g_test_add_data_func (name, &bad_cases[i], test_recovery);
    }
  g_test_add_func ("/window-data/recovery/choose-bad", test_recovery_choose_bad);
  return g_test_run ();
}
