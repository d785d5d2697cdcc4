/* md-backup-ui.c: copies of the diary in words and rows (see md-backup-ui.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-backup-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "md-backup-ui.h"

static MdBackupInfo *
info_copy (const MdBackupInfo *info)
{
  MdBackupInfo *copy = g_memdup2 (info, sizeof *info);

  copy->path = g_strdup (info->path);
  return copy;
}

char *
md_backup_format_date (const MdBackupInfo *info)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (info->made_local);

  g_return_val_if_fail (info != NULL, NULL);

  if (dt == NULL)
    return g_path_get_basename (info->path);
  switch (info->kind)
    {
    case MD_BACKUP_KIND_DAILY:
      /* Translators: the day of a daily copy of the diary, e.g. "Monday 17 March 2025" (strftime). */
      return g_date_time_format (dt, _("%A %-d %B %Y"));
    case MD_BACKUP_KIND_BEFORE_RESTORE:
      /* Translators: the copy kept when a restore replaced the diary, e.g. "Monday 17 March
       * 2025, 14:05, before a restore" (strftime). */
      return g_date_time_format (dt, _("%A %-d %B %Y, %H:%M, before a restore"));
    case MD_BACKUP_KIND_FILE:
    default:
      /* Translators: when a diary file was last written, e.g. "Monday 17 March 2025, 14:05" (strftime). */
      return g_date_time_format (dt, _("%A %-d %B %Y, %H:%M"));
    }
}

char *
md_backup_format_counts (const MdBackupInfo *info)
{
  g_autofree char *episodes = NULL;
  g_autofree char *checkins = NULL;

  g_return_val_if_fail (info != NULL, NULL);

  if (info->n_episodes < 0)
    return g_strdup (_("This copy cannot be read"));
  episodes = g_strdup_printf (ngettext ("%d episode", "%d episodes", info->n_episodes), info->n_episodes);
  checkins = g_strdup_printf (ngettext ("%d check-in", "%d check-ins", info->n_checkins), info->n_checkins);
  /* Translators: what a copy of the diary holds, in a list: "42 episodes · 10 check-ins". */
  return g_strdup_printf (C_("copy counts", "%s · %s"), episodes, checkins);
}

GtkWidget *
md_backup_row_new (const MdBackupInfo *info,
                   GCallback           clicked,
                   gpointer            user_data)
{
  g_autofree char *date = md_backup_format_date (info);
  g_autofree char *counts = md_backup_format_counts (info);
  g_autofree char *a11y = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), counts);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, info->n_episodes >= 0);
  /* Translators: the accessible name of the button restoring the copy of that day. */
  a11y = g_strdup_printf (_("Restore the copy from %s"), date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_object_set_data_full (G_OBJECT (button), "info", info_copy (info), (GDestroyNotify) md_backup_info_free);
  g_signal_connect (button, "clicked", clicked, user_data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

GtkWidget *
md_backup_confirm_dialog_new (GtkWindow          *parent,
                              const MdBackupInfo *info)
{
  g_autofree char *date = md_backup_format_date (info);
  g_autofree char *name = g_path_get_basename (info->path);
  g_autofree char *first = NULL;
  g_autofree char *holds = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %1$s is the date of the copy, %2$s its file name. */
  first = g_strdup_printf (_("Your diary will be replaced by the copy from %1$s (“%2$s”). "
                             "The diary as it is now is kept in the backups folder first, so you can go back to it."),
                           date, name);
  if (info->n_episodes >= 0)
    {
      g_autofree char *episodes = g_strdup_printf (ngettext ("The copy holds %d episode.", "The copy holds %d episodes.",
                                                             info->n_episodes), info->n_episodes);
      g_autofree char *checkins = NULL;

      /* Two sentences, each with its own plural; none about check-ins when there are none. */
      if (info->n_checkins > 0)
        checkins = g_strdup_printf (ngettext ("It holds %d daily check-in.", "It holds %d daily check-ins.",
                                              info->n_checkins), info->n_checkins);
      holds = g_strjoin (" ", episodes, checkins, NULL);
    }
  body = holds != NULL ? g_strjoin ("\n\n", first, holds, NULL) : g_strdup (first);
  dialog = adw_message_dialog_new (parent, _("Restore This Copy?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

GtkWidget *
md_message_dialog_new (GtkWindow  *parent,
                       const char *heading,
                       const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  return dialog;
}
