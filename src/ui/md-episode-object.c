/* md-episode-object.c: a GObject holding one MdEpisode.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-episode-object.h"

struct _MdEpisodeObject
{
  GObject    parent_instance;

  MdEpisode *episode;
};

G_DEFINE_FINAL_TYPE (MdEpisodeObject, md_episode_object, G_TYPE_OBJECT)

static void
md_episode_object_finalize (GObject *object)
{
  MdEpisodeObject *self = MD_EPISODE_OBJECT (object);

  g_clear_pointer (&self->episode, md_episode_free);

  G_OBJECT_CLASS (md_episode_object_parent_class)->finalize (object);
}

static void
md_episode_object_class_init (MdEpisodeObjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_episode_object_finalize;
}

static void
md_episode_object_init (MdEpisodeObject *self)
{
}

MdEpisodeObject *
md_episode_object_new (MdEpisode *episode)
{
  MdEpisodeObject *self;

  g_return_val_if_fail (episode != NULL, NULL);

  self = g_object_new (MD_TYPE_EPISODE_OBJECT, NULL);
  self->episode = episode;
  return self;
}

const MdEpisode *
md_episode_object_get_episode (MdEpisodeObject *self)
{
  g_return_val_if_fail (MD_IS_EPISODE_OBJECT (self), NULL);
  return self->episode;
}

gint64
md_episode_object_get_id (MdEpisodeObject *self)
{
  g_return_val_if_fail (MD_IS_EPISODE_OBJECT (self), 0);
  return self->episode->id;
}
