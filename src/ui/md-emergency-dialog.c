/* md-emergency-dialog.c: the blocking message for emergency alerts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-emergency-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "md-emergency-dialog.h"

GPtrArray *
md_emergency_flags_for (GPtrArray *flags,
                        gint64     episode_id)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; flags != NULL && i < flags->len; i++)
    {
      MdFlag *flag = g_ptr_array_index (flags, i);

      if (flag->level != MD_LEVEL_EMERGENCY || flag->episodes == NULL)
        continue;
      for (guint k = 0; k < flag->episodes->len; k++)
        if (g_array_index (flag->episodes, gint64, k) == episode_id)
          {
            g_ptr_array_add (out, flag);
            break;
          }
    }
  return out;
}

GtkWidget *
md_emergency_dialog_new (GtkWindow  *parent,
                         const char *number,
                         GPtrArray  *flags)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (number != NULL && flags != NULL && flags->len > 0, NULL);

  /* Translators: %s is the emergency phone number, e.g. 112. */
  heading = g_strdup_printf (_("Call %s Now"), number);
  /* The call first, then what was logged, then why. */
  {
    g_autofree char *action = md_level_action (MD_LEVEL_EMERGENCY, number);
    g_string_append_printf (body, "%s\n\n", action);
  }
  for (guint i = 0; i < flags->len; i++)
    {
      MdFlag *flag = g_ptr_array_index (flags, i);
      g_string_append_printf (body, "%s\n\n", flag->message);
    }
  g_string_append (body, _("Menodiary cannot tell what is causing these signs; a medical professional needs to see you."));

  dialog = adw_message_dialog_new (parent, heading, body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_I Understand"));
  /* Not styled as destructive: understanding the message destroys nothing. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  return dialog;
}
