/* md-ui-test-utils.h: helpers for the window tests. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Iterates the main loop until @done returns TRUE or @timeout_ms passes; returns @done's last answer. */
gboolean md_ui_test_wait_for (gboolean (*done) (gpointer data),
                              gpointer   data,
                              guint      timeout_ms);
/* Runs pending main-loop work (layout, idle callbacks). */
void     md_ui_test_flush    (void);
/* When $MD_SCREENSHOT_DIR is set, renders @window to $MD_SCREENSHOT_DIR/@name.png. */
void     md_ui_test_screenshot (GtkWidget  *window,
                                const char *name);

G_END_DECLS
