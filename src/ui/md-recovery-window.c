/* md-recovery-window.c: a diary that cannot be opened, and the ways out (see the header).
 *
 * What is offered depends on what is wrong:
 *   damaged, cut short, not SQLite    a recent copy (the damaged file is kept first), another file
 *   another program's database        another file
 *   from a newer Menodiary            another file (it is never changed, nor replaced)
 *   locked by another program         try again, read-only, another file
 *   read-only                         read-only, another file
 *   anything else (cannot be read)    try again, another file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-recovery-window"

#include "config.h"

#include <glib/gi18n.h>

#include "md-a11y.h"
#include "md-backup.h"
#include "md-backup-ui.h"
#include "md-recovery-window-private.h"
#include "md-window.h"

G_DEFINE_FINAL_TYPE (MdRecoveryWindow, md_recovery_window, ADW_TYPE_APPLICATION_WINDOW)

static void set_problem (MdRecoveryWindow *self,
                         const char       *path,
                         const GError     *error);

static gboolean
is_error (const GError *error,
          MdStoreError  code)
{
  return g_error_matches (error, MD_STORE_ERROR, code);
}

static void
present_dialog (MdRecoveryWindow *self,
                GtkWidget        *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opens the diary's window and closes this one; on failure, says what is wrong now. */
static void
open_diary_at (MdRecoveryWindow *self,
               const char       *path,
               MdStoreOpenFlags  flags,
               const char       *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDiary) diary = md_diary_open_full (path, flags, &error);
  MdWindow *window;

  if (diary == NULL)
    {
      g_warning ("Could not open the diary: %s", error->message);
      set_problem (self, path, error);
      return;
    }
  /* Notice what another process (an import from the command line) writes. */
  md_diary_watch (diary);
  window = md_window_new (self->app, diary);
  if (message != NULL)
    md_window_add_toast (window, message);
  g_set_weak_pointer (&self->opened, GTK_WIDGET (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
retry_clicked_cb (MdRecoveryWindow *self)
{
  g_autofree char *path = g_strdup (self->path);

  open_diary_at (self, path, MD_STORE_OPEN_CREATE, NULL);
}

static void
read_only_clicked_cb (MdRecoveryWindow *self)
{
  g_autofree char *path = g_strdup (self->path);

  open_diary_at (self, path, MD_STORE_OPEN_READ_ONLY, NULL);
}

static void
file_chosen (MdRecoveryWindow *self,
             const char       *path)
{
  open_diary_at (self, path, MD_STORE_OPEN_CREATE, NULL);
}

static void
chooser_response_cb (GtkNativeDialog  *native,
                     int               response,
                     MdRecoveryWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }
  gtk_native_dialog_destroy (native);
  g_clear_object (&self->chooser);
  if (path != NULL)
    file_chosen (self, path);
}

static void
choose_clicked_cb (MdRecoveryWindow *self)
{
  g_autoptr(GtkFileFilter) diaries = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->next_file != NULL)
    {
      g_autofree char *path = g_steal_pointer (&self->next_file);

      file_chosen (self, path);
      return;
    }
  if (self->chooser == NULL)
    {
      self->chooser = gtk_file_chooser_native_new (_("Choose a Diary"), GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
      gtk_file_filter_set_name (diaries, _("Diaries (*.db)"));
      gtk_file_filter_add_pattern (diaries, "*.db");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), diaries);
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
      g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
    }
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

typedef struct {
  char         *diary_path;
  MdBackupInfo *info;
} Restore;

static void
restore_free (Restore *restore)
{
  g_free (restore->diary_path);
  md_backup_info_free (restore->info);
  g_free (restore);
}

static MdBackupInfo *
info_copy (const MdBackupInfo *info)
{
  MdBackupInfo *copy = g_memdup2 (info, sizeof *info);

  copy->path = g_strdup (info->path);
  return copy;
}

/* Restoring a copy: in a thread, on a connection of its own (the damaged file is kept first). */
static void
restore_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  const Restore *restore = data;
  g_autoptr(GError) error = NULL;
  char *saved = NULL;

  if (md_backup_restore_path (restore->diary_path, restore->info->path, &saved, &error))
    g_task_return_pointer (task, saved != NULL ? saved : g_strdup (""), g_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
set_working (MdRecoveryWindow *self,
             gboolean          working)
{
  self->job_running = working;
  gtk_widget_set_visible (self->spinner, working);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), working);
  gtk_widget_set_sensitive (self->copies_group, !working);
  gtk_widget_set_sensitive (self->choose_button, !working);
  gtk_widget_set_sensitive (self->retry_button, !working);
  gtk_widget_set_sensitive (self->read_only_button, !working);
}

static void
restore_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  MdRecoveryWindow *self = MD_RECOVERY_WINDOW (source);
  const Restore *restore = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  g_autofree char *path = NULL;

  if (self->status_page == NULL)
    return;  /* closed meanwhile */
  set_working (self, FALSE);
  if (saved == NULL)
    {
      g_warning ("Nothing was restored: %s", error->message);
      present_dialog (self, md_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Restored"), error->message));
      return;
    }
  date = md_backup_format_date (restore->info);
  message = g_strdup_printf (_("The copy from %s has been restored"), date);
  path = g_strdup (self->path);
  open_diary_at (self, path, MD_STORE_OPEN_CREATE, message);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     MdRecoveryWindow *self)
{
  MdBackupInfo *info = g_object_get_data (G_OBJECT (dialog), "info");
  g_autoptr(GTask) task = NULL;
  Restore *restore;

  if (!g_str_equal (response, "restore") || self->job_running)
    return;
  restore = g_new0 (Restore, 1);
  restore->diary_path = g_strdup (self->path);
  restore->info = info_copy (info);
  set_working (self, TRUE);
  task = g_task_new (self, NULL, restore_done_cb, NULL);
  g_task_set_task_data (task, restore, (GDestroyNotify) restore_free);
  g_task_run_in_thread (task, restore_thread);
}

static void
copy_clicked_cb (GtkButton        *button,
                 MdRecoveryWindow *self)
{
  MdBackupInfo *info = g_object_get_data (G_OBJECT (button), "info");
  GtkWidget *dialog = md_backup_confirm_dialog_new (GTK_WINDOW (self), info);

  g_object_set_data_full (G_OBJECT (dialog), "info", info_copy (info), (GDestroyNotify) md_backup_info_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  present_dialog (self, dialog);
}

static void
fill_copies (MdRecoveryWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) copies = md_backup_list (self->path, &error);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *clamp = gtk_widget_get_parent (self->copies_group);

  /* A fresh group each time (AdwPreferencesGroup in 1.2 cannot be emptied simply). */
  adw_clamp_set_child (ADW_CLAMP (clamp), group);
  self->copies_group = group;
  gtk_widget_add_css_class (group, "copies");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Recent Copies"));
  if (copies == NULL || copies->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No copies of this diary were found"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), copies == NULL ? error->message
                                   : _("Copies are kept in the “backups” folder beside the diary."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      return;
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Bring back your diary as it was on one of these days. "
                                           "The damaged file is kept in the backups folder first."));
  for (guint i = 0; i < copies->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               md_backup_row_new (g_ptr_array_index (copies, i), G_CALLBACK (copy_clicked_cb), self));
}

static void
set_problem (MdRecoveryWindow *self,
             const char       *path,
             const GError     *error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *description = NULL;
  const char *title;
  gboolean damaged = is_error (error, MD_STORE_ERROR_CORRUPT);
  gboolean busy = is_error (error, MD_STORE_ERROR_BUSY);
  gboolean read_only = is_error (error, MD_STORE_ERROR_READ_ONLY);

  if (path != self->path)
    {
      g_free (self->path);
      self->path = g_strdup (path);
    }
  g_clear_error (&self->error);
  self->error = g_error_copy (error);

  if (damaged)
    {
      title = _("Your Diary Is Damaged");
      /* Translators: %s is the diary's file name. */
      description = g_strdup_printf (_("The diary file “%s” cannot be read: it is damaged, cut short, or not a diary at all. "
                                       "Menodiary has not changed it. Bring back a recent copy, or choose another diary file."),
                                     name);
    }
  else if (is_error (error, MD_STORE_ERROR_FOREIGN))
    {
      title = _("This Is Not a Menodiary Diary");
      description = g_strdup_printf (_("“%s” is a database of another program. Menodiary has not changed it. "
                                       "Choose your diary file instead."), name);
    }
  else if (is_error (error, MD_STORE_ERROR_TOO_NEW))
    {
      title = _("Your Diary Needs a Newer Menodiary");
      description = g_strdup_printf (_("The diary “%s” was last used by a newer version of Menodiary, which this version "
                                       "cannot read safely. Menodiary has not changed it. Update Menodiary to open it, "
                                       "or choose another diary file."), name);
    }
  else if (busy)
    {
      title = _("Your Diary Is in Use");
      description = g_strdup_printf (_("Another program is using the diary “%s” right now, so it cannot be opened for "
                                       "changes. Nothing has been changed. Try again in a moment, or open it read-only "
                                       "to look at it."), name);
    }
  else if (read_only)
    {
      title = _("Your Diary Can Only Be Read");
      description = g_strdup_printf (_("Menodiary may not change the diary “%s”: the file or its folder is read-only. "
                                       "You can open it read-only to read, export or back it up."), name);
    }
  else
    {
      title = _("Your Diary Cannot Be Opened");
      description = g_strdup_printf (_("The diary “%s” could not be opened. Nothing has been changed. "
                                       "Try again, or choose another diary file."), name);
    }
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_page), NULL);
  {
    GtkWidget *details = g_object_get_data (G_OBJECT (self), "details");

    gtk_label_set_text (GTK_LABEL (details), error->message);
  }

  gtk_widget_set_visible (self->retry_button, !damaged && !read_only &&
                          !is_error (error, MD_STORE_ERROR_FOREIGN) && !is_error (error, MD_STORE_ERROR_TOO_NEW));
  gtk_widget_set_visible (self->read_only_button, busy || read_only);
  gtk_widget_set_visible (gtk_widget_get_parent (self->copies_group), damaged);
  if (damaged)
    fill_copies (self);
  /* The first way out is the suggested one. */
  gtk_widget_remove_css_class (self->read_only_button, "suggested-action");
  gtk_widget_remove_css_class (self->retry_button, "suggested-action");
  if (read_only)
    gtk_widget_add_css_class (self->read_only_button, "suggested-action");
  else if (busy)
    gtk_widget_add_css_class (self->retry_button, "suggested-action");
  md_a11y_fix_names (GTK_WIDGET (self));
}

static GtkWidget *
pill_button (const char *mnemonic)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_widget_add_css_class (button, "pill");
  return button;
}

static void
md_recovery_window_dispose (GObject *object)
{
  MdRecoveryWindow *self = MD_RECOVERY_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_weak_pointer (&self->dialog);
  self->status_page = NULL;

  G_OBJECT_CLASS (md_recovery_window_parent_class)->dispose (object);
}

static void
md_recovery_window_finalize (GObject *object)
{
  MdRecoveryWindow *self = MD_RECOVERY_WINDOW (object);

  g_clear_weak_pointer (&self->opened);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->next_file, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (md_recovery_window_parent_class)->finalize (object);
}

static void
md_recovery_window_class_init (MdRecoveryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = md_recovery_window_dispose;
  object_class->finalize = md_recovery_window_finalize;
}

static void
md_recovery_window_init (MdRecoveryWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *details = gtk_label_new (NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Menodiary"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 640);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 400);

  self->status_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->status_page, "dialog-warning-symbolic");
  gtk_widget_set_vexpand (GTK_WIDGET (self->status_page), TRUE);

  self->retry_button = pill_button (_("Try _Again"));
  self->read_only_button = pill_button (_("Open _Read-Only"));
  self->choose_button = pill_button (_("_Choose Another Diary…"));
  g_signal_connect_swapped (self->retry_button, "clicked", G_CALLBACK (retry_clicked_cb), self);
  g_signal_connect_swapped (self->read_only_button, "clicked", G_CALLBACK (read_only_clicked_cb), self);
  g_signal_connect_swapped (self->choose_button, "clicked", G_CALLBACK (choose_clicked_cb), self);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), self->retry_button);
  gtk_box_append (GTK_BOX (buttons), self->read_only_button);
  gtk_box_append (GTK_BOX (buttons), self->choose_button);

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Restoring the copy"), -1);

  self->copies_group = adw_preferences_group_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->copies_group);

  /* The technical reason, for whoever helps her. */
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (details), TRUE);
  gtk_label_set_justify (GTK_LABEL (details), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (details, "caption");
  g_object_set_data (G_OBJECT (self), "details", details);

  gtk_box_append (GTK_BOX (content), buttons);
  gtk_box_append (GTK_BOX (content), self->spinner);
  gtk_box_append (GTK_BOX (content), clamp);
  gtk_box_append (GTK_BOX (content), details);
  adw_status_page_set_child (self->status_page, content);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_page));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), box);
}

MdRecoveryWindow *
md_recovery_window_new (MdApplication *app,
                        const char    *path,
                        const GError  *error)
{
  MdRecoveryWindow *self;

  g_return_val_if_fail (app == NULL || MD_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (path != NULL && error != NULL, NULL);

  self = g_object_new (MD_TYPE_RECOVERY_WINDOW, "application", app, NULL);
  self->app = app;
  set_problem (self, path, error);
  return self;
}

void
md_recovery_window_set_next_file (MdRecoveryWindow *self,
                                  const char       *path)
{
  g_return_if_fail (MD_IS_RECOVERY_WINDOW (self));

  g_free (self->next_file);
  self->next_file = g_strdup (path);
}
