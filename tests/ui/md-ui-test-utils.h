/* md-ui-test-utils.h: helpers for the window tests. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* gtk_test_init, then the C.UTF-8 locale again: gtk_test_init switches to en_US.UTF-8 where
 * that exists, which would make the emergency number 911 and the paper Letter. */
void     md_ui_test_init     (int    *argc,
                              char ***argv);
/* Runs pending main-loop work (layout, idle callbacks). */
void     md_ui_test_flush    (void);
/* When $MD_SCREENSHOT_DIR is set, renders @window to $MD_SCREENSHOT_DIR/@name.png. */
void     md_ui_test_screenshot (GtkWidget  *window,
                                const char *name);

/* When $MD_SCREENSHOT_DIR is set, @name-360-light.png, @name-1280-light.png and the same dark:
 * the window at 360 px and 1280 px wide, in the light and the dark style. */
void     md_ui_test_screenshots (GtkWidget  *window,
                                 const char *name);

/* The first button under @root labelled @label (the label as set, mnemonic included). */
GtkWidget *md_ui_test_find_button  (GtkWidget  *root,
                                    const char *label);
/* Clicks the button labelled @label under @root (a dialog, say), as she would; asserts it exists. */
void     md_ui_test_press_button  (gpointer    root,
                                   const char *label);

/* A mouse-wheel turn over @target as GTK delivers it: every GtkEventControllerScroll from the
 * window down to @target in the capture phase, then back up in the target and bubble phases,
 * until one handles it. Returns whether one did. */
gboolean md_ui_test_scroll    (GtkWidget  *target,
                               double      dx,
                               double      dy);

G_END_DECLS
