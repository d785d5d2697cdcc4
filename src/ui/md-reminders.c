/* md-reminders.c: the daily reminder (see md-reminders.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-reminders"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "md-output.h"
#include "md-reminder.h"
#include "md-reminders.h"
#include "md-time.h"

#define NOTIFICATION_ID "daily-reminder"

struct _MdReminders
{
  GObject       parent_instance;

  GApplication *app;        /* weak */
  GSettings    *settings;
  MdDiary      *diary;
  char         *diary_path;
  gboolean      holding;
  guint         timeout_id;
  gint64        next;
};

G_DEFINE_FINAL_TYPE (MdReminders, md_reminders, G_TYPE_OBJECT)

enum {
  DUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void apply (MdReminders *self);

char *
md_reminders_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

static gint64
now_utc (MdReminders *self)
{
  return self->diary != NULL ? md_diary_get_now (self->diary) : md_time_now ();
}

static void
write_autostart (void)
{
  g_autofree char *path = md_reminders_autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  static const char entry[] =
    "[Desktop Entry]\n"
    "Type=Application\n"
    "Name=Menodiary\n"
    "Comment=Daily reminder to fill in the diary\n"
    "Exec=menodiary --background\n"
    "Icon=" APP_ID "\n"
    "NoDisplay=true\n"
    "X-GNOME-Autostart-enabled=true\n";

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !md_output_write_file (path, entry, sizeof entry - 1, &error))
    g_warning ("Could not write the autostart entry %s: %s", path,
               error != NULL ? error->message : g_strerror (errno));
}

static void
remove_autostart (void)
{
  g_autofree char *path = md_reminders_autostart_path ();

  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_unlink (path) != 0)
    g_warning ("Could not remove the autostart entry %s: %s", path, g_strerror (errno));
}

static gboolean
timeout_cb (gpointer data)
{
  MdReminders *self = data;

  self->timeout_id = 0;
  /* A suspended machine wakes late: only send once the time has really come. */
  if (now_utc (self) + 1 >= self->next)
    md_reminders_fire (self);
  else
    apply (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (MdReminders *self)
{
  g_autofree char *text = g_settings_get_string (self->settings, "reminder-time");
  int hour = 20, minute = 0;
  gint64 wait;

  if (!md_reminder_parse_time (text, &hour, &minute))
    g_warning ("The reminder time “%s” is not HH:MM; using 20:00", text);
  self->next = md_reminder_next (now_utc (self), NULL, hour, minute);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  /* Wake at least every hour, so a changed clock or a suspend does not shift it for long. */
  wait = CLAMP (self->next - now_utc (self), 1, 3600);
  self->timeout_id = g_timeout_add_seconds ((guint) wait, timeout_cb, self);
}

static void
apply (MdReminders *self)
{
  gboolean on = g_settings_get_boolean (self->settings, "reminder-enabled");

  if (on)
    {
      write_autostart ();
      if (!self->holding && self->app != NULL)
        {
          /* Stay alive when the window closes, to send tomorrow's reminder. */
          g_application_hold (self->app);
          self->holding = TRUE;
        }
      schedule (self);
    }
  else
    {
      remove_autostart ();
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      self->next = 0;
      if (self->holding && self->app != NULL)
        g_application_release (self->app);
      self->holding = FALSE;
      if (self->app != NULL && g_application_get_is_registered (self->app))
        g_application_withdraw_notification (self->app, NOTIFICATION_ID);
    }
}

gboolean
md_reminders_fire (MdReminders *self)
{
  g_autoptr(MdDiary) opened = NULL;
  g_autoptr(GNotification) notification = NULL;
  MdDiary *diary = self->diary;
  gboolean sent = FALSE;

  g_return_val_if_fail (MD_IS_REMINDERS (self), FALSE);

  if (diary == NULL && self->diary_path != NULL)
    diary = opened = md_diary_open_full (self->diary_path, MD_STORE_OPEN_READ_ONLY, NULL);
  /* No diary yet, or today's check-in missing: a reminder is worth it. */
  if (diary == NULL || md_reminder_wanted (diary))
    {
      notification = g_notification_new (_("Time for your diary"));
      g_notification_set_body (notification,
                               _("Log any twitching from today and fill in today’s check-in. It takes a minute."));
      g_notification_set_default_action (notification, "app.check-in");
      g_notification_add_button (notification, _("Fill In the Check-in"), "app.check-in");
      g_signal_emit (self, signals[DUE], 0, notification);
      if (self->app != NULL && g_application_get_is_registered (self->app))
        g_application_send_notification (self->app, NOTIFICATION_ID, notification);
      sent = TRUE;
    }
  if (g_settings_get_boolean (self->settings, "reminder-enabled"))
    schedule (self);
  return sent;
}

static void
settings_changed_cb (GSettings   *settings,
                     const char  *key,
                     MdReminders *self)
{
  if (g_str_has_prefix (key, "reminder-"))
    apply (self);
}

static void
md_reminders_dispose (GObject *object)
{
  MdReminders *self = MD_REMINDERS (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->holding && self->app != NULL)
    g_application_release (self->app);
  self->holding = FALSE;
  g_clear_weak_pointer (&self->app);
  g_clear_object (&self->settings);
  g_clear_object (&self->diary);
  g_clear_pointer (&self->diary_path, g_free);

  G_OBJECT_CLASS (md_reminders_parent_class)->dispose (object);
}

static void
md_reminders_class_init (MdRemindersClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = md_reminders_dispose;

  /**
   * MdReminders::due:
   * @notification: the GNotification about to be sent
   */
  signals[DUE] = g_signal_new ("due", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_NOTIFICATION);
}

static void
md_reminders_init (MdReminders *self)
{
}

MdReminders *
md_reminders_new (GApplication *app,
                  GSettings    *settings,
                  const char   *diary_path)
{
  MdReminders *self;

  g_return_val_if_fail (app == NULL || G_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (MD_TYPE_REMINDERS, NULL);
  g_set_weak_pointer (&self->app, app);
  self->settings = g_object_ref (settings);
  self->diary_path = g_strdup (diary_path);
  g_signal_connect (settings, "changed", G_CALLBACK (settings_changed_cb), self);
  /* Off by default: nothing is written or held until she turns it on. */
  if (g_settings_get_boolean (settings, "reminder-enabled"))
    apply (self);
  return self;
}

void
md_reminders_set_diary (MdReminders *self,
                        MdDiary     *diary)
{
  g_return_if_fail (MD_IS_REMINDERS (self));

  g_set_object (&self->diary, diary);
  if (self->next != 0)
    schedule (self);
}

gint64
md_reminders_get_next (MdReminders *self)
{
  g_return_val_if_fail (MD_IS_REMINDERS (self), 0);
  return self->next;
}
