/* test-report.c: the clinician summary, checked as a reader would see it (pdftotext). */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "md-checkin.h"
#include "md-flag-acks.h"
#include "md-report.h"
#include "md-rules-period.h"
#include "md-test-utils.h"
#include "md-time.h"

#define TO_DAY   G_GINT64_CONSTANT (20178)   /* 2025-03-31 */
#define FROM_DAY (TO_DAY - 89)               /* 2025-01-01 */
#define MADE     ((TO_DAY + 1) * 86400 - 3600)

typedef struct {
  char    *dir;
  MdStore *store;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->store = md_test_store_new (&f->dir);
  md_store_set_now (f->store, MADE);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  md_test_rmdir (f->dir);
  g_free (f->dir);
}

static MdEpisode *
add (Fixture *f, gint64 day, int hour, MdSide side, gint64 duration, guint32 signs, const char *notes)
{
  MdEpisode *ep = md_test_episode (day * 86400 + hour * 3600);

  ep->side = side;
  ep->duration_s = duration;
  ep->signs = signs;
  md_episode_set_notes (ep, notes);
  g_assert_true (md_store_add_episode (f->store, ep, NULL));
  return ep;
}

static char *
pdf_text (const char *path, int *pages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *info = NULL;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  const char *info_argv[] = { "pdfinfo", path, NULL };
  int status;
  const char *p;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_spawn_sync (NULL, (char **) info_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &info, NULL, &status, &error);
  g_assert_no_error (error);
  p = strstr (info, "Pages:");
  g_assert_nonnull (p);
  *pages = atoi (p + strlen ("Pages:"));
  /* Fold runs of spaces so phrases can be searched across table columns. */
  {
    GString *s = g_string_new (NULL);
    gboolean space = FALSE;

    for (const char *c = out; *c; c++)
      {
        if (*c == ' ')
          {
            if (!space)
              g_string_append_c (s, ' ');
            space = TRUE;
          }
        else
          {
            g_string_append_c (s, *c);
            space = FALSE;
          }
      }
    return g_string_free (s, FALSE);
  }
}

static char *
write_report (Fixture *f, const MdReportInfo *info, int *pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);
  g_autoptr(MdDoc) doc = md_report_build_from_store (f->store, info, style, &error);
  g_autofree char *path = g_build_filename (f->dir, "summary.pdf", NULL);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_true (md_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  if (g_getenv ("MD_KEEP_PDF") != NULL)
    {
      g_autofree char *bytes = NULL;
      gsize len = 0;
      g_autofree char *keep = g_strdup_printf ("%s/%s.pdf", g_getenv ("MD_KEEP_PDF"), g_test_get_path () + 1);
      g_strdelimit (keep + strlen (g_getenv ("MD_KEEP_PDF")) + 1, "/", '-');
      g_file_get_contents (path, &bytes, &len, NULL);
      g_file_set_contents (keep, bytes, (gssize) len, NULL);
    }
  return pdf_text (path, pages);
}

/* The text with every run of white space made one space (pdftotext wraps lines). */
static char *
squash (const char *text)
{
  g_autoptr(GRegex) re = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (re, text, -1, 0, " ", 0, NULL);
}

static const char *
after (const char *text, const char *needle)
{
  const char *p = strstr (text, needle);

  if (p == NULL)
    g_error ("“%s” not found in the summary:\n%s", needle, text);
  return p;
}

static MdReportInfo
default_info (void)
{
  MdReportInfo info = { 0 };

  info.from_day = FROM_DAY;
  info.to_day = TO_DAY;
  info.made_utc = MADE;
  info.made_offset_s = 0;
  return info;
}

#define ASSERT_HAS(text, needle) G_STMT_START { \
    if (strstr ((text), (needle)) == NULL) \
      g_error ("“%s” not found in the summary:\n%s", (needle), (text)); \
  } G_STMT_END

static void
test_sections_and_numbers (Fixture *f, gconstpointer data)
{
  MdReportInfo info = default_info ();
  g_autofree char *text = NULL;
  g_autoptr(MdCheckin) c1 = md_checkin_new (TO_DAY - 1);
  g_autoptr(MdCheckin) c2 = md_checkin_new (TO_DAY - 2);
  int pages;

  /* 6 episodes on 5 days: 3 left, 1 right, 1 both, 1 side not recorded. */
  g_autoptr(MdEpisode) a = add (f, TO_DAY - 40, 9, MD_SIDE_LEFT, 60, 0, "After a bad night");
  g_autoptr(MdEpisode) b = add (f, TO_DAY - 30, 9, MD_SIDE_LEFT, 120, 0, NULL);
  g_autoptr(MdEpisode) c = add (f, TO_DAY - 30, 15, MD_SIDE_RIGHT, 600, 0, NULL);
  g_autoptr(MdEpisode) d = add (f, TO_DAY - 3, 9, MD_SIDE_BOTH, MD_UNKNOWN, MD_BIT (MD_SIGN_PAIN), NULL);
  g_autoptr(MdEpisode) e = add (f, TO_DAY - 2, 9, MD_SIDE_UNKNOWN, 30, 0, NULL);
  g_autoptr(MdEpisode) g = add (f, TO_DAY - 1, 9, MD_SIDE_LEFT, 90, 0, NULL);
  /* Outside the period: not counted. */
  g_autoptr(MdEpisode) old = add (f, FROM_DAY - 10, 9, MD_SIDE_LEFT, 60, 0, "too old to list");

  /* Triggers ticked on the episodes themselves: counted beside the check-in comparison. */
  b->triggers = MD_BIT (MD_TRIGGER_CAFFEINE) | MD_BIT (MD_TRIGGER_STRESS);
  g_assert_true (md_store_update_episode (f->store, b, NULL));
  g->triggers = MD_BIT (MD_TRIGGER_STRESS);
  g_assert_true (md_store_update_episode (f->store, g, NULL));
  c1->sleep_min = 6 * 60;
  c1->stress = 8;
  c1->medicines_started = g_strdup ("HRT patch");
  c2->sleep_min = 7 * 60;
  c2->stress = 4;
  c2->note = g_strdup ("Hot night");
  g_assert_true (md_store_put_checkin (f->store, c1, NULL));
  g_assert_true (md_store_put_checkin (f->store, c2, NULL));

  info.patient_name = "Anna Example";
  info.birth_date = "1970-06-15";
  text = write_report (f, &info, &pages);

  g_assert_cmpint (pages, <=, 2);
  ASSERT_HAS (text, "summary for the clinician");
  ASSERT_HAS (text, "Anna Example");
  ASSERT_HAS (text, "born 1970-06-15 (age 54)");
  ASSERT_HAS (text, "Period 2025-01-01 to 2025-03-31 (90 days)");
  ASSERT_HAS (text, "Alerts");
  ASSERT_HAS (text, "Pain with the twitching");
  ASSERT_HAS (text, "Evidence: 2025-03-28");
  ASSERT_HAS (text, "Episodes 6");
  ASSERT_HAS (text, "Triggers noted");
  ASSERT_HAS (text, "Caffeine 1, Stress 2");
  {
    g_autofree char *flat = squash (text);

    ASSERT_HAS (flat, "Key findings Side: left 3, right 1, both sides 1. Side not recorded for 1 more episode. "
                      "Twitching on 5 of the 90 days from 2025-01-01 to 2025-03-31.");
    ASSERT_HAS (flat, "Diary kept since 2024-12-22.");
  }
  ASSERT_HAS (text, "longest 10 min (1 not timed)");
  ASSERT_HAS (text, "Signs recorded");
  ASSERT_HAS (text, "2025-03-28 Pain");
  ASSERT_HAS (text, "Daily context");
  ASSERT_HAS (text, "6.5 hours a night");
  ASSERT_HAS (text, "6.0 out of 10");
  ASSERT_HAS (text, "Started: HRT patch");
  ASSERT_HAS (text, "own notes");
  ASSERT_HAS (text, "“After a bad night”");
  ASSERT_HAS (text, "“Hot night”");
  ASSERT_HAS (text, "not a diagnosis");
  ASSERT_HAS (text, "Page 1 of");
  g_assert_null (strstr (text, "too old to list"));
}

static void
test_empty_period (Fixture *f, gconstpointer data)
{
  MdReportInfo info = default_info ();
  g_autofree char *text = NULL;
  int pages;

  text = write_report (f, &info, &pages);
  g_assert_cmpint (pages, ==, 1);
  ASSERT_HAS (text, "No warning pattern was found in what was logged in this period");
  ASSERT_HAS (text, "No twitching was logged in this period");
  ASSERT_HAS (text, "Page 1 of 1");
}

static void
test_discussed_marked (Fixture *f, gconstpointer data)
{
  MdReportInfo info = default_info ();
  g_autoptr(MdEpisode) ep = add (f, TO_DAY - 3, 9, MD_SIDE_LEFT, 60, MD_BIT (MD_SIGN_PAIN), NULL);
  g_autoptr(GPtrArray) eps = md_store_episodes_between (f->store, G_MININT64, G_MAXINT64, NULL);
  g_autoptr(GPtrArray) flags = NULL;
  g_autofree char *text = NULL;
  MdLevel level;
  int pages;

  flags = md_rules_evaluate ((MdEpisode * const *) eps->pdata, eps->len, MADE, &level);
  g_assert_cmpuint (flags->len, ==, 1);
  g_assert_true (md_flag_ack (f->store, flags->pdata[0], NULL));
  text = write_report (f, &info, &pages);
  ASSERT_HAS (text, "(marked by the patient as discussed with a");
}

static void
test_past_emergency_not_current (Fixture *f, gconstpointer data)
{
  MdReportInfo info = default_info ();
  g_autoptr(MdEpisode) ep = add (f, TO_DAY - 3, 9, MD_SIDE_LEFT, 60, MD_BIT (MD_SIGN_DROOPING), NULL);
  g_autoptr(GPtrArray) eps = md_store_episodes_between (f->store, G_MININT64, G_MAXINT64, NULL);
  g_autoptr(GPtrArray) now_flags = NULL;
  g_autofree char *text = NULL;
  MdLevel level;
  int pages;

  /* What --flags says at the moment the summary is made... */
  now_flags = md_rules_evaluate ((MdEpisode * const *) eps->pdata, eps->len, MADE, &level);
  g_assert_cmpuint (now_flags->len, ==, 1);
  g_assert_cmpstr (((MdFlag *) now_flags->pdata[0])->rule, ==, "face-weakness-recent");

  text = write_report (f, &info, &pages);
  /* ...is what the summary shows as current, with the same message... */
  ASSERT_HAS (text, "urgent: the patient was told to get medical advice the same day");
  g_assert_null (strstr (text, "hours ago"));
  g_assert_null (strstr (text, "days ago"));
  /* ...and the emergency of three days ago is listed as raised then, not as "call now". */
  ASSERT_HAS (text, "Raised earlier in the period and no longer active at its end");
  /* It says why: the same episode is now behind the urgent alert, not an improvement. */
  {
    g_autofree char *flat = squash (text);
    /* (The table's columns interleave in pdftotext's output.) */
    ASSERT_HAS (flat, "Raised on Alert Episodes behind it Why no longer active 2025-03-28 Face, arm or speech signs in the last");
    ASSERT_HAS (flat, "emergency level");
    ASSERT_HAS (flat, "superseded by “Face, arm or");
  }
  g_assert_null (strstr (text, "Call the emergency number now"));
  g_assert_null (strstr (text, "Call "));
}

static void
test_paper_sizes (Fixture *f, gconstpointer data)
{
  MdReportInfo info = default_info ();
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);
  g_autoptr(MdDoc) doc = NULL;
  g_autofree char *path = g_build_filename (f->dir, "letter.pdf", NULL);
  g_autofree char *info_text = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };

  info.letter = TRUE;
  doc = md_report_build_from_store (f->store, &info, style, NULL);
  g_assert_true (md_doc_write_pdf (doc, path, NULL));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info_text, NULL, NULL, NULL);
  ASSERT_HAS (info_text, "612 x 792");
}

static void
test_busy_diary_fits_two_pages (Fixture *f, gconstpointer data)
{
  MdReportInfo info = default_info ();
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  g_autofree char *text = NULL;
  int pages;

  /* Three episodes a day for 90 days, many with signs and notes. */
  for (int d = 0; d < 90; d++)
    for (int k = 0; k < 3; k++)
      {
        MdEpisode *ep = md_test_episode ((FROM_DAY + d) * 86400 + (8 + 4 * k) * 3600);

        ep->regions = MD_BIT ((d + k) % MD_N_REGIONS);
        ep->side = 1 + (d + k) % 3;
        ep->signs = (d % 5 == 0) ? MD_BIT (MD_SIGN_PAIN) | MD_BIT (MD_SIGN_DIZZINESS) : 0;
        md_episode_set_notes (ep, (d % 4 == 0) ? "A long note about the day, the coffee, the heat and the tiredness "
                                                 "that came with it, written in the evening." : NULL);
        g_ptr_array_add (batch, ep);
      }
  g_assert_true (md_store_add_episodes (f->store, batch, FALSE, NULL, NULL, NULL));
  text = write_report (f, &info, &pages);
  g_assert_cmpint (pages, <=, 2);
  ASSERT_HAS (text, "Episodes 270");
  ASSERT_HAS (text, "the earliest are not listed");
  ASSERT_HAS (text, "more notes are in the diary");
}

/* The reviewer's case: left-sided, spreading from the eyelid to the cheek and the mouth, more
 * every week. The summary opens with the key findings, then the spreading one-sided alert. */
static void
test_reviewer_case (Fixture *f, gconstpointer data)
{
  MdReportInfo info = default_info ();
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  /* Days before TO_DAY and regions, oldest first: 2, 4, 6 and 9 episodes a week. */
  static const struct { int back; guint32 regions; } eps[] = {
    { 27, MD_BIT (MD_REGION_EYELID_LOWER) }, { 24, MD_BIT (MD_REGION_EYELID_LOWER) },
    { 20, MD_BIT (MD_REGION_EYELID_LOWER) }, { 19, MD_BIT (MD_REGION_EYELID_LOWER) },
    { 17, MD_BIT (MD_REGION_EYELID_LOWER) | MD_BIT (MD_REGION_CHEEK) }, { 15, MD_BIT (MD_REGION_CHEEK) },
    { 13, MD_BIT (MD_REGION_EYELID_LOWER) }, { 12, MD_BIT (MD_REGION_CHEEK) }, { 11, MD_BIT (MD_REGION_EYELID_LOWER) },
    { 10, MD_BIT (MD_REGION_CHEEK) }, { 9, MD_BIT (MD_REGION_EYELID_LOWER) }, { 8, MD_BIT (MD_REGION_CHEEK) },
    { 6, MD_BIT (MD_REGION_EYELID_LOWER) }, { 5, MD_BIT (MD_REGION_CHEEK) | MD_BIT (MD_REGION_MOUTH_CORNER) },
    { 5, MD_BIT (MD_REGION_EYELID_LOWER) }, { 4, MD_BIT (MD_REGION_MOUTH_CORNER) }, { 3, MD_BIT (MD_REGION_CHEEK) },
    { 3, MD_BIT (MD_REGION_EYELID_LOWER) | MD_BIT (MD_REGION_MOUTH_CORNER) }, { 2, MD_BIT (MD_REGION_CHEEK) },
    { 1, MD_BIT (MD_REGION_MOUTH_CORNER) }, { 0, MD_BIT (MD_REGION_EYELID_LOWER) | MD_BIT (MD_REGION_CHEEK) },
  };
  const char *p;
  int pages;

  for (guint i = 0; i < G_N_ELEMENTS (eps); i++)
    {
      g_autoptr(MdEpisode) ep = md_test_episode ((TO_DAY - eps[i].back) * 86400 + 9 * 3600 + i * 60);

      ep->regions = eps[i].regions;
      ep->side = MD_SIDE_LEFT;
      g_assert_true (md_store_add_episode (f->store, ep, NULL));
    }
  raw = write_report (f, &info, &pages);
  text = squash (raw);
  g_test_message ("%s", text);

  /* The title, then the key findings, then the alerts: one-sided and spreading first. */
  p = after (text, "summary for the clinician");
  p = after (p, "Key findings Side: left only (all 21 episodes with a side recorded). "
                "Twitching on 19 of the 28 days from 2025-03-04 to 2025-03-31. "
                "Spread across the face, in the order the areas first appeared: Lower eyelid (from 2025-03-04), "
                "then Cheek (from 2025-03-14), then Corner of the mouth (from 2025-03-26). "
                "Episodes per week over the last 4 weeks, oldest first: 2, 4, 6, 9, more every week. "
                "Diary kept since 2025-03-04. "
                "Not recorded: weakness, drooping, speech or swallowing trouble, vision change.");
  p = after (p, "Alerts, most serious first One-sided twitching that spreads or lasts — soon: the patient was told to book an appointment");
  p = after (p, "Twitching in more than one area of the face");
  p = after (p, "Twitching on and off for more than two weeks");
  p = after (p, "Twitching increasing week by week");
  /* Rates from the first diary day inside the period, not over the 90 days. */
  after (text, "Episodes per week 5.2 on average");
  g_assert_null (strstr (text, " ago"));
  g_assert_null (strstr (text, "Call "));
  g_assert_cmpint (pages, <=, 2);
}

int
main (int argc, char *argv[])
{
  g_autofree char *pdftotext = NULL;

  g_test_init (&argc, &argv, NULL);
  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return g_test_run ();
    }
  g_test_add ("/report/sections-and-numbers", Fixture, NULL, setup, test_sections_and_numbers, teardown);
  g_test_add ("/report/empty-period", Fixture, NULL, setup, test_empty_period, teardown);
  g_test_add ("/report/discussed-marked", Fixture, NULL, setup, test_discussed_marked, teardown);
  g_test_add ("/report/past-emergency-not-current", Fixture, NULL, setup, test_past_emergency_not_current, teardown);
  g_test_add ("/report/reviewer-case", Fixture, NULL, setup, test_reviewer_case, teardown);
  g_test_add ("/report/paper-sizes", Fixture, NULL, setup, test_paper_sizes, teardown);
  g_test_add ("/report/busy-diary-fits-two-pages", Fixture, NULL, setup, test_busy_diary_fits_two_pages, teardown);
  return g_test_run ();
}
