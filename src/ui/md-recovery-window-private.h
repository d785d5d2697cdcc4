/* md-recovery-window-private.h: the recovery window's insides, for the window tests. */
#pragma once

#include "md-recovery-window.h"

G_BEGIN_DECLS

struct _MdRecoveryWindow
{
  AdwApplicationWindow  parent_instance;

  MdApplication        *app;          /* weak (NULL in tests) */
  char                 *path;         /* the diary that could not be opened */
  GError               *error;        /* why */
  char                 *next_file;    /* tests: the answer of the next file chooser */
  GtkFileChooserNative *chooser;
  gboolean              job_running;  /* a restore is under way */
  GtkWidget            *opened;       /* weak: the diary's window once it opened */
  GtkWidget            *dialog;       /* weak: the last question or report shown */

  AdwStatusPage        *status_page;
  GtkWidget            *retry_button;
  GtkWidget            *read_only_button;
  GtkWidget            *choose_button;
  GtkWidget            *copies_group; /* the recent copies, when a restore can help */
  GtkWidget            *spinner;
};

/* Tests: @path answers the next file chooser instead of showing it. */
void md_recovery_window_set_next_file (MdRecoveryWindow *self,
                                       const char       *path);

G_END_DECLS
