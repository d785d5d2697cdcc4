/* md-history-model.c: a paged, cached GListModel over the diary's episodes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-history-model"

#include "config.h"

#include "md-history-model.h"

#define MAX_CACHED_PAGES 16

struct _MdHistoryModel
{
  GObject     parent_instance;

  MdDiary    *diary;
  guint       n_items;
  GHashTable *pages;   /* page number -> GPtrArray of MdEpisodeObject */
  gulong      changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdHistoryModel, md_history_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GPtrArray *
load_page (MdHistoryModel *self,
           guint           page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  GPtrArray *objects;

  episodes = md_diary_list_episodes (self->diary, page * MD_HISTORY_PAGE_SIZE, MD_HISTORY_PAGE_SIZE, &error);
  if (episodes == NULL)
    {
      g_warning ("Could not read the history: %s", error->message);
      return NULL;
    }
  /* A bounded cache: when full, start again (pages are cheap to reread). */
  if (g_hash_table_size (self->pages) >= MAX_CACHED_PAGES)
    g_hash_table_remove_all (self->pages);

  objects = g_ptr_array_new_full (episodes->len, g_object_unref);
  for (guint i = 0; i < episodes->len; i++)
    {
      MdEpisode *copy = md_episode_copy (g_ptr_array_index (episodes, i));

      g_ptr_array_add (objects, md_episode_object_new (copy));
    }
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), objects);
  return objects;
}

static void
diary_changed_cb (MdDiary        *diary,
                  guint           what,
                  MdHistoryModel *self)
{
  if (what & MD_DIARY_CHANGE_EPISODES)
    md_history_model_refresh (self);
}

static GType
md_history_model_get_item_type (GListModel *model)
{
  return MD_TYPE_EPISODE_OBJECT;
}

static guint
md_history_model_get_n_items (GListModel *model)
{
  return MD_HISTORY_MODEL (model)->n_items;
}

static gpointer
md_history_model_get_item (GListModel *model,
                           guint       position)
{
  MdHistoryModel *self = MD_HISTORY_MODEL (model);
  guint page = position / MD_HISTORY_PAGE_SIZE;
  guint index = position % MD_HISTORY_PAGE_SIZE;
  GPtrArray *objects;

  if (position >= self->n_items)
    return NULL;
  objects = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (objects == NULL)
    objects = load_page (self, page);
  if (objects == NULL || index >= objects->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (objects, index));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = md_history_model_get_item_type;
  iface->get_n_items = md_history_model_get_n_items;
  iface->get_item = md_history_model_get_item;
}

static void
md_history_model_dispose (GObject *object)
{
  MdHistoryModel *self = MD_HISTORY_MODEL (object);

  if (self->diary != NULL)
    g_clear_signal_handler (&self->changed_id, self->diary);
  g_clear_object (&self->diary);
  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (md_history_model_parent_class)->dispose (object);
}

static void
md_history_model_class_init (MdHistoryModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = md_history_model_dispose;
}

static void
md_history_model_init (MdHistoryModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

MdHistoryModel *
md_history_model_new (MdDiary *diary)
{
  MdHistoryModel *self;

  g_return_val_if_fail (MD_IS_DIARY (diary), NULL);

  self = g_object_new (MD_TYPE_HISTORY_MODEL, NULL);
  self->diary = g_object_ref (diary);
  self->n_items = md_diary_count_episodes (diary);
  self->changed_id = g_signal_connect (diary, "changed", G_CALLBACK (diary_changed_cb), self);
  return self;
}

MdDiary *
md_history_model_get_diary (MdHistoryModel *self)
{
  g_return_val_if_fail (MD_IS_HISTORY_MODEL (self), NULL);
  return self->diary;
}

void
md_history_model_refresh (MdHistoryModel *self)
{
  guint old_n;

  g_return_if_fail (MD_IS_HISTORY_MODEL (self));

  old_n = self->n_items;
  g_hash_table_remove_all (self->pages);
  self->n_items = md_diary_count_episodes (self->diary);
  /* Any row may have moved (a new episode can land anywhere by its start time). */
  if (old_n > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
}

guint
md_history_model_get_cached_pages (MdHistoryModel *self)
{
  g_return_val_if_fail (MD_IS_HISTORY_MODEL (self), 0);
  return g_hash_table_size (self->pages);
}

int
md_history_model_find_cached (MdHistoryModel *self,
                              gint64          id)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (MD_IS_HISTORY_MODEL (self), -1);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *objects = value;

      for (guint i = 0; i < objects->len; i++)
        if (md_episode_object_get_id (g_ptr_array_index (objects, i)) == id)
          return (int) (GPOINTER_TO_UINT (key) * MD_HISTORY_PAGE_SIZE + i);
    }
  return -1;
}
