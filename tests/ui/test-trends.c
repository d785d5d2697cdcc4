/* test-trends.c: the Trends page of the window: ranges switched through the real buttons. */
#include "config.h"

#include <string.h>

#include "md-diary.h"

#include <adwaita.h>

#include "md-chart-view.h"
#include "md-checkin.h"
#include "md-medicine.h"
#include "md-mrs.h"
#include "md-test-utils.h"
#include "md-time.h"
#include "md-ui-test-utils.h"
#include "md-window-private.h"

/* 2025-03-31 12:00 UTC (TZ=UTC in the tests). */
#define NOW   G_GINT64_CONSTANT (1743422400)
#define TODAY G_GINT64_CONSTANT (20178)

typedef struct {
  char     *dir;
  MdStore  *store;
  MdDiary  *diary;
  MdWindow *window;
} Fixture;

static void
add_days_ago (Fixture *f, int days, int hour)
{
  g_autoptr(MdEpisode) ep = md_test_episode ((TODAY - days) * 86400 + hour * 3600);

  ep->side = days % 2 ? MD_SIDE_LEFT : MD_SIDE_RIGHT;
  g_assert_true (md_store_add_episode (f->store, ep, NULL));
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->store = md_test_store_new (&f->dir);
  f->diary = md_diary_new (f->store);
  md_store_set_now (f->store, NOW);
  if (data != NULL)
    {
      for (int d = 1; d <= 5; d++)          /* 5 in the last 30 days */
        add_days_ago (f, d * 5, 9);
      for (int d = 0; d < 5; d++)           /* 5 more in the last 90 days */
        add_days_ago (f, 40 + d * 10, 9);
      for (int d = 0; d < 3; d++)           /* 3 more in the last year */
        add_days_ago (f, 200 + d, 9);
      add_days_ago (f, 600, 9);             /* 2 more before that */
      add_days_ago (f, 700, 9);
    }
  f->window = md_window_new (NULL, f->diary);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  md_ui_test_flush ();
}

static void
teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->diary);
  g_clear_object (&f->store);
  md_test_rmdir (f->dir);
  g_free (f->dir);
}

static GtkWidget *
find_toggle (GtkWidget *root, const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_TOGGLE_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      if ((found = find_toggle (c, label)) != NULL)
        return found;
    }
  return NULL;
}

static void
click (Fixture *f, const char *label)
{
  GtkWidget *button = find_toggle (GTK_WIDGET (f->window->trends_page), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  md_ui_test_flush ();
  /* A period the background worker is still working out comes when it is done. */
  {
    gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (md_trends_page_is_working (f->window->trends_page) && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
  }
}

static void
assert_charts_share (Fixture *f)
{
  MdStats *stats = md_trends_page_get_stats (f->window->trends_page);
  GPtrArray *charts = md_trends_page_get_charts (f->window->trends_page);

  g_assert_cmpuint (charts->len, ==, 8);
  for (guint i = 0; i < charts->len; i++)
    {
      g_assert_true (md_chart_view_get_stats (charts->pdata[i]) == stats);
      g_assert_nonnull (md_chart_view_get_summary (charts->pdata[i]));
    }
}

/* The menopause picture in Trends: the rating scale by week, and a medicine as a band under
 * "How Often"; a new answer shows without leaving the page. */
static void
test_menopause (Fixture *f, gconstpointer data)
{
  g_autoptr(MdMrs) mrs = md_mrs_new (TODAY - 10);
  g_autoptr(MdMrs) later = md_mrs_new (TODAY - 3);
  g_autoptr(MdMedicine) hrt = md_medicine_new ("Estradiol gel", MD_MEDICINE_HRT);
  MdStats *stats;

  for (guint i = 0; i < MD_MRS_N_ITEMS; i++)
    mrs->items[i] = i % 5;
  g_assert_true (md_diary_put_mrs (f->diary, mrs, NULL));
  hrt->started = TODAY - 40;
  g_assert_true (md_diary_add_medicine (f->diary, hrt, NULL));

  adw_view_stack_set_visible_child_name (f->window->view_stack, "trends");
  md_ui_test_flush ();
  stats = md_trends_page_get_stats (f->window->trends_page);
  g_assert_cmpuint (stats->mrs_days, ==, 1);
  g_assert_nonnull (stats->medicines);
  g_assert_cmpuint (stats->medicines->len, ==, 1);
  assert_charts_share (f);

  later->items[0] = 3;
  g_assert_true (md_diary_put_mrs (f->diary, later, NULL));
  md_ui_test_flush ();
  stats = md_trends_page_get_stats (f->window->trends_page);
  g_assert_cmpuint (stats->mrs_days, ==, 2);
  md_ui_test_screenshot (GTK_WIDGET (f->window), "trends-menopause");
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

/* The triggers she ticks on episodes are counted in Trends too, under the triggers chart. */
static void
test_episode_triggers (Fixture *f, gconstpointer data)
{
  g_autoptr(MdEpisode) ep = md_test_episode ((TODAY - 2) * 86400 + 9 * 3600);

  ep->triggers = MD_BIT (MD_TRIGGER_CAFFEINE) | MD_BIT (MD_TRIGGER_STRESS);
  g_assert_true (md_diary_add_episode (f->diary, ep, NULL));
  adw_view_stack_set_visible_child_name (f->window->view_stack, "trends");
  md_ui_test_flush ();
  g_assert_true (has_label (GTK_WIDGET (f->window->trends_page), "Ticked on the episodes themselves: "));
  g_assert_true (has_label (GTK_WIDGET (f->window->trends_page), "Caffeine 1"));
  g_assert_true (has_label (GTK_WIDGET (f->window->trends_page), "Stress 1"));
}

/* Her own symptoms: a chart card each, after the others, with what it shows in words. */
static void
test_symptoms (Fixture *f, gconstpointer data)
{
  const char *names[] = { "Brain fog", "Joint pain", NULL };
  g_autoptr(MdCheckin) c = md_checkin_new (TODAY - 5);

  md_checkin_set_symptom (c, "Brain fog", 4);
  g_assert_true (md_diary_put_checkin (f->diary, c, NULL));
  /* The page is made on its first visit. */
  g_assert_null (f->window->trends_page);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "trends");
  g_assert_nonnull (f->window->trends_page);
  md_trends_page_set_symptom_names (f->window->trends_page, names);
  md_ui_test_flush ();
  g_assert_cmpuint (md_trends_page_get_stats (f->window->trends_page)->n_symptoms, ==, 2);
  g_assert_true (has_label (GTK_WIDGET (f->window->trends_page), "Brain fog: 4.0 on average"));
  g_assert_true (has_label (GTK_WIDGET (f->window->trends_page), "Joint pain"));
  /* A symptom removed in Preferences takes its card with it. */
  md_trends_page_set_symptom_names (f->window->trends_page, (const char *[]) { "Joint pain", NULL });
  md_ui_test_flush ();
  g_assert_false (has_label (GTK_WIDGET (f->window->trends_page), "Brain fog"));
  g_assert_true (has_label (GTK_WIDGET (f->window->trends_page), "Joint pain"));
}

static void
test_ranges (Fixture *f, gconstpointer data)
{
  MdStats *stats;

  adw_view_stack_set_visible_child_name (f->window->view_stack, "trends");
  md_ui_test_flush ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window->trends_page)));

  /* 90 days by default. */
  stats = md_trends_page_get_stats (f->window->trends_page);
  g_assert_cmpint (md_trends_page_get_range (f->window->trends_page), ==, MD_TRENDS_90_DAYS);
  g_assert_cmpuint (stats->summary.n_days, ==, 90);
  g_assert_cmpuint (stats->summary.episodes, ==, 10);
  assert_charts_share (f);
  md_ui_test_screenshot (GTK_WIDGET (f->window), "trends-90");

  click (f, "30 Days");
  stats = md_trends_page_get_stats (f->window->trends_page);
  g_assert_cmpuint (stats->summary.n_days, ==, 30);
  g_assert_cmpuint (stats->summary.episodes, ==, 5);
  assert_charts_share (f);

  click (f, "1 Year");
  stats = md_trends_page_get_stats (f->window->trends_page);
  g_assert_cmpuint (stats->summary.n_days, ==, 365);
  g_assert_cmpuint (stats->summary.episodes, ==, 13);

  click (f, "All");
  stats = md_trends_page_get_stats (f->window->trends_page);
  g_assert_cmpuint (stats->summary.n_days, ==, 701);
  g_assert_cmpuint (stats->summary.episodes, ==, 15);
  assert_charts_share (f);

  /* A new episode updates the charts (the store's "changed"), in the range shown. */
  add_days_ago (f, 1, 10);
  stats = md_trends_page_get_stats (f->window->trends_page);
  g_assert_cmpuint (stats->summary.episodes, ==, 16);
  assert_charts_share (f);
}

/* Built on its first visit; a range shown again is not recomputed; a change made while the
 * page is hidden is read when it is shown again. */
static void
test_cache (Fixture *f, gconstpointer data)
{
  MdStats *all;

  gint64 end;

  g_assert_null (f->window->trends_page);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "trends");
  md_ui_test_flush ();
  g_assert_nonnull (md_trends_page_get_stats (f->window->trends_page));
  /* The other ranges are worked out in the background. */
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!md_trends_page_is_ready (f->window->trends_page, MD_TRENDS_ALL) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (md_trends_page_is_ready (f->window->trends_page, MD_TRENDS_30_DAYS));
  g_assert_true (md_trends_page_is_ready (f->window->trends_page, MD_TRENDS_YEAR));
  g_assert_true (md_trends_page_is_ready (f->window->trends_page, MD_TRENDS_ALL));
  click (f, "All");
  all = md_trends_page_get_stats (f->window->trends_page);
  g_assert_cmpuint (all->summary.n_days, ==, 701);
  g_assert_cmpuint (all->summary.episodes, ==, 15);
  click (f, "1 Year");
  g_assert_cmpuint (md_trends_page_get_stats (f->window->trends_page)->summary.episodes, ==, 13);
  click (f, "30 Days");
  click (f, "All");
  g_assert_true (md_trends_page_get_stats (f->window->trends_page) == all);
  assert_charts_share (f);

  adw_view_stack_set_visible_child_name (f->window->view_stack, "diary");
  md_ui_test_flush ();
  add_days_ago (f, 2, 10);
  g_assert_true (md_trends_page_get_stats (f->window->trends_page) == all);   /* hidden: not yet */
  g_assert_false (md_trends_page_is_ready (f->window->trends_page, MD_TRENDS_ALL));
  adw_view_stack_set_visible_child_name (f->window->view_stack, "trends");
  md_ui_test_flush ();
  g_assert_cmpuint (md_trends_page_get_stats (f->window->trends_page)->summary.episodes, ==, 16);
  assert_charts_share (f);
}

/* "All" chosen before the worker has worked it out: the choice shows at once (the charts of
 * the period before stay, dimmed, with a spinner), and the charts of "All" follow when the
 * worker is done; nothing is worked out twice on the main thread. */
static void
test_all_in_background (Fixture *f, gconstpointer data)
{
  MdStats *before;
  gint64 end;

  adw_view_stack_set_visible_child_name (f->window->view_stack, "trends");
  /* Shown: the 90 days are worked out and the worker has started, but it cannot have reported
   * back, since the main loop has not run. */
  before = md_trends_page_get_stats (f->window->trends_page);
  g_assert_nonnull (before);
  g_assert_false (md_trends_page_is_working (f->window->trends_page));
  g_signal_emit_by_name (find_toggle (GTK_WIDGET (f->window->trends_page), "All"), "clicked");
  g_assert_cmpint (md_trends_page_get_range (f->window->trends_page), ==, MD_TRENDS_ALL);
  g_assert_true (md_trends_page_is_working (f->window->trends_page));
  g_assert_true (md_trends_page_get_stats (f->window->trends_page) == before);

  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (md_trends_page_is_working (f->window->trends_page) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (md_trends_page_is_working (f->window->trends_page));
  g_assert_cmpuint (md_trends_page_get_stats (f->window->trends_page)->summary.n_days, ==, 701);
  g_assert_cmpuint (md_trends_page_get_stats (f->window->trends_page)->summary.episodes, ==, 15);
  assert_charts_share (f);
}

static void
test_empty (Fixture *f, gconstpointer data)
{
  GtkWidget *stack;

  adw_view_stack_set_visible_child_name (f->window->view_stack, "trends");
  md_ui_test_flush ();
  stack = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (f->window->trends_page)));
  while (stack != NULL && !GTK_IS_STACK (stack))
    stack = gtk_widget_get_next_sibling (stack);
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  add_days_ago (f, 2, 9);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "charts");
}

static void
test_screenshots (Fixture *f, gconstpointer data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GPtrArray) eps = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  if (g_getenv ("MD_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set MD_SCREENSHOT_DIR to write screenshots");
      return;
    }
  /* A year of realistic-looking data: more episodes in a bad spell, mostly the left eye. */
  for (int d = 0; d < 365; d++)
    {
      int n = g_rand_int_range (rand, 0, (d > 250 && d < 300) ? 5 : 2);

      for (int k = 0; k < n; k++)
        {
          MdEpisode *ep = md_test_episode ((TODAY - d) * 86400 + g_rand_int_range (rand, 6, 23) * 3600);

          ep->regions = MD_BIT (g_rand_int_range (rand, 0, 10) < 7 ? MD_REGION_EYELID_LOWER : g_rand_int_range (rand, 0, MD_N_REGIONS));
          ep->side = g_rand_int_range (rand, 0, 10) < 7 ? MD_SIDE_LEFT : 1 + g_rand_int_range (rand, 0, 3);
          ep->duration_s = g_rand_int_range (rand, 5, 900);
          g_ptr_array_add (eps, ep);
        }
    }
  g_assert_true (md_store_add_episodes (f->store, eps, FALSE, NULL, NULL, NULL));
  adw_view_stack_set_visible_child_name (f->window->view_stack, "trends");
  click (f, "1 Year");
  md_ui_test_screenshot (GTK_WIDGET (f->window), "trends-year-light");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 2700);
  md_ui_test_flush ();
  md_ui_test_screenshot (GTK_WIDGET (f->window), "trends-year-tall");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 800);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  md_ui_test_flush ();
  md_ui_test_screenshot (GTK_WIDGET (f->window), "trends-year-dark");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 2700);
  md_ui_test_flush ();
  md_ui_test_screenshot (GTK_WIDGET (f->window), "trends-year-dark-tall");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 800);
  md_ui_test_flush ();
  md_ui_test_screenshot (GTK_WIDGET (f->window), "trends-year-dark-narrow");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  md_ui_test_flush ();
  md_ui_test_screenshot (GTK_WIDGET (f->window), "trends-year-light-narrow");
}

int
main (int argc, char *argv[])
{
  md_ui_test_init (&argc, &argv);
  adw_init ();
  g_test_add ("/trends/menopause", Fixture, GINT_TO_POINTER (1), setup, test_menopause, teardown);
  g_test_add ("/trends/episode-triggers", Fixture, GINT_TO_POINTER (1), setup, test_episode_triggers, teardown);
  g_test_add ("/trends/symptoms", Fixture, GINT_TO_POINTER (1), setup, test_symptoms, teardown);
  g_test_add ("/trends/ranges", Fixture, GINT_TO_POINTER (1), setup, test_ranges, teardown);
  g_test_add ("/trends/cache", Fixture, GINT_TO_POINTER (1), setup, test_cache, teardown);
  g_test_add ("/trends/all-in-background", Fixture, GINT_TO_POINTER (1), setup, test_all_in_background, teardown);
  g_test_add ("/trends/empty", Fixture, NULL, setup, test_empty, teardown);
  g_test_add ("/trends/screenshots", Fixture, NULL, setup, test_screenshots, teardown);
  return g_test_run ();
}
