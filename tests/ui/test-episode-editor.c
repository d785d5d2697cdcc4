/* test-episode-editor.c: the episode form on its own, driven through its widgets (under Xvfb):
 * what it keeps when saved unchanged, and what it asks before throwing work away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-diary.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "md-csv.h"
#include "md-episode-editor-private.h"
#include "md-test-utils.h"
#include "md-ui-test-utils.h"

/* 2025-03-17 09:30 UTC (TZ=UTC in the test environment). */
#define NOW G_GINT64_CONSTANT (1742203800)

typedef struct {
  char            *dir;
  MdStore         *store;
  MdDiary         *diary;
  MdEpisodeEditor *editor;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->store = md_test_store_new (&f->dir);
  f->diary = md_diary_new (f->store);
  md_store_set_now (f->store, NOW);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  if (f->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (f->editor));
  md_ui_test_flush ();
  g_clear_object (&f->diary);
  g_clear_object (&f->store);
  md_test_rmdir (f->dir);
  g_free (f->dir);
}

/* Opens the form on the stored episode @id (0: a new one), the way the window does. */
static void
open_editor (Fixture *f,
             gint64   id)
{
  g_autoptr(MdEpisode) ep = id != 0 ? md_store_get_episode (f->store, id, NULL) : NULL;

  g_assert_true (id == 0 || ep != NULL);
  f->editor = md_episode_editor_new (NULL, f->diary, ep);
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
  gtk_window_present (GTK_WINDOW (f->editor));
  md_ui_test_flush ();
}

/* Every byte of every episode row. */
static char *
dump_episodes (MdStore *store)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (md_store_get_db (store), "SELECT * FROM episode ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const void *bytes = sqlite3_column_blob (stmt, i);

          g_string_append_printf (out, "%s=%d:", sqlite3_column_name (stmt, i), sqlite3_column_type (stmt, i));
          if (bytes != NULL)
            g_string_append_len (out, bytes, sqlite3_column_bytes (stmt, i));
          g_string_append_c (out, '|');
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static void
assert_same_rows (const char *now,
                  const char *before)
{
  g_auto(GStrv) a = g_strsplit (now, "\n", -1);
  g_auto(GStrv) b = g_strsplit (before, "\n", -1);

  for (guint i = 0; a[i] != NULL && b[i] != NULL; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
  g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
}

static MdEpisode *
odd_episode (gint64       start_utc,
             gint32       offset,
             guint32      regions,
             MdSide       side,
             gint64       duration_s,
             int          intensity,
             guint32      signs,
             guint32      triggers,
             const char  *notes)
{
  MdEpisode *ep = md_episode_new ();

  ep->start_utc = start_utc;
  ep->utc_offset_s = offset;
  ep->regions = regions;
  ep->side = side;
  ep->duration_s = duration_s;
  ep->intensity = intensity;
  ep->signs = signs;
  ep->triggers = triggers;
  md_episode_set_notes (ep, notes);
  return ep;
}

/* Odd but valid episodes, imported as CSV and stored directly, open and save unchanged:
 * not a byte of any row changes. */
static void
test_open_save_unchanged (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) csv_eps = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *before = NULL;
  g_autofree char *long_notes = NULL;
  GString *notes = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint added = 0, skipped = 0;

  for (guint i = 0; i < MD_NOTES_MAX_CHARS - 2; i++)
    g_string_append (notes, i % 50 == 0 ? "\n" : "ü");
  g_string_append (notes, "🙂 ");
  long_notes = g_string_free (notes, FALSE);

  /* Seconds, a far offset, every region, sign and trigger, an hour and a second. */
  g_ptr_array_add (csv_eps, odd_episode (NOW - 86400 - 59, 5 * 3600 + 45 * 60, MD_REGIONS_ALL, MD_SIDE_UNKNOWN,
                                         3601, 0, MD_SIGNS_ALL, MD_TRIGGERS_ALL, "  spaced\r\nout\n"));
  /* The longest duration and notes, the other far offset. */
  g_ptr_array_add (csv_eps, odd_episode (NOW - 40 * 86400 + 7, -12 * 3600, MD_BIT (MD_REGION_CHIN), MD_SIDE_BOTH,
                                         MD_DURATION_MAX_S, MD_INTENSITY_MAX, 0, 0, long_notes));
  csv = md_csv_format (csv_eps);
  md_csv_import_data (f->store, csv, strlen (csv), "odd.csv", &added, &skipped, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);

  {
    g_autoptr(MdEpisode) a = odd_episode (NOW - 300, 14 * 3600, MD_BIT (MD_REGION_EYELID_LOWER) | MD_BIT (MD_REGION_JAW),
                                          MD_SIDE_LEFT, 1, MD_UNKNOWN, 0, 0, NULL);
    g_autoptr(MdEpisode) b = odd_episode (NOW - 7 * 86400 - 1, 0, MD_BIT (MD_REGION_CHEEK), MD_SIDE_RIGHT,
                                          7200, 5, MD_BIT (0), MD_BIT (0), " ");
    g_autoptr(MdEpisode) c = odd_episode (-2208988800 + 3600, 0, MD_BIT (MD_REGION_CHEEK), MD_SIDE_RIGHT,
                                          MD_UNKNOWN, 1, 0, 0, "\t");

    g_assert_true (md_store_add_episode (f->store, a, NULL));
    g_assert_true (md_store_add_episode (f->store, b, NULL));
    g_assert_true (md_store_add_episode (f->store, c, NULL));
  }

  g_assert_cmpint (sqlite3_prepare_v2 (md_store_get_db (f->store), "SELECT id FROM episode ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (all, id);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (all->len, ==, 5);
  /* An old time of change, so that a needless write shows even within the same second. */
  g_assert_cmpint (sqlite3_exec (md_store_get_db (f->store), "UPDATE episode SET updated_utc = 1000000000",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  before = dump_episodes (f->store);
  for (guint i = 0; i < all->len; i++)
    {
      g_autofree char *now = NULL;

      open_editor (f, g_array_index (all, gint64, i));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL));
      md_ui_test_flush ();
      g_assert_null (f->editor);
      now = dump_episodes (f->store);
      assert_same_rows (now, before);
    }
}

/* Save pressed twice before the editor has gone (both in one main-loop pass, as a double
 * press can be): one episode is logged. */
static void
test_double_save_logs_once (Fixture *f, gconstpointer data)
{
  open_editor (f, 0);
  gtk_check_button_set_active (f->editor->region_checks[MD_REGION_FOREHEAD], TRUE);
  g_assert_true (md_episode_editor_is_valid (f->editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL));
  /* Hidden at once, torn down after the next frame. */
  g_assert_nonnull (f->editor);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->editor)));
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  md_ui_test_flush ();
  g_assert_null (f->editor);
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 1);
}

/* The message dialog shown over @form, or NULL. */
static AdwMessageDialog *
dialog_over (GtkWindow *form)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) == form)
      return l->data;
  return NULL;
}

static void
set_notes (Fixture    *f,
           const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (f->editor->notes_view), text, -1);
}

/* Cancel (and Escape, bound to the same action) on a form with a typed note asks first. */
static void
test_cancel_asks (Fixture *f, gconstpointer data)
{
  AdwMessageDialog *dialog;
  g_autofree char *notes = NULL;

  open_editor (f, 0);
  gtk_check_button_set_active (f->editor->region_checks[MD_REGION_CHEEK], TRUE);
  set_notes (f, "Started while reading");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.cancel", NULL));
  md_ui_test_flush ();
  g_assert_nonnull (f->editor);
  dialog = dialog_over (GTK_WINDOW (f->editor));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard this episode?");
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "keep"), ==, "_Keep Editing");

  /* Keep Editing: the form and the note stay. */
  md_ui_test_press_button (dialog, "_Keep Editing");
  md_ui_test_flush ();
  g_assert_nonnull (f->editor);
  g_assert_null (dialog_over (GTK_WINDOW (f->editor)));
  g_object_get (gtk_text_view_get_buffer (f->editor->notes_view), "text", &notes, NULL);
  g_assert_cmpstr (notes, ==, "Started while reading");

  /* Closing the window asks too; Discard closes it and stores nothing. */
  gtk_window_close (GTK_WINDOW (f->editor));
  md_ui_test_flush ();
  dialog = dialog_over (GTK_WINDOW (f->editor));
  g_assert_nonnull (dialog);
  md_ui_test_press_button (dialog, "_Discard");
  md_ui_test_flush ();
  g_assert_null (f->editor);
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 0);
}

/* Nothing changed: Cancel closes at once, for a new episode and for one being edited;
 * a change to a stored one asks. */
static void
test_cancel_unchanged_closes (Fixture *f, gconstpointer data)
{
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 3600);

  open_editor (f, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.cancel", NULL));
  md_ui_test_flush ();
  g_assert_null (f->editor);

  g_assert_true (md_store_add_episode (f->store, ep, NULL));
  open_editor (f, ep->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.cancel", NULL));
  md_ui_test_flush ();
  g_assert_null (f->editor);

  open_editor (f, ep->id);
  gtk_range_set_value (GTK_RANGE (f->editor->intensity_scale), 8);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.cancel", NULL));
  md_ui_test_flush ();
  g_assert_nonnull (f->editor);
  g_assert_nonnull (dialog_over (GTK_WINDOW (f->editor)));
  md_ui_test_press_button (dialog_over (GTK_WINDOW (f->editor)), "_Discard");
  md_ui_test_flush ();
  g_assert_null (f->editor);
}

/* The mouse wheel over the time, the duration or the intensity scrolls the form only. */
static void
test_wheel_scrolls_only (Fixture *f, gconstpointer data)
{
  g_autoptr(MdEpisode) before = NULL;
  g_autoptr(MdEpisode) after = NULL;
  GtkWidget *targets[4];
  GtkAdjustment *vadj;

  open_editor (f, 0);
  gtk_check_button_set_active (f->editor->region_checks[MD_REGION_CHEEK], TRUE);
  before = md_episode_editor_build_episode (f->editor);
  vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (f->editor->hour_spin),
                                                                                            GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), >, gtk_adjustment_get_page_size (vadj));

  targets[0] = GTK_WIDGET (f->editor->hour_spin);
  targets[1] = GTK_WIDGET (f->editor->minute_spin);
  targets[2] = GTK_WIDGET (f->editor->duration_spin);
  targets[3] = GTK_WIDGET (f->editor->intensity_scale);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      double top = gtk_adjustment_get_value (vadj);

      g_assert_true (md_ui_test_scroll (targets[i], 0, 1));
      g_assert_true (md_ui_test_scroll (targets[i], 0, 1));
      g_assert_true (md_ui_test_scroll (targets[i], 0, -1));
      g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, top);
    }
  md_ui_test_flush ();
  after = md_episode_editor_build_episode (f->editor);
  g_assert_cmpint (after->start_utc, ==, before->start_utc);
  g_assert_cmpint (after->duration_s, ==, before->duration_s);
  g_assert_cmpint (after->intensity, ==, before->intensity);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->editor->when_error)));
}

int
main (int argc, char *argv[])
{
  md_ui_test_init (&argc, &argv);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/episode-editor/open-save-unchanged", test_open_save_unchanged);
  ADD ("/episode-editor/cancel-asks", test_cancel_asks);
  ADD ("/episode-editor/double-save-logs-once", test_double_save_logs_once);
  ADD ("/episode-editor/wheel-scrolls-only", test_wheel_scrolls_only);
  ADD ("/episode-editor/cancel-unchanged-closes", test_cancel_unchanged_closes);
#undef ADD

  return g_test_run ();
}
