/* md-window-private.h: the window's insides, for the window tests. */
#pragma once

#include "md-episode-editor.h"
#include "md-flags-view.h"
#include "md-history-bar.h"
#include "md-trends-page.h"
#include "md-history-model.h"
#include "md-window.h"

G_BEGIN_DECLS

struct _MdWindow
{
  AdwApplicationWindow  parent_instance;

  MdDiary              *diary;
  GSettings            *settings;
  MdHistoryModel       *model;
  GListStore           *parts;        /* of GListModel: @header, then @first_screen or @model */
  GtkSliceListModel    *first_screen; /* @model, only a screenful of it until the first frame */
  MdEpisode            *deleted;      /* kept for Undo */
  MdEpisode            *edited;       /* the version before the last edit, kept for Undo */
  AdwToast             *undo_toast;   /* weak */
  MdEpisodeEditor      *editor;       /* weak: the open editor, if any */
  GListStore           *header;       /* the alerts as the list's first item, while there are any */
  GListModel           *items;        /* header + model, what the grid shows */
  GtkWidget            *emergency;    /* weak: the emergency dialog, if shown */
  char                 *emergency_number; /* set by md_window_set_emergency_number, or NULL */
  guint                 alerts_idle;  /* shows the alerts after the first frame */
  guint                 rest_idle;    /* shows the rest of the list after the first frame */
  guint                 clock_id;     /* every minute while shown: "just now", "Today" stay true */
  gint64                shown_today;  /* the day "Today" in the list refers to */
  gboolean              trends_ready; /* the Trends page has its diary (first shown) */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkGridView          *history_view; /* one column: the alerts (if any), then the episodes */
  MdFlagsView          *flags_view;   /* owned: shown as the first item of history_view */
  MdHistoryBar         *history_bar;
  GtkToggleButton      *search_button;
  GtkMenuButton        *primary_button;
  GMenuModel           *primary_menu;
  AdwViewStack         *view_stack;
  GtkBox               *main_box;
  AdwSqueezer          *title_squeezer; /* the view switcher, or the title when narrow */
  GtkWidget            *window_title;
  AdwViewSwitcherBar   *switcher_bar;   /* made the first time the window is narrow */
  guint                 switcher_idle;
  GtkWindow            *shortcuts;      /* weak: the keyboard shortcuts window, once asked for */
  AdwBin               *trends_bin;
  MdTrendsPage         *trends_page;  /* made on the first visit to Trends; NULL before */

  /* md-window-data.c: import, export, backups, read-only state. */
  gboolean              job_running;   /* an import, export, backup or restore is under way */
  GtkFileChooserNative *chooser;       /* the open file chooser, if any */
  char                 *next_file;     /* tests: the answer of the next file chooser */
  char                 *data_status;   /* the last thing a data action said (tests read it) */
  GtkWidget            *data_dialog;   /* weak: the last question or report shown */
  GtkWidget            *recent_window; /* weak: the list of recent copies, if shown */
  GtkWidget            *work_bar;      /* a GtkActionBar: what is being done; NULL until a job */
  GtkLabel             *work_label;
  GtkSpinner           *work_spinner;
  GtkWidget            *read_only_bar; /* NULL unless the diary is open read-only */
};

/* md-window-data.c */
void     md_window_data_init      (MdWindow   *self);
void     md_window_data_set_diary (MdWindow   *self);
/* The work bar and the read-only notice, made when first needed. */
void     md_window_data_ensure_work_bar      (MdWindow *self);
void     md_window_data_ensure_read_only_bar (MdWindow *self);
void     md_window_data_dispose   (MdWindow   *self);
/* Tests: @path answers the next file chooser instead of showing it. */
void     md_window_set_next_file  (MdWindow   *self,
                                   const char *path);
/* An import, export, backup or restore is running. */
gboolean md_window_is_busy        (MdWindow   *self);
/* What the minute timer does: the alerts worked out again, the day headings after midnight. */
void md_window_clock_tick (MdWindow *self);

G_END_DECLS
