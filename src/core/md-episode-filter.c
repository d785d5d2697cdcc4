/* md-episode-filter.c: which episodes the history shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-episode-filter"

#include "config.h"

#include <string.h>

#include "md-episode-filter.h"

G_DEFINE_BOXED_TYPE (MdEpisodeFilter, md_episode_filter, md_episode_filter_copy, md_episode_filter_free)

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);

  return normal != NULL ? g_utf8_casefold (normal, -1) : NULL;
}

MdEpisodeFilter *
md_episode_filter_new (void)
{
  MdEpisodeFilter *self = g_new0 (MdEpisodeFilter, 1);

  self->side = MD_SIDE_UNKNOWN;
  return self;
}

MdEpisodeFilter *
md_episode_filter_copy (const MdEpisodeFilter *self)
{
  MdEpisodeFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = md_episode_filter_new ();
  copy->regions = self->regions;
  copy->side = self->side;
  copy->signs = self->signs;
  copy->words = g_strdup (self->words);
  if (self->ids != NULL)
    md_episode_filter_set_ids (copy, (const gint64 *) self->ids->data, self->ids->len);
  return copy;
}

void
md_episode_filter_free (MdEpisodeFilter *self)
{
  if (self == NULL)
    return;
  g_free (self->words);
  g_clear_pointer (&self->ids, g_array_unref);
  g_free (self);
}

void
md_episode_filter_set_words (MdEpisodeFilter *self,
                             const char      *words)
{
  g_return_if_fail (self != NULL);

  g_free (self->words);
  self->words = words != NULL && *words != '\0' ? g_strdup (words) : NULL;
}

void
md_episode_filter_set_ids (MdEpisodeFilter *self,
                           const gint64    *ids,
                           guint            n_ids)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (ids != NULL || n_ids == 0);

  g_clear_pointer (&self->ids, g_array_unref);
  if (ids == NULL)
    return;
  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (self->ids, ids, n_ids);
}

char *
md_episode_filter_folded_words (const MdEpisodeFilter *self)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) out = NULL;

  if (self == NULL || self->words == NULL || (folded = fold (self->words)) == NULL)
    return NULL;
  words = g_strsplit_set (folded, " \t\n\r", -1);
  out = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

gboolean
md_episode_filter_is_empty (const MdEpisodeFilter *self)
{
  g_autofree char *words = md_episode_filter_folded_words (self);

  return self == NULL ||
         (self->regions == 0 && self->side == MD_SIDE_UNKNOWN && self->signs == 0 &&
          words == NULL && self->ids == NULL);
}

gboolean
md_episode_filter_equal (const MdEpisodeFilter *a,
                         const MdEpisodeFilter *b)
{
  if (md_episode_filter_is_empty (a) || md_episode_filter_is_empty (b))
    return md_episode_filter_is_empty (a) && md_episode_filter_is_empty (b);
  if (a->regions != b->regions || a->side != b->side || a->signs != b->signs ||
      g_strcmp0 (a->words, b->words) != 0 || (a->ids == NULL) != (b->ids == NULL))
    return FALSE;
  return a->ids == NULL ||
         (a->ids->len == b->ids->len && memcmp (a->ids->data, b->ids->data, a->ids->len * sizeof (gint64)) == 0);
}

gboolean
md_notes_match_words (const char *notes,
                      const char *folded_words)
{
  g_autofree char *folded = NULL;
  const char *word = folded_words;

  if (folded_words == NULL || *folded_words == '\0')
    return TRUE;
  if (notes == NULL || (folded = fold (notes)) == NULL)
    return FALSE;
  while (word != NULL && *word != '\0')
    {
      const char *end = strchr (word, ' ');
      g_autofree char *one = end != NULL ? g_strndup (word, end - word) : g_strdup (word);

      if (strstr (folded, one) == NULL)
        return FALSE;
      word = end != NULL ? end + 1 : NULL;
    }
  return TRUE;
}

gboolean
md_episode_filter_matches (const MdEpisodeFilter *self,
                           const MdEpisode       *episode)
{
  g_autofree char *words = NULL;

  g_return_val_if_fail (episode != NULL, FALSE);

  if (self == NULL)
    return TRUE;
  if (self->regions != 0 && (episode->regions & self->regions) == 0)
    return FALSE;
  if (self->side != MD_SIDE_UNKNOWN && episode->side != self->side)
    return FALSE;
  if (self->signs != 0 && (episode->signs & self->signs) == 0)
    return FALSE;
  if (self->ids != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < self->ids->len && !found; i++)
        found = g_array_index (self->ids, gint64, i) == episode->id;
      if (!found)
        return FALSE;
    }
  words = md_episode_filter_folded_words (self);
  return md_notes_match_words (episode->notes, words);
}

char *
md_episode_filter_ids_json (const MdEpisodeFilter *self)
{
  GString *s;

  if (self == NULL || self->ids == NULL)
    return NULL;
  s = g_string_new ("[");
  for (guint i = 0; i < self->ids->len; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (self->ids, gint64, i));
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}
