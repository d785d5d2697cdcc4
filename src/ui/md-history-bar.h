/* md-history-bar.h: the search and filters above the history, and the bar that says what is
 * shown when not every episode is ("Showing the 5 episodes behind this alert — Show All"). */
#pragma once

#include <adwaita.h>

#include "md-episode-filter.h"

G_BEGIN_DECLS

#define MD_TYPE_HISTORY_BAR (md_history_bar_get_type ())
G_DECLARE_FINAL_TYPE (MdHistoryBar, md_history_bar, MD, HISTORY_BAR, GtkWidget)

GtkWidget             *md_history_bar_new           (void);
/* What the history should show now (NULL: everything). "changed" is emitted when it changes. */
const MdEpisodeFilter *md_history_bar_get_filter    (MdHistoryBar *self);
/* Only the evidence of an alert (search and filters cleared). */
void                   md_history_bar_show_evidence (MdHistoryBar *self,
                                                     GArray       *ids);
/* Back to every episode: search, filters and evidence cleared, the search closed. */
void                   md_history_bar_clear         (MdHistoryBar *self);
/* Opens the search and puts the keyboard focus in it (Ctrl+F). */
void                   md_history_bar_start_search  (MdHistoryBar *self);
/* How many episodes pass, for the words of the bar. */
void                   md_history_bar_set_count     (MdHistoryBar *self,
                                                     guint         n);
/* The "search-mode" property: whether the search bar is open. */
gboolean               md_history_bar_get_search_mode (MdHistoryBar *self);
void                   md_history_bar_set_search_mode (MdHistoryBar *self,
                                                       gboolean      search_mode);
/* The search bar and its entry (for tests; made by the call if need be). */
GtkSearchBar          *md_history_bar_get_search_bar (MdHistoryBar *self);
GtkEditable           *md_history_bar_get_entry     (MdHistoryBar *self);
/* The drop-downs of the filter popover (for tests): region, side and sign, 0 = any. */
GtkDropDown           *md_history_bar_get_dropdown  (MdHistoryBar *self,
                                                     guint         which);
/* The words of the bar, or NULL while every episode is shown. */
const char            *md_history_bar_get_status    (MdHistoryBar *self);

G_END_DECLS
