/* test-history-model.c: the paged history model: keyset paging in the same order as OFFSET
 * paging, and one "items-changed" of just the rows that moved for one episode's change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-history-model.h"
#include "md-test-utils.h"

/* 2025-03-17 09:30 UTC. */
#define NOW G_GINT64_CONSTANT (1742203800)
#define DAY 86400

typedef struct {
  char           *dir;
  MdStore        *store;
  MdDiary        *diary;
  MdHistoryModel *model;
  GArray         *changes;   /* Change */
} Fixture;

typedef struct {
  guint position, removed, added;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  Change c = { position, removed, added };

  g_array_append_val (f->changes, c);
}

/* @n episodes, @per_start of them at each start time (ties broken by id), newest first
 * at NOW - 60. */
static void
fill (Fixture *f,
      guint    n,
      guint    per_start)
{
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (many, md_test_episode (NOW - 60 - (gint64) (i / per_start) * 3600));
  g_assert_true (md_store_add_episodes (f->store, many, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = md_test_store_new (&f->dir);
  md_store_set_now (f->store, NOW);
  f->diary = md_diary_new (f->store);
  f->changes = g_array_new (FALSE, FALSE, sizeof (Change));
}

static void
start_model (Fixture *f)
{
  f->model = md_history_model_new (f->diary);
  g_signal_connect (f->model, "items-changed", G_CALLBACK (items_changed_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->model);
  g_clear_object (&f->diary);
  g_clear_object (&f->store);
  g_array_unref (f->changes);
  md_test_rmdir (f->dir);
  g_free (f->dir);
}

static gint64
id_at (Fixture *f,
       guint    position)
{
  g_autoptr(MdEpisodeObject) object = g_list_model_get_item (G_LIST_MODEL (f->model), position);

  g_assert_nonnull (object);
  return md_episode_object_get_id (object);
}

/* Every row, read forwards, backwards and after jumps, is the row OFFSET paging gives. */
static void
assert_same_order (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->model));
  g_autoptr(GPtrArray) all = md_store_list_episodes (f->store, 0, n + 10, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (id_at (f, i), ==, ((MdEpisode *) all->pdata[i])->id);
  for (guint i = n; i > 0; i--)
    g_assert_cmpint (id_at (f, i - 1), ==, ((MdEpisode *) all->pdata[i - 1])->id);
  for (guint i = 0; i < n; i += 997)
    g_assert_cmpint (id_at (f, (i * 7919) % n), ==, ((MdEpisode *) all->pdata[(i * 7919) % n])->id);
}

static void
test_keyset_ties (Fixture       *f,
                  gconstpointer  data)
{
  /* Seven episodes at each start: many page borders fall inside a tie. */
  fill (f, 3000, 7);
  start_model (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 3000);
  assert_same_order (f);
  g_assert_cmpuint (md_history_model_get_cached_pages (f->model), <=, 16);
}

static void
test_store_keyset (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) older = NULL;
  g_autoptr(GPtrArray) newer = NULL;
  const MdEpisode *key;

  fill (f, 50, 5);
  all = md_store_list_episodes (f->store, 0, 100, &error);
  key = all->pdata[22];   /* inside a tie of five */
  older = md_store_list_episodes_from (f->store, key->start_utc, key->id, FALSE, 10, &error);
  g_assert_no_error (error);
  newer = md_store_list_episodes_from (f->store, key->start_utc, key->id, TRUE, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (older->len, ==, 10);
  g_assert_cmpuint (newer->len, ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      g_assert_cmpint (((MdEpisode *) older->pdata[i])->id, ==, ((MdEpisode *) all->pdata[23 + i])->id);
      g_assert_cmpint (((MdEpisode *) newer->pdata[i])->id, ==, ((MdEpisode *) all->pdata[12 + i])->id);
    }
}

static void
assert_one_change (Fixture *f,
                   guint    position,
                   guint    removed,
                   guint    added)
{
  Change *c;

  g_assert_cmpuint (f->changes->len, ==, 1);
  c = &g_array_index (f->changes, Change, 0);
  g_assert_cmpuint (c->position, ==, position);
  g_assert_cmpuint (c->removed, ==, removed);
  g_assert_cmpuint (c->added, ==, added);
  g_array_set_size (f->changes, 0);
}

static void
test_minimal_changes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 60 - 450 * 3600 - 1800);
  g_autoptr(MdEpisode) moved = NULL;
  g_autoptr(MdEpisode) outside = md_test_episode (NOW - 10 * DAY);
  g_autoptr(GError) error = NULL;
  guint pages;
  gint64 first_id;

  fill (f, 1000, 1);
  start_model (f);
  /* Pages 0 to 5 read, as a view scrolled there would. */
  for (guint i = 0; i < 600; i++)
    id_at (f, i);
  pages = md_history_model_get_cached_pages (f->model);
  g_assert_cmpuint (pages, ==, 6);
  first_id = id_at (f, 0);

  /* Added between rows 450 and 451: it and the row after it (whose heading may change). */
  g_assert_true (md_diary_add_episode (f->diary, ep, &error));
  g_assert_no_error (error);
  assert_one_change (f, 451, 1, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 1001);
  /* The cached pages are kept, those from the new row on shifted by one. */
  g_assert_cmpuint (md_history_model_get_cached_pages (f->model), ==, 6);
  g_assert_cmpint (id_at (f, 0), ==, first_id);
  g_assert_cmpint (id_at (f, 451), ==, ep->id);
  assert_same_order (f);
  g_array_set_size (f->changes, 0);

  /* Changed in place (its notes): that row and the next one. */
  moved = md_episode_copy (ep);
  md_episode_set_notes (moved, "tired");
  g_assert_true (md_diary_update_episode (f->diary, moved, &error));
  assert_one_change (f, 451, 2, 2);

  /* Moved to be the newest: every row from the new place to the old one, and the next. */
  moved->start_utc = NOW - 30;
  g_assert_true (md_diary_update_episode (f->diary, moved, &error));
  assert_one_change (f, 0, 453, 453);
  g_assert_cmpint (id_at (f, 0), ==, ep->id);
  assert_same_order (f);
  g_array_set_size (f->changes, 0);

  /* Deleted: its row goes and the one after it is shown again (it may get a heading). */
  pages = md_history_model_get_cached_pages (f->model);
  g_assert_true (md_diary_delete_episode (f->diary, ep->id, &error));
  assert_one_change (f, 0, 2, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 1000);
  /* Every page kept but the last, whose one row moved up into the page before. */
  g_assert_cmpuint (md_history_model_get_cached_pages (f->model), ==, pages - 1);
  g_assert_cmpint (id_at (f, 0), ==, first_id);
  assert_same_order (f);
  g_array_set_size (f->changes, 0);

  /* Undo puts it back where it was. */
  g_assert_true (md_diary_restore_episode (f->diary, moved, &error));
  assert_one_change (f, 0, 1, 2);
  g_array_set_size (f->changes, 0);

  /* A write not made through the diary (an import is one): every row again. */
  g_assert_true (md_store_add_episode (f->store, outside, &error));
  g_assert_cmpuint (f->changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).position, ==, 0);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).removed, ==, 1001);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).added, ==, 1002);
  assert_same_order (f);
}

/* The last row deleted and a row added at the end: no row after them to show again. */
static void
test_changes_at_end (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(MdEpisode) oldest = md_test_episode (NOW - 400 * DAY);
  g_autoptr(GError) error = NULL;

  fill (f, 5, 1);
  start_model (f);
  for (guint i = 0; i < 5; i++)
    id_at (f, i);
  g_assert_true (md_diary_add_episode (f->diary, oldest, &error));
  assert_one_change (f, 5, 0, 1);
  g_assert_true (md_diary_delete_episode (f->diary, oldest->id, &error));
  assert_one_change (f, 5, 1, 0);
}

/* Through a filter: 250 episodes, every fifth on the right side. Pages through it match
 * the store's filtered order; a save that makes an episode fail is one removal, a new one
 * that fails changes nothing, one that passes is one insertion; clearing shows all again. */
static void
test_filtered (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(MdEpisodeFilter) filter = md_episode_filter_new ();
  g_autoptr(MdEpisode) right = md_test_episode (NOW - 30);
  g_autoptr(MdEpisode) left = md_test_episode (NOW - 20);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(MdEpisodeObject) first = NULL;
  MdEpisode *edited;
  guint n_right = 0;

  fill (f, 250, 1);
  all = md_store_list_episodes (f->store, 0, 1000, NULL);
  for (guint i = 0; i < all->len; i += 5)
    {
      MdEpisode *ep = g_ptr_array_index (all, i);

      ep->side = MD_SIDE_RIGHT;
      g_assert_true (md_store_update_episode (f->store, ep, NULL));
      n_right++;
    }
  start_model (f);
  filter->side = MD_SIDE_RIGHT;
  md_history_model_set_filter (f->model, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, n_right);
  g_assert_cmpuint (f->changes->len, ==, 1);
  /* Read from the end first (by offset), then the rest by key: the same order as the store. */
  for (int i = (int) n_right - 1; i >= 0; i--)
    {
      g_autoptr(MdEpisodeObject) object = g_list_model_get_item (G_LIST_MODEL (f->model), i);

      g_assert_cmpint (md_episode_object_get_id (object), ==, ((MdEpisode *) g_ptr_array_index (all, i * 5))->id);
    }
  /* Setting the same filter again rereads nothing. */
  md_history_model_set_filter (f->model, filter);
  g_assert_cmpuint (f->changes->len, ==, 1);

  g_array_set_size (f->changes, 0);
  left->side = MD_SIDE_LEFT;
  g_assert_true (md_diary_add_episode (f->diary, left, NULL));
  g_assert_cmpuint (f->changes->len, ==, 0);
  right->side = MD_SIDE_RIGHT;
  g_assert_true (md_diary_add_episode (f->diary, right, NULL));
  g_assert_cmpuint (f->changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).position, ==, 0);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).added, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, n_right + 1);

  g_array_set_size (f->changes, 0);
  first = g_list_model_get_item (G_LIST_MODEL (f->model), 1);
  edited = md_episode_copy (md_episode_object_get_episode (first));
  edited->side = MD_SIDE_LEFT;
  g_assert_true (md_diary_update_episode (f->diary, edited, NULL));
  md_episode_free (edited);
  g_assert_cmpuint (f->changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).position, ==, 1);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).removed, ==, 2);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, n_right);

  md_history_model_set_filter (f->model, NULL);
  g_assert_null (md_history_model_get_filter (f->model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 252);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/history-model/store-keyset", test_store_keyset);
  ADD ("/history-model/keyset-ties", test_keyset_ties);
  ADD ("/history-model/minimal-changes", test_minimal_changes);
  ADD ("/history-model/changes-at-end", test_changes_at_end);
  ADD ("/history-model/filtered", test_filtered);
#undef ADD

  return g_test_run ();
}
