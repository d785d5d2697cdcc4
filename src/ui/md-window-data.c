/* md-window-data.c: the window's data actions: import, export, back up, restore, restore a
 * recent copy; and the read-only state of a diary that can only be read.
 *
 * Every job runs in a GTask thread on a connection of its own (SQLite: one connection per
 * thread), so the window never freezes; a bar at the foot of the window says what is being
 * done. A job that changed the diary is picked up by md_diary_check_external(), which emits
 * "changed" as for a change made by another program, so every view refreshes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-window-data"

#include "config.h"

#include <glib/gi18n.h>

#include "md-a11y.h"
#include "md-backup.h"
#include "md-backup-ui.h"
#include "md-checkin-csv.h"
#include "md-csv.h"
#include "md-time.h"
#include "md-window-private.h"

/* At most this many problems are listed; the rest are counted. */
#define MAX_LISTED_ERRORS 500

typedef enum {
  JOB_IMPORT,
  JOB_EXPORT_EPISODES,
  JOB_EXPORT_CHECKINS,
  JOB_BACKUP,
  JOB_RESTORE,
} JobKind;

typedef struct {
  JobKind    kind;
  char      *diary_path;
  char      *file;
  gint64     now;
  char      *date;          /* restore: the copy's date, for the message */
  MdCsvKind  csv_kind;
  guint      n_imported;
  guint      n_other;       /* skipped episodes, or replaced check-in days */
  GPtrArray *row_errors;
  char      *saved_copy;
  GApplication *app;        /* held while the job runs */
} Job;

typedef void (*FileChosenFunc) (MdWindow   *self,
                                const char *path,
                                const char *kind);

/* The actions that change the diary (off in a read-only diary) and the data actions (off
 * while a job runs). */
static const char * const write_actions[] = {
  "log-episode", "check-in", "edit-episode", "delete-episode", "undo-delete",
  "import", "restore", "restore-recent",
};
static const char * const data_actions[] = {
  "import", "export", "backup", "restore", "restore-recent",
};

static void
job_free (Job *job)
{
  g_free (job->diary_path);
  g_free (job->file);
  g_free (job->date);
  g_clear_pointer (&job->row_errors, g_ptr_array_unref);
  g_free (job->saved_copy);
  if (job->app != NULL)
    {
      g_application_release (job->app);
      g_object_unref (job->app);
    }
  g_free (job);
}

static gboolean
in_list (const char * const *list,
         gsize               n,
         const char         *name)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (list[i], name))
      return TRUE;
  return FALSE;
}

static void
update_actions (MdWindow *self)
{
  gboolean read_only = md_window_is_read_only (self);
  gchar **names = g_action_group_list_actions (G_ACTION_GROUP (self));

  for (guint i = 0; names[i] != NULL; i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), names[i]);
      gboolean off = (read_only && in_list (write_actions, G_N_ELEMENTS (write_actions), names[i])) ||
                     (self->job_running && in_list (data_actions, G_N_ELEMENTS (data_actions), names[i]));

      if (G_IS_SIMPLE_ACTION (action))
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !off);
    }
  g_strfreev (names);
}

static void
set_status (MdWindow   *self,
            const char *text)
{
  g_free (self->data_status);
  self->data_status = g_strdup (text);
}

static void
toast (MdWindow   *self,
       const char *text)
{
  set_status (self, text);
  md_window_add_toast (self, text);
}

static void
present_dialog (MdWindow  *self,
                GtkWidget *dialog)
{
  g_set_weak_pointer (&self->data_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
report_error (MdWindow     *self,
              const char   *heading,
              const GError *error)
{
  g_warning ("%s: %s", heading, error->message);
  set_status (self, error->message);
  present_dialog (self, md_message_dialog_new (GTK_WINDOW (self), heading, error->message));
}

/* The problems of a refused import, one per line (FILE:LINE: column: what is wrong). */
static void
report_import_errors (MdWindow     *self,
                      const GError *error,
                      GPtrArray    *rows)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *body = g_strdup_printf ("%s %s", error->message,
                                           _("Correct these lines in the file, then import it again."));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Imported"), body);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  guint n = MIN (rows->len, MAX_LISTED_ERRORS);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", (const char *) g_ptr_array_index (rows, i));
  if (rows->len > n)
    {
      guint rest = rows->len - n;

      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("…and %u more problem.", "…and %u more problems.", rest), rest);
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text->str, -1);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems in the file"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 80);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_warning ("Nothing was imported: %s", error->message);
  set_status (self, error->message);
  present_dialog (self, dialog);
}

static char *
import_summary (const Job *job)
{
  guint n = job->n_imported;

  if (job->csv_kind == MD_CSV_KIND_CHECKINS)
    {
      if (n == 0)
        return g_strdup (_("The file holds no check-ins; nothing was imported"));
      if (job->n_other > 0)
        return g_strdup_printf (ngettext ("%u check-in imported; days already in the diary were updated",
                                          "%u check-ins imported; days already in the diary were updated", n), n);
      return g_strdup_printf (ngettext ("%u check-in imported", "%u check-ins imported", n), n);
    }
  if (n == 0 && job->n_other > 0)
    return g_strdup (_("Every episode in the file is already in the diary; nothing was imported"));
  if (n == 0)
    return g_strdup (_("The file holds no episodes; nothing was imported"));
  if (job->n_other > 0)
    return g_strdup_printf (ngettext ("%u new episode imported; the others were already in the diary",
                                      "%u new episodes imported; the others were already in the diary", n), n);
  return g_strdup_printf (ngettext ("%u episode imported", "%u episodes imported", n), n);
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdStore) store = NULL;
  gboolean ok = FALSE;

  switch (job->kind)
    {
    case JOB_RESTORE:
      ok = md_backup_restore_path (job->diary_path, job->file, &job->saved_copy, &error);
      break;
    case JOB_IMPORT:
      store = md_store_open_full (job->diary_path, MD_STORE_OPEN_EXISTING, &error);
      if (store != NULL)
        {
          md_store_set_now (store, job->now);
          ok = md_csv_import_any_file (store, job->file, &job->csv_kind, &job->n_imported, &job->n_other,
                                       &job->row_errors, &error);
        }
      break;
    case JOB_EXPORT_EPISODES:
    case JOB_EXPORT_CHECKINS:
    case JOB_BACKUP:
      /* Reading jobs never change the diary: a connection of their own, read-only. */
      store = md_store_open_full (job->diary_path, MD_STORE_OPEN_READ_ONLY, &error);
      if (store == NULL)
        break;
      if (job->kind == JOB_BACKUP)
        ok = md_backup_write (store, job->file, &error);
      else if (job->kind == JOB_EXPORT_EPISODES)
        ok = md_csv_export_file (store, job->file, &error);
      else
        ok = md_checkin_csv_export_file (store, job->file, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  MdWindow *self = MD_WINDOW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (job->file);
  g_autofree char *text = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  self->job_running = FALSE;
  if (self->work_bar != NULL)
    {
      gtk_action_bar_set_revealed (GTK_ACTION_BAR (self->work_bar), FALSE);
      gtk_spinner_set_spinning (self->work_spinner, FALSE);
    }
  if (self->diary == NULL)
    return;  /* the window has been closed */
  if (job->kind == JOB_RESTORE && self->recent_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->recent_window));
  update_actions (self);
  /* What the job wrote through its own connection: every view refreshes from "changed". */
  if (job->kind == JOB_IMPORT || job->kind == JOB_RESTORE)
    md_diary_check_external (self->diary);

  switch (job->kind)
    {
    case JOB_IMPORT:
      if (!ok && job->row_errors != NULL && job->row_errors->len > 0)
        report_import_errors (self, error, job->row_errors);
      else if (!ok)
        report_error (self, _("Nothing Was Imported"), error);
      else
        toast (self, (text = import_summary (job)));
      break;
    case JOB_EXPORT_EPISODES:
    case JOB_EXPORT_CHECKINS:
      if (!ok)
        report_error (self, _("Could Not Export"), error);
      else if (job->kind == JOB_EXPORT_EPISODES)
        toast (self, (text = g_strdup_printf (_("Episodes exported to “%s”"), name)));
      else
        toast (self, (text = g_strdup_printf (_("Check-ins exported to “%s”"), name)));
      break;
    case JOB_BACKUP:
      if (!ok)
        report_error (self, _("Could Not Back Up"), error);
      else
        toast (self, (text = g_strdup_printf (_("Diary backed up to “%s”"), name)));
      break;
    case JOB_RESTORE:
      if (!ok)
        report_error (self, _("Nothing Was Restored"), error);
      else
        toast (self, (text = g_strdup_printf (_("The copy from %s has been restored"), job->date)));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
start_job (MdWindow   *self,
           JobKind     kind,
           const char *file,
           const char *date,
           const char *doing)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (!self->job_running);

  job->kind = kind;
  job->diary_path = g_strdup (md_diary_get_path (self->diary));
  job->file = g_strdup (file);
  job->date = g_strdup (date);
  job->now = md_diary_get_now (self->diary);
  self->job_running = TRUE;
  /* Quitting waits for the job: an import or a restore is never cut short by closing. */
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    {
      job->app = g_object_ref (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      g_application_hold (job->app);
    }
  update_actions (self);
  md_window_data_ensure_work_bar (self);
  gtk_label_set_text (self->work_label, doing);
  gtk_spinner_set_spinning (self->work_spinner, TRUE);
  gtk_action_bar_set_revealed (GTK_ACTION_BAR (self->work_bar), TRUE);
  set_status (self, doing);

  task = g_task_new (self, NULL, job_done_cb, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

/* File choosers (GTK 4.8 has no GtkFileDialog). A test sets the answer in advance
 * (md_window_set_next_file), since a chooser cannot be driven in-process. */
static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     MdWindow        *self)
{
  FileChosenFunc func = g_object_get_data (G_OBJECT (native), "func");
  const char *kind = g_object_get_data (G_OBJECT (native), "kind");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        func (self, path, kind);
      else
        toast (self, _("Only files on this computer can be used"));
    }
  gtk_native_dialog_destroy (native);
  g_clear_object (&self->chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_file (MdWindow             *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             const char           *suggested_name,
             const char           *kind,
             FileChosenFunc        func)
{
  GtkFileChooser *chooser;

  if (self->next_file != NULL)
    {
      g_autofree char *path = g_steal_pointer (&self->next_file);

      func (self, path, kind);
      return;
    }
  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (chooser, suggested_name);
  if (g_strcmp0 (kind, "diary") == 0)
    add_filter (chooser, _("Diaries and copies (*.db)"), "*.db");
  else
    add_filter (chooser, _("CSV files (*.csv)"), "*.csv");
  add_filter (chooser, _("All files"), "*");
  g_object_set_data (G_OBJECT (self->chooser), "func", func);
  g_object_set_data_full (G_OBJECT (self->chooser), "kind", g_strdup (kind), g_free);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static char *
suggested_name (MdWindow   *self,
                const char *what,
                const char *ext)
{
  g_autofree char *day = md_time_format_day (md_diary_get_today (self->diary));

  return g_strdup_printf ("menodiary-%s-%s.%s", what, day, ext);
}

/* Import. */
static void
import_chosen (MdWindow   *self,
               const char *path,
               const char *kind)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *doing = g_strdup_printf (_("Importing “%s”…"), name);

  start_job (self, JOB_IMPORT, path, NULL, doing);
}

static void
import_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  choose_file (MD_WINDOW (user_data), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Episodes or Check-ins"),
               _("_Import"), NULL, "csv", import_chosen);
}

/* Export. */
static void
export_chosen (MdWindow   *self,
               const char *path,
               const char *kind)
{
  gboolean checkins = g_strcmp0 (kind, "checkins") == 0;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *doing = g_strdup_printf (_("Exporting to “%s”…"), name);

  start_job (self, checkins ? JOB_EXPORT_CHECKINS : JOB_EXPORT_EPISODES, path, NULL, doing);
}

static void
export_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  MdWindow *self = MD_WINDOW (user_data);
  const char *kind = g_variant_get_string (parameter, NULL);
  gboolean checkins = g_str_equal (kind, "checkins");
  g_autofree char *name = suggested_name (self, checkins ? "checkins" : "episodes", "csv");

  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE,
               checkins ? _("Export Check-ins") : _("Export Episodes"), _("_Export"), name,
               checkins ? "checkins" : "episodes", export_chosen);
}

/* Back up. */
static void
backup_chosen (MdWindow   *self,
               const char *path,
               const char *kind)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *doing = g_strdup_printf (_("Backing up to “%s”…"), name);

  start_job (self, JOB_BACKUP, path, NULL, doing);
}

static void
backup_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  MdWindow *self = MD_WINDOW (user_data);
  g_autofree char *name = suggested_name (self, "backup", "db");

  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Back Up the Diary"), _("_Back Up"), name, "diary",
               backup_chosen);
}

/* Restore: always asked first, naming the copy's date and what it holds. */
static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     MdWindow         *self)
{
  MdBackupInfo *info = g_object_get_data (G_OBJECT (dialog), "info");
  g_autofree char *date = NULL;
  g_autofree char *doing = NULL;

  if (!g_str_equal (response, "restore") || self->job_running)
    return;
  date = md_backup_format_date (info);
  doing = g_strdup_printf (_("Restoring the copy from %s…"), date);
  /* The list goes once the restore is done (this dialog still belongs to it now). */
  if (self->recent_window != NULL)
    gtk_widget_set_visible (self->recent_window, FALSE);
  start_job (self, JOB_RESTORE, info->path, date, doing);
}

static void
confirm_restore (MdWindow           *self,
                 GtkWindow          *parent,
                 const MdBackupInfo *info)
{
  GtkWidget *dialog = md_backup_confirm_dialog_new (parent, info);
  MdBackupInfo *copy = g_memdup2 (info, sizeof *info);

  copy->path = g_strdup (info->path);
  g_object_set_data_full (G_OBJECT (dialog), "info", copy, (GDestroyNotify) md_backup_info_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  present_dialog (self, dialog);
}

static void
restore_chosen (MdWindow   *self,
                const char *path,
                const char *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdBackupInfo) info = md_backup_inspect (path, &error);

  if (info == NULL)
    {
      report_error (self, _("Nothing Was Restored"), error);
      return;
    }
  confirm_restore (self, GTK_WINDOW (self), info);
}

static void
restore_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  choose_file (MD_WINDOW (user_data), GTK_FILE_CHOOSER_ACTION_OPEN, _("Restore a Copy of the Diary"),
               _("_Choose"), NULL, "diary", restore_chosen);
}

/* Restore a recent copy: the automatic copies, newest first, with what each holds. */
static void
recent_row_clicked_cb (GtkButton *button,
                       MdWindow  *self)
{
  MdBackupInfo *info = g_object_get_data (G_OBJECT (button), "info");

  confirm_restore (self, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))), info);
}

static GtkWidget *
recent_window_new (MdWindow  *self,
                   GPtrArray *copies)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Recent Copies"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 520);
  gtk_widget_set_size_request (window, 360, 300);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Menodiary keeps a copy of your diary as it was before the first change "
                                           "of each day (the last seven days with changes), and one before each restore. "
                                           "Restoring keeps the diary as it is now first."));
  gtk_widget_add_css_class (group, "copies");
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  if (copies->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No copies yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("A copy is made before the first change of each day, once the diary holds something."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  for (guint i = 0; i < copies->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               md_backup_row_new (g_ptr_array_index (copies, i), G_CALLBACK (recent_row_clicked_cb), self));
  md_a11y_fix_names (window);
  return window;
}

static void
restore_recent_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  MdWindow *self = MD_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) copies = md_diary_list_backups (self->diary, &error);
  GtkWidget *window;

  if (copies == NULL)
    {
      report_error (self, _("The Copies Cannot Be Listed"), error);
      return;
    }
  if (self->recent_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->recent_window));
  window = recent_window_new (self, copies);
  g_set_weak_pointer (&self->recent_window, window);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry data_entries[] = {
  { "import", import_cb },
  { "export", export_cb, "s" },
  { "backup", backup_cb },
  { "restore", restore_cb },
  { "restore-recent", restore_recent_cb },
};

void
md_window_data_init (MdWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), data_entries, G_N_ELEMENTS (data_entries), self);
}

/* The two bars go in the window's vertical box, made when first needed: most starts show
 * neither, and every widget costs start-up time. */

/* The read-only notice, under the header bar. */
void
md_window_data_ensure_read_only_bar (MdWindow *self)
{
  GtkWidget *box = adw_toast_overlay_get_child (self->toast_overlay);
  GtkWidget *icon, *label;

  if (self->read_only_bar != NULL)
    return;
  icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
  label = gtk_label_new (_("This diary is open read-only: you can read, export and back it up, "
                           "but nothing can be changed or added."));
  self->read_only_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (self->read_only_bar), icon);
  gtk_box_append (GTK_BOX (self->read_only_bar), label);
  gtk_widget_add_css_class (self->read_only_bar, "read-only-bar");
  gtk_box_insert_child_after (GTK_BOX (box), self->read_only_bar, gtk_widget_get_first_child (box));
}

/* What is being done, at the foot, while a job runs. */
void
md_window_data_ensure_work_bar (MdWindow *self)
{
  GtkWidget *box = adw_toast_overlay_get_child (self->toast_overlay);

  if (self->work_bar != NULL)
    return;
  self->work_bar = gtk_action_bar_new ();
  self->work_spinner = GTK_SPINNER (gtk_spinner_new ());
  self->work_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->work_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->work_label), TRUE);
  gtk_label_set_xalign (self->work_label, 0);
  gtk_action_bar_pack_start (GTK_ACTION_BAR (self->work_bar), GTK_WIDGET (self->work_spinner));
  gtk_action_bar_pack_start (GTK_ACTION_BAR (self->work_bar), GTK_WIDGET (self->work_label));
  gtk_action_bar_set_revealed (GTK_ACTION_BAR (self->work_bar), FALSE);
  gtk_box_insert_child_after (GTK_BOX (box), self->work_bar, GTK_WIDGET (self->view_stack));
}

void
md_window_data_set_diary (MdWindow *self)
{
  gboolean read_only = md_window_is_read_only (self);

  if (read_only)
    md_window_data_ensure_read_only_bar (self);
  if (self->read_only_bar != NULL)
    gtk_widget_set_visible (self->read_only_bar, read_only);
  if (read_only)
    {
      /* Translators: the window title of a diary that can only be read. */
      gtk_window_set_title (GTK_WINDOW (self), _("Menodiary (read-only)"));
    }
  update_actions (self);
}

void
md_window_data_dispose (MdWindow *self)
{
  if (self->recent_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->recent_window));
  g_clear_weak_pointer (&self->recent_window);
  if (self->data_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->data_dialog));
  g_clear_weak_pointer (&self->data_dialog);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->next_file, g_free);
  g_clear_pointer (&self->data_status, g_free);
  /* A job still running finds these gone when it ends (the widgets go with the template). */
  self->work_bar = NULL;
  self->work_label = NULL;
  self->work_spinner = NULL;
  self->read_only_bar = NULL;
}

gboolean
md_window_is_read_only (MdWindow *self)
{
  g_return_val_if_fail (MD_IS_WINDOW (self), FALSE);
  return self->diary != NULL && md_store_is_read_only (md_diary_get_store (self->diary));
}

void
md_window_set_next_file (MdWindow   *self,
                         const char *path)
{
  g_return_if_fail (MD_IS_WINDOW (self));

  g_free (self->next_file);
  self->next_file = g_strdup (path);
}

gboolean
md_window_is_busy (MdWindow *self)
{
  g_return_val_if_fail (MD_IS_WINDOW (self), FALSE);
  return self->job_running;
}
