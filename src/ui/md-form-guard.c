/* md-form-guard.c: what keeps a form from losing or changing her answers by accident.
 *
 * A form with changes asks before it is thrown away; a value under the pointer does not
 * take the mouse wheel while she scrolls through the form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-form-guard"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "md-form-guard.h"

static gboolean
destroy_form_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GtkWindow        *form)
{
  /* Once the dialog, which is transient for the form, has closed itself. */
  if (g_strcmp0 (response, "discard") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_form_cb, g_object_ref (form), g_object_unref);
}

GtkWidget *
md_form_ask_discard (GtkWindow  *form,
                     const char *heading)
{
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (form), NULL);

  dialog = adw_message_dialog_new (form, heading, _("What you entered here will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), form, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Scrolls the nearest scrolled window by what the wheel asked, as it would itself. */
static void
scroll_adjustment (GtkAdjustment      *adj,
                   double              delta,
                   GdkScrollUnit       unit)
{
  double step;

  if (adj == NULL || delta == 0)
    return;
  step = unit == GDK_SCROLL_UNIT_WHEEL ? pow (gtk_adjustment_get_page_size (adj), 2.0 / 3.0) : 1.0;
  gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + delta * step);
}

static gboolean
guard_scroll_cb (GtkEventControllerScroll *controller,
                 double                    dx,
                 double                    dy,
                 gpointer                  user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GdkScrollUnit unit = gtk_event_controller_scroll_get_unit (controller);

  if (scrolled == NULL)
    return GDK_EVENT_PROPAGATE;
  scroll_adjustment (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), dy, unit);
  scroll_adjustment (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled)), dx, unit);
  /* Handled here, in the capture phase: the widget's own wheel handler never sees it. */
  return GDK_EVENT_STOP;
}

void
md_form_guard_scroll (GtkWidget *widget)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "md-form-guard-scroll");
  g_signal_connect (controller, "scroll", G_CALLBACK (guard_scroll_cb), NULL);
  gtk_widget_add_controller (widget, controller);
}
