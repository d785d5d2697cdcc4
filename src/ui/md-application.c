/* md-application.c: the Menodiary application.
 *
 * Headless commands are handled in handle-local-options, before any display is touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-application"

#include "config.h"

#include <glib/gi18n.h>

#include "md-application.h"
#include "md-cli.h"
#include "md-preferences.h"
#include "md-reminders.h"
#include "md-recovery-window.h"
#include "md-renderer.h"
#include "md-window.h"

struct _MdApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  MdDiary        *diary;        /* the diary of the first window */
  GSettings      *settings;
  MdReminders    *reminders;
  gboolean        options_handled;
  gboolean        background;   /* started by the reminder's autostart entry: no window yet */
  gboolean        renderer_chosen;
  GThread        *opening;      /* opens the diary while GTK starts up (see start_opening) */
  char           *opening_path;
};

/* What the opening thread found: the store, or why not. */
typedef struct {
  char    *path;
  MdStore *store;
  GError  *error;
} Opening;

static gpointer
opening_thread (gpointer data)
{
  Opening *job = data;

  /* The same open as the window's, checks and all: only sooner, on another core. */
  job->store = md_store_open (job->path, &job->error);
  return job;
}

/* Opens the diary at @path in a thread of its own: its checks (a quick_check reads the whole
 * file) run while GTK and Adwaita start up, instead of after them. The thread reads no
 * environment (read here first) and GTK does not set the locale again (main() sets it and
 * calls gtk_disable_setlocale()), since neither is safe while another thread runs. */
static void
start_opening (MdApplication *self,
               const char    *path)
{
  Opening *job = g_new0 (Opening, 1);

  md_store_read_environment ();
  job->path = g_strdup (path);
  self->opening_path = g_strdup (path);
  self->opening = g_thread_new ("md-open", opening_thread, job);
}

/* The diary the thread opened for @path (NULL and @error when it could not), or FALSE when no
 * thread opened that path. */
static gboolean
finish_opening (MdApplication  *self,
                const char     *path,
                MdDiary       **diary,
                GError        **error)
{
  Opening *job;
  gboolean same;

  if (self->opening == NULL)
    return FALSE;
  job = g_thread_join (g_steal_pointer (&self->opening));
  same = g_strcmp0 (path, self->opening_path) == 0;
  g_clear_pointer (&self->opening_path, g_free);
  *diary = NULL;
  if (same && job->store != NULL)
    *diary = md_diary_new (job->store);
  else if (same)
    g_propagate_error (error, g_steal_pointer (&job->error));
  g_clear_object (&job->store);
  g_clear_error (&job->error);
  g_free (job->path);
  g_free (job);
  return same;
}

G_DEFINE_FINAL_TYPE (MdApplication, md_application, ADW_TYPE_APPLICATION)

/* A diary that cannot be opened: the recovery window says why and offers the ways out. */
static void
show_open_error (MdApplication *self,
                 const char    *path,
                 const GError  *error)
{
  g_warning ("Could not open the diary: %s", error->message);
  gtk_window_present (GTK_WINDOW (md_recovery_window_new (self, path, error)));
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Menodiary developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", "Menodiary",
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Menodiary developers"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("A private diary for facial twitching in menopause. "
                                       "It points out what is worth showing a doctor; it does not diagnose."),
                         NULL);
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  MdApplication *self = MD_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->settings == NULL)
    return;
  gtk_window_present (GTK_WINDOW (md_preferences_new (parent, self->settings)));
}

/* From the reminder: the window, then today's check-in. */
static void
check_in_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GtkWindow *window;

  g_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      /* Activated while "background" was still set: ask once more for the window. */
      g_application_activate (app);
      window = gtk_application_get_active_window (GTK_APPLICATION (app));
    }
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.check-in", NULL);
}

static const GActionEntry app_actions[] = {
  { "check-in", check_in_activated_cb },
  { "preferences", preferences_activated_cb },
  { "quit", quit_activated_cb },
  { "about", about_activated_cb },
};

static int
md_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  MdApplication *self = MD_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  int status;

  self->options_handled = TRUE;
  status = md_cli_run (options);
  if (status >= 0)
    return status;

  if (!g_variant_dict_lookup (options, "db", "^ay", &db))
    db = md_store_default_path ();
  self->background = g_variant_dict_contains (options, "background");
  if (!self->background)
    start_opening (self, db);

  /* Never show another diary than the one asked for. When Menodiary is already running, the
   * running instance opens a window on this diary ("open"); a diary that cannot be used is
   * refused here, with its reason, before anything is sent. */
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("menodiary: %s\n", error->message);
      return MD_EXIT_BAD_DATA;
    }
  if (g_application_get_is_remote (app) && self->background)
    return MD_EXIT_OK;   /* already running: it sends the reminder */
  if (g_application_get_is_remote (app))
    {
      g_autoptr(MdDiary) check = NULL;
      g_autoptr(GFile) file = NULL;

      if (!finish_opening (self, db, &check, &error))
        check = md_diary_open (db, &error);

      if (check == NULL)
        {
          g_printerr ("menodiary: %s\n", error->message);
          return MD_EXIT_BAD_DATA;
        }
      g_clear_object (&check);
      file = g_file_new_for_commandline_arg (db);
      g_application_open (app, &file, 1, "");
      return MD_EXIT_OK;
    }
  md_application_set_db_path (self, db);
  return -1;
}

static gboolean
md_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  MdApplication *self = MD_APPLICATION (app);
  gboolean handled;

  self->options_handled = FALSE;
  handled = G_APPLICATION_CLASS (md_application_parent_class)->local_command_line (app, arguments, exit_status);
  /* GApplication exits with 1 when the options cannot be parsed; our contract says 2. */
  if (handled && !self->options_handled && *exit_status == EXIT_FAILURE)
    *exit_status = MD_EXIT_USAGE;
  return handled;
}

/* The icon theme reads its index files on its first lookup (hicolor's alone lists 649
 * folders): about 20 ms of the first frame, which needs icons. A thread makes that first lookup
 * while the window is built; GtkIconTheme allows lookups from any thread once it has been made
 * on the main one (a lookup on the main thread meanwhile waits for it). */
static void
warm_icon_theme (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (data, "view-more-symbolic", NULL, 16, 1,
                                                                 GTK_TEXT_DIR_NONE, 0);

  g_task_return_boolean (task, icon != NULL);
}

static void
start_warming_icon_theme (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)), g_object_unref);
  g_task_run_in_thread (task, warm_icon_theme);
}

/* Before the first window: cairo where OpenGL is software (md-renderer.h). Not in a process
 * started for the reminder until it shows a window, since it may never show one. */
static void
choose_renderer (MdApplication *self)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (self->renderer_chosen || display == NULL)
    return;
  self->renderer_chosen = TRUE;
  md_renderer_choose (display);
}

static void
md_application_startup (GApplication *app)
{
  MdApplication *self = MD_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (md_application_parent_class)->startup (app);
  if (!self->background)
    choose_renderer (self);
  start_warming_icon_theme ();

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
  else
    g_warning ("The settings schema %s is not installed; preferences will not be kept", APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);
  md_window_set_accels (GTK_APPLICATION (app));

  if (self->settings != NULL)
    {
      g_autofree char *path = self->db_path ? g_strdup (self->db_path) : md_store_default_path ();

      self->reminders = md_reminders_new (app, self->settings, path);
    }
}

/* The window showing the diary at @file, if any. */
static GtkWindow *
find_window_for (MdApplication *self,
                 GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      g_autoptr(GFile) shown = NULL;

      if (!MD_IS_WINDOW (l->data))
        continue;
      shown = g_file_new_for_path (md_diary_get_path (md_window_get_diary (l->data)));
      if (g_file_equal (shown, file))
        return l->data;
    }
  return NULL;
}

static MdDiary *
open_diary (MdApplication *self,
            const char    *path)
{
  g_autoptr(GError) error = NULL;
  MdDiary *diary = NULL;

  if (!finish_opening (self, path, &diary, &error))
    diary = md_diary_open (path, &error);
  if (diary == NULL)
    {
      show_open_error (self, path, error);
      return NULL;
    }
  /* Notice what another process (an import from the command line) writes. */
  md_diary_watch (diary);
  return diary;
}

static void
md_application_activate (GApplication *app)
{
  MdApplication *self = MD_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* Started at login for the reminder: no window until she asks for one. */
  if (self->background)
    {
      self->background = FALSE;
      return;
    }
  if (window == NULL)
    {
      choose_renderer (self);
      if (self->diary == NULL)
        {
          g_autofree char *path = self->db_path ? g_strdup (self->db_path) : md_store_default_path ();

          self->diary = open_diary (self, path);
          if (self->diary == NULL)
            return;
          if (self->reminders != NULL)
            md_reminders_set_diary (self->reminders, self->diary);
        }
      window = GTK_WINDOW (md_window_new (self, self->diary));
    }
  gtk_window_present (window);
}

/* "menodiary --db PATH" while Menodiary runs: a window on that diary, never another one. */
static void
md_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  MdApplication *self = MD_APPLICATION (app);

  choose_renderer (self);
  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(MdDiary) diary = NULL;
      g_autofree char *path = g_file_get_path (files[i]);
      GtkWindow *window = find_window_for (self, files[i]);

      if (window == NULL && path != NULL)
        {
          diary = open_diary (self, path);
          if (diary == NULL)
            continue;
          window = GTK_WINDOW (md_window_new (self, diary));
        }
      if (window != NULL)
        gtk_window_present (window);
    }
}

static void
md_application_dispose (GObject *object)
{
  MdApplication *self = MD_APPLICATION (object);
  g_autoptr(MdDiary) unused = NULL;

  /* Started but never asked for (the command ended before a window). */
  if (self->opening != NULL)
    finish_opening (self, self->opening_path, &unused, NULL);
  g_clear_object (&self->reminders);
  g_clear_object (&self->diary);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (md_application_parent_class)->dispose (object);
}

static void
md_application_finalize (GObject *object)
{
  MdApplication *self = MD_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (md_application_parent_class)->finalize (object);
}

static void
md_application_class_init (MdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = md_application_dispose;
  object_class->finalize = md_application_finalize;
  app_class->handle_local_options = md_application_handle_local_options;
  app_class->local_command_line = md_application_local_command_line;
  app_class->startup = md_application_startup;
  app_class->activate = md_application_activate;
  app_class->open = md_application_open;
}

static void
md_application_init (MdApplication *self)
{
  md_cli_add_options (G_APPLICATION (self));
  g_application_add_main_option (G_APPLICATION (self), "background", 0, 0, G_OPTION_ARG_NONE,
                                 _("Start without a window, to send the daily reminder (used at login)"), NULL);
}

MdApplication *
md_application_new (void)
{
  return g_object_new (MD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/menodiary/Menodiary",
                       NULL);
}

MdDiary *
md_application_get_diary (MdApplication *self)
{
  g_return_val_if_fail (MD_IS_APPLICATION (self), NULL);
  return self->diary;
}

GSettings *
md_application_get_settings (MdApplication *self)
{
  g_return_val_if_fail (MD_IS_APPLICATION (self), NULL);
  return self->settings;
}

void
md_application_set_db_path (MdApplication *self,
                            const char    *path)
{
  g_return_if_fail (MD_IS_APPLICATION (self));

  g_free (self->db_path);
  self->db_path = g_strdup (path);
}
