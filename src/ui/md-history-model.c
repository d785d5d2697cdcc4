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
  MdEpisodeFilter *filter; /* NULL: every episode */
  gulong      changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdHistoryModel, md_history_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GPtrArray *
cached_page (MdHistoryModel *self,
             guint           page)
{
  return g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
}

/* Reads page @page: from a neighbour's key when one is cached (keyset paging, which costs the
 * same at any depth), by offset only after a jump. */
static GPtrArray *
read_page (MdHistoryModel  *self,
           guint            page,
           GError         **error)
{
  GPtrArray *prev = page > 0 ? cached_page (self, page - 1) : NULL;
  GPtrArray *next = cached_page (self, page + 1);

  if (prev != NULL && prev->len == MD_HISTORY_PAGE_SIZE)
    {
      const MdEpisode *last = md_episode_object_get_episode (g_ptr_array_index (prev, prev->len - 1));

      return md_diary_list_filtered_from (self->diary, self->filter, last->start_utc, last->id, FALSE,
                                          MD_HISTORY_PAGE_SIZE, error);
    }
  if (next != NULL && next->len > 0)
    {
      const MdEpisode *first = md_episode_object_get_episode (g_ptr_array_index (next, 0));

      return md_diary_list_filtered_from (self->diary, self->filter, first->start_utc, first->id, TRUE,
                                          MD_HISTORY_PAGE_SIZE, error);
    }
  return md_diary_list_filtered (self->diary, self->filter, page * MD_HISTORY_PAGE_SIZE, MD_HISTORY_PAGE_SIZE, error);
}

/* A bounded cache: when full, the page farthest from @page goes (what is on screen and its
 * neighbours stay, so the next page is read from a neighbour's key). */
static void
make_room (MdHistoryModel *self,
           guint           page)
{
  GHashTableIter iter;
  gpointer key;
  guint farthest = page, distance = 0;

  if (g_hash_table_size (self->pages) < MAX_CACHED_PAGES)
    return;
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint k = GPOINTER_TO_UINT (key);
      guint d = k > page ? k - page : page - k;

      if (d >= distance)
        {
          distance = d;
          farthest = k;
        }
    }
  g_hash_table_remove (self->pages, GUINT_TO_POINTER (farthest));
}

static GPtrArray *
load_page (MdHistoryModel *self,
           guint           page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  GPtrArray *objects;

  episodes = read_page (self, page, &error);
  if (episodes == NULL)
    {
      g_warning ("Could not read the history: %s", error->message);
      return NULL;
    }
  make_room (self, page);

  objects = g_ptr_array_new_full (episodes->len, g_object_unref);
  for (guint i = 0; i < episodes->len; i++)
    g_ptr_array_add (objects, md_episode_object_new (g_steal_pointer (&episodes->pdata[i])));
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), objects);
  return objects;
}

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* The numbers of the cached pages from @first on, in order. */
static GArray *
pages_from (MdHistoryModel *self,
            guint           first)
{
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint k = GPOINTER_TO_UINT (key);

      if (k >= first)
        g_array_append_val (keys, k);
    }
  g_array_sort (keys, compare_uints);
  return keys;
}

static void
drop_page (MdHistoryModel *self,
           guint           page)
{
  g_hash_table_remove (self->pages, GUINT_TO_POINTER (page));
}

/* The cached pages after a row was inserted at @position: each one from there on shifts by
 * one, its last row becoming the first of the next. A page whose new first row is not known
 * (the page before it is not cached) is dropped. Takes @object. */
static void
cache_insert (MdHistoryModel  *self,
              guint            position,
              MdEpisodeObject *object)
{
  g_autoptr(GArray) keys = pages_from (self, position / MD_HISTORY_PAGE_SIZE);
  MdEpisodeObject *carry = object;
  guint prev = G_MAXUINT;

  for (guint i = 0; i < keys->len; i++)
    {
      guint k = g_array_index (keys, guint, i);
      GPtrArray *objects = cached_page (self, k);

      if (k == position / MD_HISTORY_PAGE_SIZE)
        g_ptr_array_insert (objects, position % MD_HISTORY_PAGE_SIZE, g_steal_pointer (&carry));
      else if (carry != NULL && prev + 1 == k)
        g_ptr_array_insert (objects, 0, g_steal_pointer (&carry));
      else
        {
          g_clear_object (&carry);
          if (objects->len == MD_HISTORY_PAGE_SIZE)
            carry = g_object_ref (g_ptr_array_index (objects, objects->len - 1));
          drop_page (self, k);
          prev = k;
          continue;
        }
      carry = objects->len > MD_HISTORY_PAGE_SIZE ? g_ptr_array_steal_index (objects, objects->len - 1) : NULL;
      prev = k;
    }
  g_clear_object (&carry);
}

/* The cached pages after the row at @position was removed (@n_items rows are left): each
 * one from there on shifts by one, its first row becoming the last of the page before; a
 * page left without its last row reads that row after its new last one. */
static void
cache_remove (MdHistoryModel *self,
              guint           position,
              guint           n_items)
{
  g_autoptr(GArray) keys = pages_from (self, position / MD_HISTORY_PAGE_SIZE);
  guint prev = G_MAXUINT;

  for (guint i = 0; i < keys->len; i++)
    {
      guint k = g_array_index (keys, guint, i);
      GPtrArray *objects = cached_page (self, k);

      if (k == position / MD_HISTORY_PAGE_SIZE)
        {
          if (position % MD_HISTORY_PAGE_SIZE < objects->len)
            g_ptr_array_remove_index (objects, position % MD_HISTORY_PAGE_SIZE);
        }
      else if (objects->len > 0)
        {
          MdEpisodeObject *first = g_ptr_array_steal_index (objects, 0);

          if (prev + 1 == k && cached_page (self, prev) != NULL)
            g_ptr_array_add (cached_page (self, prev), first);
          else
            g_object_unref (first);
        }
      prev = k;
    }
  for (guint i = 0; i < keys->len; i++)
    {
      guint k = g_array_index (keys, guint, i);
      GPtrArray *objects = cached_page (self, k);
      guint want = k * MD_HISTORY_PAGE_SIZE < n_items ? MIN (MD_HISTORY_PAGE_SIZE, n_items - k * MD_HISTORY_PAGE_SIZE) : 0;

      if (objects->len == 0 || want == 0 || objects->len > want)
        drop_page (self, k);
      else if (objects->len < want)
        {
          const MdEpisode *last = md_episode_object_get_episode (g_ptr_array_index (objects, objects->len - 1));
          g_autoptr(GPtrArray) more = md_diary_list_filtered_from (self->diary, self->filter, last->start_utc, last->id,
                                                                  FALSE, want - objects->len, NULL);

          if (more == NULL || more->len != want - objects->len)
            drop_page (self, k);
          else
            for (guint j = 0; j < more->len; j++)
              g_ptr_array_add (objects, md_episode_object_new (g_steal_pointer (&more->pdata[j])));
        }
    }
}

/* One episode added, changed or deleted: only its rows are reported, with the row after each
 * (its day heading depends on the row above), and the cached pages are shifted, not
 * dropped. Through a filter, an episode that does not pass is not in the list: an edit that
 * makes it fail is a removal, a new one that fails changes nothing. FALSE when the old place
 * is not known (its page is not cached, or it did not pass). */
static gboolean
apply_change (MdHistoryModel      *self,
              gint64               id,
              MdEpisodeChangeKind  kind)
{
  g_autoptr(MdEpisode) episode = NULL;
  guint old_n = self->n_items;
  int old_pos = -1, new_pos = -1;

  if (kind != MD_EPISODE_ADDED && (old_pos = md_history_model_find_cached (self, id)) < 0)
    return FALSE;
  if (kind != MD_EPISODE_DELETED &&
      (new_pos = md_diary_filtered_position (self->diary, self->filter, id)) >= 0 &&
      (episode = md_diary_get_episode (self->diary, id, NULL)) == NULL)
    return FALSE;
  if (kind != MD_EPISODE_DELETED && self->filter == NULL && new_pos < 0)
    return FALSE;

  if (old_pos >= 0)
    cache_remove (self, old_pos, old_n - 1);
  if (new_pos >= 0)
    cache_insert (self, new_pos, md_episode_object_new (g_steal_pointer (&episode)));

  if (old_pos >= 0 && new_pos >= 0)
    {
      guint lo = MIN (old_pos, new_pos), hi = MAX (old_pos, new_pos);
      guint count = hi - lo + 1 + (hi + 1 < old_n ? 1 : 0);

      g_list_model_items_changed (G_LIST_MODEL (self), lo, count, count);
    }
  else if (new_pos >= 0)
    {
      guint removed = (guint) new_pos < old_n ? 1 : 0;

      self->n_items = old_n + 1;
      g_list_model_items_changed (G_LIST_MODEL (self), new_pos, removed, removed + 1);
    }
  else if (old_pos >= 0)
    {
      guint added = (guint) old_pos + 1 < old_n ? 1 : 0;

      self->n_items = old_n - 1;
      g_list_model_items_changed (G_LIST_MODEL (self), old_pos, added + 1, added);
    }
  return TRUE;
}

static void
diary_changed_cb (MdDiary        *diary,
                  guint           what,
                  MdHistoryModel *self)
{
  gint64 id;
  MdEpisodeChangeKind kind;

  if (!(what & MD_DIARY_CHANGE_EPISODES))
    return;
  if (!md_diary_get_changed_episode (diary, &id, &kind) || !apply_change (self, id, kind))
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
  objects = cached_page (self, page);
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
  g_clear_pointer (&self->filter, md_episode_filter_free);

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
  self->n_items = md_diary_count_filtered (diary, NULL);
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
  self->n_items = md_diary_count_filtered (self->diary, self->filter);
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

void
md_history_model_set_filter (MdHistoryModel        *self,
                             const MdEpisodeFilter *filter)
{
  g_return_if_fail (MD_IS_HISTORY_MODEL (self));

  if (md_episode_filter_equal (self->filter, filter))
    return;
  g_clear_pointer (&self->filter, md_episode_filter_free);
  if (!md_episode_filter_is_empty (filter))
    self->filter = md_episode_filter_copy (filter);
  md_history_model_refresh (self);
}

const MdEpisodeFilter *
md_history_model_get_filter (MdHistoryModel *self)
{
  g_return_val_if_fail (MD_IS_HISTORY_MODEL (self), NULL);
  return self->filter;
}

int
md_history_model_position_of (MdHistoryModel *self,
                              gint64          id)
{
  g_return_val_if_fail (MD_IS_HISTORY_MODEL (self), -1);
  return md_diary_filtered_position (self->diary, self->filter, id);
}
