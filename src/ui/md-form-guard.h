/* md-form-guard.h: what keeps a form from losing or changing her answers by accident. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Asks @heading ("Discard this episode?") over @form with Discard and Keep Editing;
 * Discard destroys @form. Returns the dialog (owned by GTK, already presented). */
GtkWidget *md_form_ask_discard  (GtkWindow  *form,
                                 const char *heading);

/* Makes the mouse wheel over @widget (a spin button, scale or drop-down inside a scrolled
 * window) scroll the form instead of changing the value. */
void       md_form_guard_scroll (GtkWidget  *widget);

G_END_DECLS
