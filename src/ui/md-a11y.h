/* md-a11y.h: small helpers for screen readers (GTK 4.8). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 gives a GtkCheckButton no AT-SPI action, so a screen reader cannot toggle it without
 * moving the keyboard focus. This adds one ("a11y.toggle"), doing what a click does. */
void md_a11y_add_toggle_action (GtkCheckButton *check);

/* Sets the accessible label, where GTK 4.8 would otherwise read a name twice or not at all. */
void md_a11y_set_label         (GtkWidget      *widget,
                                const char     *label);

/* Walks @root's widgets and makes each name read once, cleanly, as a screen reader user expects:
 * a button with a mnemonic ("_Save") is named "Save", not "_Save Save"; a control inside a row
 * is named by its own label or the row's title, not both; every check box gets the toggle
 * action above. Call it after building a window, and again after adding widgets to it. */
void md_a11y_fix_names         (GtkWidget      *root);

G_END_DECLS
