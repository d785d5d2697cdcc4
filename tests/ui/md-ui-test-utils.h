/* md-ui-test-utils.h: helpers for the window tests. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs pending main-loop work (layout, idle callbacks). */
void     md_ui_test_flush    (void);
/* When $MD_SCREENSHOT_DIR is set, renders @window to $MD_SCREENSHOT_DIR/@name.png. */
void     md_ui_test_screenshot (GtkWidget  *window,
                                const char *name);

G_END_DECLS
