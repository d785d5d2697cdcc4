/* test-episode.c: validation of every field, each error naming the field. */
#include "config.h"

#include "md-episode.h"
#include "md-test-utils.h"

#define NOW G_GINT64_CONSTANT (1743422400) /* 2025-03-31T12:00:00Z */

typedef struct {
  const char *path;
  void      (*mutate) (MdEpisode *ep);
  int         code;
  const char *field;   /* the message must start with this */
} InvalidCase;

static void no_regions (MdEpisode *ep) { ep->regions = 0; }
static void bad_region_bit (MdEpisode *ep) { ep->regions = 1u << 20; }
static void bad_side (MdEpisode *ep) { ep->side = 9; }
static void zero_duration (MdEpisode *ep) { ep->duration_s = 0; }
static void long_duration (MdEpisode *ep) { ep->duration_s = MD_DURATION_MAX_S + 1; }
static void negative_intensity (MdEpisode *ep) { ep->intensity = -2; }
static void high_intensity (MdEpisode *ep) { ep->intensity = 11; }
static void bad_sign (MdEpisode *ep) { ep->signs = 1u << 20; }
static void bad_trigger (MdEpisode *ep) { ep->triggers = 1u << 20; }
static void future_start (MdEpisode *ep) { ep->start_utc = NOW + 301; }
static void bad_offset (MdEpisode *ep) { ep->utc_offset_s = 15 * 3600; }
static void long_notes (MdEpisode *ep)
{
  g_autofree char *s = g_strnfill (MD_NOTES_MAX_CHARS + 1, 'a');
  md_episode_set_notes (ep, s);
}
static void bad_utf8_notes (MdEpisode *ep) { md_episode_set_notes (ep, "caf\xe9"); }

static const InvalidCase invalid_cases[] = {
  { "/episode/invalid/no-regions", no_regions, MD_EPISODE_ERROR_REGIONS, "Face region" },
  { "/episode/invalid/unknown-region", bad_region_bit, MD_EPISODE_ERROR_REGIONS, "Face region" },
  { "/episode/invalid/side", bad_side, MD_EPISODE_ERROR_SIDE, "Side" },
  { "/episode/invalid/duration-zero", zero_duration, MD_EPISODE_ERROR_DURATION, "Duration" },
  { "/episode/invalid/duration-over-30-days", long_duration, MD_EPISODE_ERROR_DURATION, "Duration" },
  { "/episode/invalid/intensity-negative", negative_intensity, MD_EPISODE_ERROR_INTENSITY, "Intensity" },
  { "/episode/invalid/intensity-11", high_intensity, MD_EPISODE_ERROR_INTENSITY, "Intensity" },
  { "/episode/invalid/sign", bad_sign, MD_EPISODE_ERROR_SIGNS, "Signs" },
  { "/episode/invalid/trigger", bad_trigger, MD_EPISODE_ERROR_TRIGGERS, "Triggers" },
  { "/episode/invalid/future", future_start, MD_EPISODE_ERROR_START, "Start time" },
  { "/episode/invalid/offset", bad_offset, MD_EPISODE_ERROR_OFFSET, "Time zone" },
  { "/episode/invalid/notes-too-long", long_notes, MD_EPISODE_ERROR_NOTES, "Notes" },
  { "/episode/invalid/notes-not-utf8", bad_utf8_notes, MD_EPISODE_ERROR_NOTES, "Notes" },
};

static void
test_invalid (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 3600);
  g_autoptr(GError) error = NULL;

  g_assert_true (md_episode_validate (ep, NOW, NULL));
  c->mutate (ep);
  g_assert_false (md_episode_validate (ep, NOW, &error));
  g_assert_error (error, MD_EPISODE_ERROR, c->code);
  g_assert_true (g_str_has_prefix (error->message, c->field));
}

static void
test_boundaries_valid (void)
{
  g_autoptr(MdEpisode) ep = md_test_episode (NOW + 300);
  g_autofree char *notes = g_strnfill (MD_NOTES_MAX_CHARS, 'x');

  g_assert_true (md_episode_validate (ep, NOW, NULL));  /* 5 minutes ahead is allowed */
  ep->duration_s = 1;
  ep->intensity = 0;
  g_assert_true (md_episode_validate (ep, NOW, NULL));
  ep->duration_s = MD_DURATION_MAX_S;
  ep->intensity = 10;
  g_assert_true (md_episode_validate (ep, NOW, NULL));
  ep->duration_s = MD_UNKNOWN;
  ep->intensity = MD_UNKNOWN;
  ep->side = MD_SIDE_UNKNOWN;
  md_episode_set_notes (ep, notes);
  g_assert_true (md_episode_validate (ep, NOW, NULL));
  /* 4000 characters, not bytes: multi-byte text at the limit is fine. */
  {
    GString *s = g_string_new (NULL);
    for (int i = 0; i < MD_NOTES_MAX_CHARS; i++)
      g_string_append (s, "é");
    md_episode_set_notes (ep, s->str);
    g_string_free (s, TRUE);
  }
  g_assert_true (md_episode_validate (ep, NOW, NULL));
}

static void
test_local_day (void)
{
  g_autoptr(MdEpisode) ep = md_test_episode (1743458400); /* 2025-03-31T22:00Z */

  g_assert_cmpint (md_episode_local_day (ep), ==, 20178);
  ep->utc_offset_s = 7200; /* 00:00 next day in Paris summer time */
  g_assert_cmpint (md_episode_local_day (ep), ==, 20179);
  ep->utc_offset_s = -5 * 3600;
  g_assert_cmpint (md_episode_local_day (ep), ==, 20178);
}

static void
test_copy (void)
{
  g_autoptr(MdEpisode) ep = md_test_episode (NOW);
  g_autoptr(MdEpisode) copy = NULL;

  md_episode_set_notes (ep, "after coffee");
  copy = md_episode_copy (ep);
  g_assert_true (copy->notes != ep->notes);
  g_assert_cmpstr (copy->notes, ==, "after coffee");
  g_assert_true (md_episode_same_event (ep, copy));
  copy->duration_s = 61;
  g_assert_false (md_episode_same_event (ep, copy));
  md_episode_set_notes (ep, "");
  g_assert_null (ep->notes);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    g_test_add_data_func (invalid_cases[i].path, &invalid_cases[i], test_invalid);
  g_test_add_func ("/episode/boundaries-valid", test_boundaries_valid);
  g_test_add_func ("/episode/local-day", test_local_day);
  g_test_add_func ("/episode/copy", test_copy);
  return g_test_run ();
}
