/* md-episode-row.h: one episode in the history list, with a day heading when a new day starts. */
#pragma once

#include <adwaita.h>

#include "md-episode.h"
#include "md-episode-object.h"

G_BEGIN_DECLS

#define MD_TYPE_EPISODE_ROW (md_episode_row_get_type ())
G_DECLARE_FINAL_TYPE (MdEpisodeRow, md_episode_row, MD, EPISODE_ROW, GtkWidget)

GtkWidget  *md_episode_row_new         (void);
/* Shows @object's episode; @day_header is the heading above it, or NULL when the day is the
 * same as the row before. Does nothing when the row already shows @object under @day_header
 * (episode objects are never changed in place). */
void        md_episode_row_bind        (MdEpisodeRow    *self,
                                        MdEpisodeObject *object,
                                        const char      *day_header);
gint64      md_episode_row_get_id      (MdEpisodeRow *self);
/* The texts shown, for tests. */
const char *md_episode_row_get_header  (MdEpisodeRow *self);
const char *md_episode_row_get_summary (MdEpisodeRow *self);
const char *md_episode_row_get_warning (MdEpisodeRow *self);
/* The "⋮" button; its menu ("row.edit", "row.delete") is built on its first popup. */
GtkMenuButton *md_episode_row_get_menu_button (MdEpisodeRow *self);

/* The line of signs that are not warning signs, or NULL when there are none. */
const char *md_episode_row_get_signs      (MdEpisodeRow *self);
/* The mark shown when the episode has a note (accessible label "Has a note"); NULL while no
 * episode shown in this row has had one. */
GtkWidget  *md_episode_row_get_note_icon  (MdEpisodeRow *self);
/* The card, whose accessible label reads the whole episode. */
GtkWidget  *md_episode_row_get_card       (MdEpisodeRow *self);
/* The label of the regions, the details and the possible triggers, a line each. */
GtkLabel   *md_episode_row_get_text_label (MdEpisodeRow *self);

G_END_DECLS
