/* md-window.h: the main window: history, flags, and the "Log episode" action. */
#pragma once

#include <adwaita.h>

#include "md-application.h"
#include "md-diary.h"

G_BEGIN_DECLS

#define MD_TYPE_WINDOW (md_window_get_type ())
G_DECLARE_FINAL_TYPE (MdWindow, md_window, MD, WINDOW, AdwApplicationWindow)

MdWindow *md_window_new        (MdApplication *app,
                                MdDiary       *diary);
/* The diary this window shows. */
MdDiary  *md_window_get_diary  (MdWindow *self);
/* Uses @number as her emergency number instead of the preference (NULL: the preference again,
 * or the number for her region when it is empty). Tests pass it so they do not depend on the
 * machine's locale. */
void      md_window_set_emergency_number (MdWindow   *self,
                                          const char *number);
/* A short message at the foot of the window. */
void      md_window_add_toast  (MdWindow   *self,
                                const char *text);
/* The diary was opened read-only: every action that would change it is off. */
gboolean  md_window_is_read_only (MdWindow *self);
/* Sets the keyboard accelerators of the window actions on @app (called from startup). */
void      md_window_set_accels (GtkApplication *app);

G_END_DECLS
