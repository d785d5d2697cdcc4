/* test-episode-filter.c: the history's filter, in C and in SQL (each filter, combinations,
 * clearing, keyset paging and positions through it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-diary.h"
#include "md-episode-filter.h"
#include "md-test-utils.h"

#include <sqlite3.h>
#include <string.h>

#define NOW G_GINT64_CONSTANT (1742203800)
#define HOUR 3600

typedef struct {
  char    *dir;
  MdStore *store;
  MdDiary *diary;
  gint64   ids[6];
} Fixture;

/* Six episodes, newest first by index. */
static const struct {
  guint32     regions;
  MdSide      side;
  guint32     signs;
  const char *notes;
} rows[] = {
  { MD_BIT (MD_REGION_EYELID_LOWER), MD_SIDE_LEFT, 0, "After coffee, tired" },
  { MD_BIT (MD_REGION_EYELID_UPPER), MD_SIDE_RIGHT, MD_BIT (MD_SIGN_PAIN), NULL },
  { MD_BIT (MD_REGION_CHEEK) | MD_BIT (MD_REGION_LIPS), MD_SIDE_LEFT, MD_BIT (MD_SIGN_PAIN) | MD_BIT (MD_SIGN_DIZZINESS), "Müde nach dem KAFFEE" },
  { MD_BIT (MD_REGION_EYELID_LOWER), MD_SIDE_BOTH, 0, "screen all day" },
  { MD_BIT (MD_REGION_JAW), MD_SIDE_UNKNOWN, MD_BIT (MD_SIGN_DIZZINESS), "coffee" },
  { MD_BIT (MD_REGION_EYELID_LOWER), MD_SIDE_LEFT, MD_BIT (MD_SIGN_PAIN), "Tired again" },
};

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = md_test_store_new (&f->dir);
  md_store_set_now (f->store, NOW);
  f->diary = md_diary_new (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(MdEpisode) ep = md_test_episode (NOW - (i + 1) * HOUR);

      ep->regions = rows[i].regions;
      ep->side = rows[i].side;
      ep->signs = rows[i].signs;
      md_episode_set_notes (ep, rows[i].notes);
      g_assert_true (md_store_add_episode (f->store, ep, NULL));
      f->ids[i] = ep->id;
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->diary);
  g_clear_object (&f->store);
  md_test_rmdir (f->dir);
  g_free (f->dir);
}

/* The rows (indexes into rows[]) that pass, as a string "0 2 5", checked three ways: the pure
 * matcher, one SQL page, and keyset pages of two (both directions) and positions. */
static char *
passing (Fixture               *f,
         const MdEpisodeFilter *filter)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = md_diary_list_filtered (f->diary, filter, 0, 100, &error);
  g_autoptr(GPtrArray) all = md_diary_list_episodes (f->diary, 0, 100, NULL);
  guint n_pure = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    if (md_episode_filter_matches (filter, g_ptr_array_index (all, i)))
      {
        const MdEpisode *ep = g_ptr_array_index (all, i);

        g_assert_cmpuint (n_pure, <, page->len);
        g_assert_cmpint (((MdEpisode *) g_ptr_array_index (page, n_pure))->id, ==, ep->id);
        g_assert_cmpint (md_diary_filtered_position (f->diary, filter, ep->id), ==, (int) n_pure);
        n_pure++;
      }
    else
      g_assert_cmpint (md_diary_filtered_position (f->diary, filter, ((MdEpisode *) g_ptr_array_index (all, i))->id), ==, -1);
  g_assert_cmpuint (n_pure, ==, page->len);
  g_assert_cmpuint (md_diary_count_filtered (f->diary, filter), ==, page->len);

  /* Keyset: from each row, the next two older and the two newer are the neighbours. */
  for (guint i = 0; i < page->len; i++)
    {
      const MdEpisode *ep = g_ptr_array_index (page, i);
      g_autoptr(GPtrArray) older = md_diary_list_filtered_from (f->diary, filter, ep->start_utc, ep->id, FALSE, 2, NULL);
      g_autoptr(GPtrArray) newer = md_diary_list_filtered_from (f->diary, filter, ep->start_utc, ep->id, TRUE, 2, NULL);

      g_assert_cmpuint (older->len, ==, MIN (2, page->len - i - 1));
      for (guint j = 0; j < older->len; j++)
        g_assert_cmpint (((MdEpisode *) g_ptr_array_index (older, j))->id, ==,
                         ((MdEpisode *) g_ptr_array_index (page, i + 1 + j))->id);
      g_assert_cmpuint (newer->len, ==, MIN (2, i));
      for (guint j = 0; j < newer->len; j++)
        g_assert_cmpint (((MdEpisode *) g_ptr_array_index (newer, j))->id, ==,
                         ((MdEpisode *) g_ptr_array_index (page, i - newer->len + j))->id);
    }

  for (guint i = 0; i < page->len; i++)
    for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
      if (f->ids[r] == ((MdEpisode *) g_ptr_array_index (page, i))->id)
        g_string_append_printf (out, "%s%u", out->len > 0 ? " " : "", r);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define ASSERT_PASSING(f, filter, expected) \
  G_STMT_START { g_autofree char *got_ = passing (f, filter); g_assert_cmpstr (got_, ==, expected); } G_STMT_END

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(MdEpisodeFilter) filter = md_episode_filter_new ();

  g_assert_true (md_episode_filter_is_empty (NULL));
  g_assert_true (md_episode_filter_is_empty (filter));
  md_episode_filter_set_words (filter, "  \t ");
  g_assert_true (md_episode_filter_is_empty (filter));
  ASSERT_PASSING (f, filter, "0 1 2 3 4 5");
  ASSERT_PASSING (f, NULL, "0 1 2 3 4 5");
}

static void
test_each (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(MdEpisodeFilter) filter = md_episode_filter_new ();

  filter->regions = MD_BIT (MD_REGION_EYELID_LOWER);
  ASSERT_PASSING (f, filter, "0 3 5");
  filter->regions = MD_BIT (MD_REGION_LIPS) | MD_BIT (MD_REGION_JAW);   /* any of them */
  ASSERT_PASSING (f, filter, "2 4");
  filter->regions = 0;

  filter->side = MD_SIDE_LEFT;
  ASSERT_PASSING (f, filter, "0 2 5");
  filter->side = MD_SIDE_BOTH;
  ASSERT_PASSING (f, filter, "3");
  filter->side = MD_SIDE_UNKNOWN;

  filter->signs = MD_BIT (MD_SIGN_PAIN);
  ASSERT_PASSING (f, filter, "1 2 5");
  filter->signs = MD_BIT (MD_SIGN_DIZZINESS);
  ASSERT_PASSING (f, filter, "2 4");
  filter->signs = 0;

  /* Words: any case, every word, anywhere in the notes; letters beyond ASCII fold too. */
  md_episode_filter_set_words (filter, "coffee");
  ASSERT_PASSING (f, filter, "0 4");
  md_episode_filter_set_words (filter, "kaffee MÜDE");
  ASSERT_PASSING (f, filter, "2");
  md_episode_filter_set_words (filter, "tired coffee");
  ASSERT_PASSING (f, filter, "0");
  md_episode_filter_set_words (filter, "nowhere");
  ASSERT_PASSING (f, filter, "");
  md_episode_filter_set_words (filter, NULL);

  /* An alert's evidence: only these, in history order whatever order they come in. */
  {
    gint64 ids[] = { f->ids[4], f->ids[1], 999999 };

    md_episode_filter_set_ids (filter, ids, G_N_ELEMENTS (ids));
    ASSERT_PASSING (f, filter, "1 4");
  }
}

static void
test_combined_and_cleared (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(MdEpisodeFilter) filter = md_episode_filter_new ();
  g_autoptr(MdEpisodeFilter) copy = NULL;

  /* Different kinds combine with "and". */
  filter->regions = MD_BIT (MD_REGION_EYELID_LOWER);
  filter->side = MD_SIDE_LEFT;
  ASSERT_PASSING (f, filter, "0 5");
  filter->signs = MD_BIT (MD_SIGN_PAIN);
  ASSERT_PASSING (f, filter, "5");
  md_episode_filter_set_words (filter, "again");
  ASSERT_PASSING (f, filter, "5");
  md_episode_filter_set_words (filter, "coffee");
  ASSERT_PASSING (f, filter, "");

  copy = md_episode_filter_copy (filter);
  g_assert_true (md_episode_filter_equal (filter, copy));
  copy->side = MD_SIDE_RIGHT;
  g_assert_false (md_episode_filter_equal (filter, copy));

  /* Cleared one by one, back to every episode. */
  md_episode_filter_set_words (filter, NULL);
  filter->signs = 0;
  ASSERT_PASSING (f, filter, "0 5");
  filter->side = MD_SIDE_UNKNOWN;
  filter->regions = 0;
  g_assert_true (md_episode_filter_is_empty (filter));
  ASSERT_PASSING (f, filter, "0 1 2 3 4 5");
}

/* The query walks the (start_utc, id) index in history order: no sort, no full table copy. */
static void
test_uses_index (Fixture       *f,
                 gconstpointer  data)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) plan = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (md_store_get_db (f->store),
                                       "EXPLAIN QUERY PLAN SELECT id FROM episode WHERE (start_utc, id) < (?1, ?2) "
                                       "AND (?11 = 0 OR (regions & ?11) != 0) ORDER BY start_utc DESC, id DESC LIMIT 100",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_test_message ("%s", plan->str);
  g_assert_nonnull (strstr (plan->str, "episode_by_start"));
  g_assert_null (strstr (plan->str, "TEMP B-TREE"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/episode-filter/empty", test_empty);
  ADD ("/episode-filter/each", test_each);
  ADD ("/episode-filter/combined-and-cleared", test_combined_and_cleared);
  ADD ("/episode-filter/uses-index", test_uses_index);
#undef ADD

  return g_test_run ();
}
