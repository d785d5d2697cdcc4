/* md-recovery-window.h: what opens instead of the diary when it cannot be opened: what is
 * wrong in plain words, and the ways out (a recent copy, read-only, another file).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-application.h"

G_BEGIN_DECLS

#define MD_TYPE_RECOVERY_WINDOW (md_recovery_window_get_type ())
G_DECLARE_FINAL_TYPE (MdRecoveryWindow, md_recovery_window, MD, RECOVERY_WINDOW, AdwApplicationWindow)

/* A window about the diary at @path that could not be opened with @error (MD_STORE_ERROR).
 * Once a way out works, the diary's window opens (on @app, which may be NULL in tests) and
 * this one closes. The file is never changed without a copy made first. */
MdRecoveryWindow *md_recovery_window_new (MdApplication *app,
                                          const char    *path,
                                          const GError  *error);

G_END_DECLS
