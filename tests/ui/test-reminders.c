/* test-reminders.c: the daily reminder: off by default; turned on in Preferences it writes a
 * private autostart entry (so it is sent with the window closed) and is due at the chosen
 * time; it is sent only while today's check-in is missing; turned off, everything goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "md-diary.h"
#include "md-preferences.h"
#include "md-reminders.h"
#include "md-test-utils.h"
#include "md-ui-test-utils.h"

#define NOW G_GINT64_CONSTANT (1742203800)  /* 2025-03-17 09:30 UTC */

typedef struct {
  char        *dir;
  MdStore     *store;
  MdDiary     *diary;
  GSettings   *settings;
  MdReminders *reminders;
  guint        n_due;
} Fixture;

static char *config_dir;

static void
due_cb (MdReminders *reminders, GNotification *notification, Fixture *f)
{
  g_assert_true (G_IS_NOTIFICATION (notification));
  f->n_due++;
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->store = md_test_store_new (&f->dir);
  f->diary = md_diary_new (f->store);
  md_diary_set_now (f->diary, NOW);
  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "reminder-enabled");
  g_settings_reset (f->settings, "reminder-time");
  f->reminders = md_reminders_new (NULL, f->settings, md_diary_get_path (f->diary));
  md_reminders_set_diary (f->reminders, f->diary);
  g_signal_connect (f->reminders, "due", G_CALLBACK (due_cb), f);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_settings_set_boolean (f->settings, "reminder-enabled", FALSE);
  g_clear_object (&f->reminders);
  g_clear_object (&f->settings);
  g_clear_object (&f->diary);
  g_clear_object (&f->store);
  md_test_rmdir (f->dir);
  g_free (f->dir);
}

static void
test_off_by_default (Fixture *f, gconstpointer data)
{
  g_autofree char *path = md_reminders_autostart_path ();

  g_assert_false (g_settings_get_boolean (f->settings, "reminder-enabled"));
  g_assert_cmpint (md_reminders_get_next (f->reminders), ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_on_and_off (Fixture *f, gconstpointer data)
{
  g_autofree char *path = md_reminders_autostart_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) local = NULL;
  struct stat st;

  g_assert_true (g_str_has_prefix (path, config_dir));
  g_settings_set_string (f->settings, "reminder-time", "21:15");
  g_settings_set_boolean (f->settings, "reminder-enabled", TRUE);

  /* Due at 21:15 local time, after now and within a day. */
  g_assert_cmpint (md_reminders_get_next (f->reminders), >, NOW);
  g_assert_cmpint (md_reminders_get_next (f->reminders), <=, NOW + 86400);
  due = g_date_time_new_from_unix_utc (md_reminders_get_next (f->reminders));
  local = g_date_time_to_local (due);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 21);
  g_assert_cmpint (g_date_time_get_minute (local), ==, 15);

  /* Sent with the window closed: an autostart entry, private like everything she writes. */
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  contents = md_test_read_file (path);
  g_assert_nonnull (strstr (contents, "Exec=menodiary --background\n"));
  g_assert_nonnull (strstr (contents, "[Desktop Entry]\n"));

  g_settings_set_boolean (f->settings, "reminder-enabled", FALSE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (md_reminders_get_next (f->reminders), ==, 0);
}

static void
test_sent_only_without_checkin (Fixture *f, gconstpointer data)
{
  g_autoptr(MdCheckin) today = md_checkin_new (md_diary_get_today (f->diary));

  g_settings_set_boolean (f->settings, "reminder-enabled", TRUE);
  g_assert_true (md_reminders_fire (f->reminders));
  g_assert_cmpuint (f->n_due, ==, 1);
  /* After sending, it waits for the next day's time. */
  g_assert_cmpint (md_reminders_get_next (f->reminders), >, NOW);

  today->water_glasses = 6;
  g_assert_true (md_diary_put_checkin (f->diary, today, NULL));
  g_assert_false (md_reminders_fire (f->reminders));
  g_assert_cmpuint (f->n_due, ==, 1);
}

/* Through the real Preferences window: the switch and the time row. */
static void
test_preferences (Fixture *f, gconstpointer data)
{
  MdPreferences *prefs = md_preferences_new (NULL, f->settings);
  g_autofree char *path = md_reminders_autostart_path ();
  GtkWidget *sw = NULL, *time_row = NULL;
  GtkWidget *stack[64];
  guint n = 0;

  gtk_window_present (GTK_WINDOW (prefs));
  md_ui_test_flush ();
  stack[n++] = GTK_WIDGET (prefs);
  while (n > 0)
    {
      GtkWidget *w = stack[--n];

      if (GTK_IS_SWITCH (w) && sw == NULL)
        sw = w;
      if (ADW_IS_ENTRY_ROW (w) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), "Time (HH:MM)") == 0)
        time_row = w;
      for (GtkWidget *c = gtk_widget_get_last_child (w); c != NULL && n < G_N_ELEMENTS (stack); c = gtk_widget_get_prev_sibling (c))
        stack[n++] = c;
    }
  g_assert_nonnull (sw);
  g_assert_nonnull (time_row);
  g_assert_false (gtk_widget_get_sensitive (time_row));

  gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  g_assert_true (g_settings_get_boolean (f->settings, "reminder-enabled"));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_get_sensitive (time_row));

  gtk_editable_set_text (GTK_EDITABLE (time_row), "7:45");
  g_signal_emit_by_name (time_row, "apply");
  {
    g_autofree char *t = g_settings_get_string (f->settings, "reminder-time");
    g_assert_cmpstr (t, ==, "07:45");
  }
  /* A time that is not one is refused, and the setting keeps the last good one. */
  gtk_editable_set_text (GTK_EDITABLE (time_row), "25:00");
  g_signal_emit_by_name (time_row, "apply");
  g_assert_true (gtk_widget_has_css_class (time_row, "error"));
  {
    g_autofree char *t = g_settings_get_string (f->settings, "reminder-time");
    g_assert_cmpstr (t, ==, "07:45");
  }
  gtk_switch_set_active (GTK_SWITCH (sw), FALSE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int argc, char **argv)
{
  int status;

  /* Her own config folder is never touched: a fresh one, before GLib reads the variable. */
  config_dir = md_test_mkdtemp ();
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  md_ui_test_init (&argc, &argv);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/reminders/off-by-default", test_off_by_default);
  ADD ("/reminders/on-and-off", test_on_and_off);
  ADD ("/reminders/sent-only-without-checkin", test_sent_only_without_checkin);
  ADD ("/reminders/preferences", test_preferences);
#undef ADD

  status = g_test_run ();
  md_test_rmdir (config_dir);
  g_free (config_dir);
  return status;
}
