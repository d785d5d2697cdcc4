/* md-episode-editor.h: the form to log a new episode or edit one (a modal window). */
#pragma once

#include <adwaita.h>

#include "md-diary.h"

G_BEGIN_DECLS

#define MD_TYPE_EPISODE_EDITOR (md_episode_editor_get_type ())
G_DECLARE_FINAL_TYPE (MdEpisodeEditor, md_episode_editor, MD, EPISODE_EDITOR, AdwWindow)

/* @episode: NULL to log a new one (starting now), or the stored episode to edit.
 * On save the editor writes to @diary in one call, emits "saved" (id, is_new) and closes.
 * Delete activates "win.delete-episode" (int64 id) on @parent and closes. */
MdEpisodeEditor *md_episode_editor_new (GtkWindow       *parent,
                                        MdDiary         *diary,
                                        const MdEpisode *episode) G_GNUC_WARN_UNUSED_RESULT;
/* Her emergency number, in the signs' explanation (by default the one for the locale). */
void             md_episode_editor_set_emergency_number (MdEpisodeEditor *self,
                                                         const char      *number);

/* The stored episode the editor opened with (NULL for a new one). */
const MdEpisode *md_episode_editor_get_original (MdEpisodeEditor *self);

G_END_DECLS
