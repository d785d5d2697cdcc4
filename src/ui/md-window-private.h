/* md-window-private.h: the window's insides, for the window tests. */
#pragma once

#include "md-episode-editor.h"
#include "md-history-model.h"
#include "md-window.h"

G_BEGIN_DECLS

struct _MdWindow
{
  AdwApplicationWindow  parent_instance;

  MdStore              *store;
  GSettings            *settings;
  MdHistoryModel       *model;
  MdEpisode            *deleted;      /* kept for Undo */
  AdwToast             *undo_toast;   /* weak */
  MdEpisodeEditor      *editor;       /* weak: the open editor, if any */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *status_page;
  GtkListView          *list_view;
};

G_END_DECLS
