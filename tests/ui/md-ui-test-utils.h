/* md-ui-test-utils.h: helpers for the window tests. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs pending main-loop work (layout, idle callbacks). */
void     md_ui_test_flush    (void);
/* When $MD_SCREENSHOT_DIR is set, renders @window to $MD_SCREENSHOT_DIR/@name.png. */
void     md_ui_test_screenshot (GtkWidget  *window,
                                const char *name);

/* A mouse-wheel turn over @target as GTK delivers it: every GtkEventControllerScroll from the
 * window down to @target in the capture phase, then back up in the target and bubble phases,
 * until one handles it. Returns whether one did. */
gboolean md_ui_test_scroll    (GtkWidget  *target,
                               double      dx,
                               double      dy);

G_END_DECLS
