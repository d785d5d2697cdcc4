/* md-episode-object.h: a GObject holding one MdEpisode, the item type of the history model. */
#pragma once

#include <glib-object.h>

#include "md-episode.h"

G_BEGIN_DECLS

#define MD_TYPE_EPISODE_OBJECT (md_episode_object_get_type ())
G_DECLARE_FINAL_TYPE (MdEpisodeObject, md_episode_object, MD, EPISODE_OBJECT, GObject)

/* Takes ownership of @episode. */
MdEpisodeObject *md_episode_object_new         (MdEpisode *episode) G_GNUC_WARN_UNUSED_RESULT;
const MdEpisode *md_episode_object_get_episode (MdEpisodeObject *self);
gint64           md_episode_object_get_id      (MdEpisodeObject *self);

G_END_DECLS
