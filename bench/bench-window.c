/* bench-window.c: the window benchmarks' probe, run by bench/run-bench.py under xvfb-run.
 *
 *   bench-window empty                an empty AdwApplicationWindow 900x700 (the floor)
 *   bench-window app DB               Menodiary's own window on DB
 *   bench-window save DB N            ... then N episodes saved through the real editor
 *   bench-window scroll DB            ... then the history scrolled at several depths
 *   bench-window scroll-floor DB      the same, 1 px a frame: no new row, only the repaint
 *   bench-window trends DB N [MS]     ... then Trends shown, and MS (300) ms later switched to
 *                                     "All" N times (the first, and again)
 *   bench-window insert DB N          no window: N md_store_add_episode calls (the save floor)
 *
 * Prints key=value lines. "first_frame_ms" counts from BENCH_T0_US (CLOCK_MONOTONIC µs taken
 * by the runner just before it started this process; g_get_monotonic_time reads the same
 * clock) to the end of the window's first painted frame (the frame clock's "after-paint").
 * "rss_kb" is the peak resident size after the window has settled (one second after its
 * first frame, so work deferred to idle after the first frame is counted too).
 * BENCH_VERBOSE tells each slow scroll frame, BENCH_PHASES each Trends switch in phases;
 * BENCH_QUIT_AT_FIRST_FRAME ends the probe there (to profile the start alone; with it,
 * BENCH_DUMP_TREE prints the first frame's widget tree, BENCH_COUNT_NODES its render nodes by
 * type, also written to BENCH_NODES_FILE when set); BENCH_SCREENSHOT
 * saves the settled window as a PNG (with BENCH_QUIT_AT_FIRST_FRAME, the first frame's).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <adwaita.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "md-application.h"
#include "md-episode-editor-private.h"
#include "md-store.h"
#include "md-time.h"
#include "md-window-private.h"

typedef enum { MODE_EMPTY, MODE_APP, MODE_SAVE, MODE_SCROLL, MODE_TRENDS } Mode;

static Mode mode;
static guint n_repeats = 20;
static GtkWindow *main_window;
static GdkFrameClock *clock_;
static gint64 t0_us;
static gboolean first_frame_seen;
static GArray *samples;          /* double ms */
static gint64 frame_start;       /* start of the frame under way (before-paint) */
static gint64 frame_cpu_start;   /* the main thread's CPU time then, µs */
static gint64 wait_paint_from;   /* >0: the next after-paint ends a timed action begun then */
static void (*on_painted) (void);
static GApplication *app;
static guint trends_delay_ms = 300;  /* from Trends shown to the first switch to "All" */

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *a)
{
  if (a->len == 0)
    return 0;
  qsort (a->data, a->len, sizeof (double), compare_doubles);
  return g_array_index (a, double, a->len / 2);
}

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static double
percentile (GArray *a, double p)
{
  if (a->len == 0)
    return 0;
  qsort (a->data, a->len, sizeof (double), compare_doubles);
  return g_array_index (a, double, MIN (a->len - 1, (guint) (p * a->len)));
}

static glong
peak_rss_kb (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

static void
finish (void)
{
  g_print ("rss_kb=%ld\n", peak_rss_kb ());
  g_application_quit (app);
}

/* ---- Saving through the real editor ---------------------------------------------------- */

static guint n_done;
static GArray *save_sync;   /* ms spent in the save action itself */
static void save_next (void);

static gboolean
save_next_cb (gpointer data)
{
  save_next ();
  return G_SOURCE_REMOVE;
}

static void
save_painted (void)
{
  if (++n_done >= n_repeats)
    {
      g_print ("save_ms=%.3f\nsave_action_ms=%.3f\n", median (samples), median (save_sync));
      finish ();
      return;
    }
  /* Let the toast and the closing editor settle between saves. */
  g_timeout_add (250, save_next_cb, NULL);
}

static void
save_next (void)
{
  MdWindow *window = MD_WINDOW (main_window);
  MdEpisodeEditor *editor;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.log-episode", NULL);
  editor = window->editor;
  g_assert (editor != NULL);
  gtk_check_button_set_active (editor->region_checks[MD_REGION_EYELID_LOWER], TRUE);
  gtk_check_button_set_active (editor->region_checks[(n_done % 3) + 1], TRUE);
  g_assert (md_episode_editor_is_valid (editor));
  /* Each save must reach the screen: the new row is at the top of the history. */
  on_painted = save_painted;
  wait_paint_from = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  {
    double ms = (g_get_monotonic_time () - wait_paint_from) / 1000.0;

    if (save_sync == NULL)
      save_sync = g_array_new (FALSE, FALSE, sizeof (double));
    g_array_append_val (save_sync, ms);
  }
}

/* ---- Scrolling ---------------------------------------------------------------------------- */

static const double depths[] = { 0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.98 };
static guint depth_index, scroll_frames;
static GtkAdjustment *vadj;
static guint n_binds;   /* rows bound in the frame under way (BENCH_VERBOSE) */

static void
bind_cb (void)
{
  n_binds++;
}
static GArray *frames;    /* every frame's duration, ms */
static GArray *frames_cpu;  /* the main thread's CPU time in each, ms (what contention does not inflate) */
static double scroll_step = 0.8;   /* of a screen per frame; "scroll-floor" moves 1 px */
#define SCROLL_FRAMES_PER_DEPTH 60

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       data)
{
  double upper = gtk_adjustment_get_upper (vadj);
  double page = gtk_adjustment_get_page_size (vadj);

  if (scroll_frames == 0)
    gtk_adjustment_set_value (vadj, depths[depth_index] * (upper - page));
  else
    /* A fast flick: most of a screen per frame. */
    gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) + (scroll_step > 0 ? scroll_step * page : 1));
  if (++scroll_frames >= SCROLL_FRAMES_PER_DEPTH)
    {
      scroll_frames = 0;
      if (++depth_index >= G_N_ELEMENTS (depths))
        {
          double worst = 0;
          guint over = 0;

          for (guint i = 0; i < frames->len; i++)
            {
              worst = MAX (worst, g_array_index (frames, double, i));
              over += g_array_index (frames, double, i) > 16.7;
            }
          g_print ("scroll_worst_ms=%.3f\nscroll_p90_ms=%.3f\nscroll_frames=%u\nscroll_over_16ms=%u\n"
                   "scroll_cpu_worst_ms=%.3f\nscroll_cpu_p90_ms=%.3f\n",
                   worst, percentile (frames, 0.9), frames->len, over,
                   percentile (frames_cpu, 1.0), percentile (frames_cpu, 0.9));
          finish ();
          return G_SOURCE_REMOVE;
        }
    }
  return G_SOURCE_CONTINUE;
}

static void
start_scroll (void)
{
  MdWindow *window = MD_WINDOW (main_window);

  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->history_view));
  frames = g_array_new (FALSE, FALSE, sizeof (double));
  frames_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (gtk_grid_view_get_factory (window->history_view), "bind", G_CALLBACK (bind_cb), NULL);
  gtk_widget_add_tick_callback (GTK_WIDGET (window->history_view), scroll_tick_cb, NULL, NULL);
}

/* ---- Trends "All" ------------------------------------------------------------------------- */

static void trends_next (void);

static gboolean
trends_next_cb (gpointer data)
{
  trends_next ();
  return G_SOURCE_REMOVE;
}

static gint64 trends_switched_at;   /* when "All" was chosen */
static gint64 trends_switched_cpu;  /* the main thread's CPU time then */
static double trends_first_frame = -1;   /* the first frame after the first choice of "All" */

static void
trends_painted (void)
{
  MdWindow *window = MD_WINDOW (main_window);

  if (md_trends_page_get_range (window->trends_page) != MD_TRENDS_ALL)
    g_array_set_size (samples, samples->len - 1);   /* the switch back is not counted */
  else
    {
      if (trends_first_frame < 0)
        trends_first_frame = g_array_index (samples, double, samples->len - 1);
      if (md_trends_page_is_working (window->trends_page))
        {
          /* The choice is on screen, the charts not yet: wait for the frame that shows them. */
          g_array_set_size (samples, samples->len - 1);
          on_painted = trends_painted;
          wait_paint_from = trends_switched_at;
          return;
        }
      if (++n_done >= n_repeats)
        {
          /* The first switch computes "All"; later ones find it computed. */
          double first = g_array_index (samples, double, 0);

          g_array_remove_index (samples, 0);
          g_print ("trends_all_first_ms=%.3f\ntrends_all_again_ms=%.3f\ntrends_all_first_frame_ms=%.3f\n",
                   first, median (samples), trends_first_frame);
          finish ();
          return;
        }
    }
  /* 0.4 s apart: after Adwaita's 0.2 s button transitions have ended. While one still runs,
   * the frame clock ticks at the refresh rate and a switch waits up to a refresh (about 8 ms
   * on average at 60 Hz) for its frame, idle time that is no work of the window's. */
  g_timeout_add (400, trends_next_cb, NULL);
}

static void
trends_next (void)
{
  MdWindow *window = MD_WINDOW (main_window);
  gboolean all = md_trends_page_get_range (window->trends_page) == MD_TRENDS_ALL;

  on_painted = trends_painted;
  wait_paint_from = trends_switched_at = g_get_monotonic_time ();
  trends_switched_cpu = thread_cpu_us ();
  md_trends_page_set_range (window->trends_page, all ? MD_TRENDS_90_DAYS : MD_TRENDS_ALL);
  gtk_widget_queue_draw (GTK_WIDGET (main_window));
}

static void
trends_shown (void)
{
  samples->len = 0;
  g_timeout_add (trends_delay_ms, trends_next_cb, NULL);
}

static void
start_trends (void)
{
  MdWindow *window = MD_WINDOW (main_window);

  on_painted = trends_shown;
  wait_paint_from = g_get_monotonic_time ();
  adw_view_stack_set_visible_child_name (window->view_stack, "trends");
}

/* ---- The window --------------------------------------------------------------------------- */

/* BENCH_SCREENSHOT=FILE.png: the window as it is once settled (to look at it as a user would). */
static void
save_screenshot (const char *path)
{
  GtkWidget *window = GTK_WIDGET (main_window);
  int w = gtk_widget_get_width (window), h = gtk_widget_get_height (window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (main_window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  gdk_texture_save_to_png (texture, path);
}

/* BENCH_COUNT_NODES: the render node types of the window's frame, counted (each new kind can
 * cost a shader compile with GL). */
static void
count_node (GskRenderNode *node,
            GHashTable    *counts)
{
  const char *name;
  guint n;

  if (node == NULL)
    return;
  name = G_OBJECT_TYPE_NAME (node);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
  g_hash_table_insert (counts, (gpointer) name, GUINT_TO_POINTER (n + 1));
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count_node (gsk_container_node_get_child (node, i), counts);
      break;
    case GSK_TRANSFORM_NODE: count_node (gsk_transform_node_get_child (node), counts); break;
    case GSK_OPACITY_NODE: count_node (gsk_opacity_node_get_child (node), counts); break;
    case GSK_CLIP_NODE: count_node (gsk_clip_node_get_child (node), counts); break;
    case GSK_ROUNDED_CLIP_NODE: count_node (gsk_rounded_clip_node_get_child (node), counts); break;
    case GSK_COLOR_MATRIX_NODE: count_node (gsk_color_matrix_node_get_child (node), counts); break;
    case GSK_SHADOW_NODE: count_node (gsk_shadow_node_get_child (node), counts); break;
    case GSK_DEBUG_NODE: count_node (gsk_debug_node_get_child (node), counts); break;
    case GSK_BLUR_NODE: count_node (gsk_blur_node_get_child (node), counts); break;
    case GSK_CROSS_FADE_NODE:
      count_node (gsk_cross_fade_node_get_start_child (node), counts);
      count_node (gsk_cross_fade_node_get_end_child (node), counts);
      break;
    default:
      break;
    }
}

static void
count_nodes (void)
{
  GtkWidget *window = GTK_WIDGET (main_window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window), gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  count_node (node, counts);
  if (g_getenv ("BENCH_NODES_FILE") != NULL)
    gsk_render_node_write_to_file (node, g_getenv ("BENCH_NODES_FILE"), NULL);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_printerr ("%s: %u\n", (const char *) key, GPOINTER_TO_UINT (value));
}

static guint
count_widgets (GtkWidget *w,
               int        depth)
{
  guint n = 1;

  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_widgets (c, depth + 1);
  if (n >= 15 && depth <= 9)
    g_printerr ("%*s%s%s: %u\n", depth * 2, "", G_OBJECT_TYPE_NAME (w), gtk_widget_get_visible (w) ? "" : " (hidden)", n);
  return n;
}

static void
dump_tree (GtkWidget *w,
           int        depth)
{
  g_printerr ("%*s%s%s\n", depth * 2, "", G_OBJECT_TYPE_NAME (w), gtk_widget_get_visible (w) ? "" : " (hidden)");
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    dump_tree (c, depth + 1);
}

static gboolean
find_row (GtkWidget *w)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (w), "MdEpisodeRow"))
    {
      dump_tree (w, 0);
      return TRUE;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (find_row (c))
      return TRUE;
  return FALSE;
}

/* BENCH_SMAPS=FILE: the settled process's /proc/self/smaps copied there (where its memory is). */
static void
copy_smaps (const char *path)
{
  g_autofree char *text = NULL;

  if (g_file_get_contents ("/proc/self/smaps", &text, NULL, NULL))
    g_file_set_contents (path, text, -1, NULL);
}

static gboolean
settled_cb (gpointer data)
{
  if (g_getenv ("BENCH_SMAPS") != NULL)
    copy_smaps (g_getenv ("BENCH_SMAPS"));
  if (g_getenv ("BENCH_DUMP_ROW") != NULL)
    find_row (GTK_WIDGET (main_window));
  if (g_getenv ("BENCH_COUNT_WIDGETS") != NULL)
    count_widgets (GTK_WIDGET (main_window), 0);
  if (g_getenv ("BENCH_SCREENSHOT") != NULL)
    save_screenshot (g_getenv ("BENCH_SCREENSHOT"));
  switch (mode)
    {
    case MODE_SAVE:
      save_next ();
      break;
    case MODE_SCROLL:
      start_scroll ();
      break;
    case MODE_TRENDS:
      start_trends ();
      break;
    default:
      finish ();
    }
  return G_SOURCE_REMOVE;
}

static guint count_widgets (GtkWidget *w, int depth);
static void dump_tree (GtkWidget *w, int depth);
static void save_screenshot (const char *path);

/* With BENCH_PHASES set, each timed Trends switch is told in phases on stderr: the main thread's
 * CPU time and the wall time until its frame began, then GTK's layout and paint (our handlers
 * run after GTK's own). */
static gint64 layout_done, paint_done;

static void
layout_cb (GdkFrameClock *frame_clock)
{
  layout_done = g_get_monotonic_time ();
}

static void
paint_cb (GdkFrameClock *frame_clock)
{
  paint_done = g_get_monotonic_time ();
}

static void
before_paint_cb (GdkFrameClock *frame_clock)
{
  frame_start = g_get_monotonic_time ();
  frame_cpu_start = thread_cpu_us ();
}

static void
after_paint_cb (GdkFrameClock *frame_clock)
{
  gint64 now = g_get_monotonic_time ();

  if (!first_frame_seen)
    {
      first_frame_seen = TRUE;
      struct rusage ru;

      getrusage (RUSAGE_SELF, &ru);
      g_print ("first_frame_ms=%.3f\nfirst_frame_cpu_ms=%.3f\n", (now - t0_us) / 1000.0,
               (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0);
      /* 1 when the window draws with cairo (GSK_RENDERER=cairo, or the app's choice where OpenGL
       * is software: src/ui/md-renderer.c). */
      g_print ("renderer_cairo=%d\n",
               g_str_equal (G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (main_window))), "GskCairoRenderer"));
      if (g_getenv ("BENCH_QUIT_AT_FIRST_FRAME") != NULL)
        {
          if (g_getenv ("BENCH_COUNT_WIDGETS") != NULL)
            count_widgets (GTK_WIDGET (main_window), 0);
          if (g_getenv ("BENCH_DUMP_TREE") != NULL)
            dump_tree (GTK_WIDGET (main_window), 0);
          if (g_getenv ("BENCH_COUNT_NODES") != NULL)
            count_nodes ();
          if (g_getenv ("BENCH_SCREENSHOT") != NULL)
            save_screenshot (g_getenv ("BENCH_SCREENSHOT"));
          exit (0);
        }   /* for a profile of the start alone */
      g_timeout_add (1000, settled_cb, NULL);
      return;
    }
  if (frames != NULL && frame_start > 0)
    {
      double ms = (now - frame_start) / 1000.0;
      double cpu = (thread_cpu_us () - frame_cpu_start) / 1000.0;

      g_array_append_val (frames, ms);
      g_array_append_val (frames_cpu, cpu);
      if (g_getenv ("BENCH_VERBOSE") != NULL && ms > 16.7)
        g_printerr ("frame %u (depth %u, step %u): %.1f ms (main thread CPU %.1f ms), %u binds\n", frames->len,
                    depth_index, scroll_frames, ms, cpu, n_binds);
      n_binds = 0;
    }
  if (wait_paint_from > 0)
    {
      double ms = (now - wait_paint_from) / 1000.0;
      void (*cb) (void) = on_painted;

      if (g_getenv ("BENCH_PHASES") != NULL && wait_paint_from == trends_switched_at)
        g_printerr ("switch: %.1f ms until its frame (main thread CPU %.1f ms), layout %.1f, paint %.1f, after %.1f\n",
                    (frame_start - wait_paint_from) / 1000.0, (frame_cpu_start - trends_switched_cpu) / 1000.0,
                    (layout_done - frame_start) / 1000.0, (paint_done - layout_done) / 1000.0,
                    (now - paint_done) / 1000.0);

      g_array_append_val (samples, ms);
      wait_paint_from = 0;
      on_painted = NULL;
      if (cb != NULL)
        cb ();
    }
}

static void
realize_cb (GtkWidget *widget)
{
  clock_ = gtk_widget_get_frame_clock (widget);
  g_signal_connect (clock_, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (clock_, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  g_signal_connect (clock_, "layout", G_CALLBACK (layout_cb), NULL);
  g_signal_connect (clock_, "paint", G_CALLBACK (paint_cb), NULL);
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window)
{
  if (main_window != NULL)
    return;
  main_window = window;
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}

static void
empty_activate_cb (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  /* BENCH_EMPTY_TEXT: the same window showing one line of text (what text alone costs). */
  if (g_getenv ("BENCH_EMPTY_TEXT") != NULL)
    adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), gtk_label_new ("Menodiary"));
  gtk_window_present (GTK_WINDOW (window));
}

/* ---- The floor of a save: the store's insert alone ----------------------------------------- */

static int
run_insert (const char *db,
            guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdStore) store = md_store_open (db, &error);

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MdEpisode) ep = md_episode_new ();
      gint64 t;
      double ms;

      ep->start_utc = md_time_now () - 60 - i;
      ep->utc_offset_s = md_utc_offset_at (NULL, ep->start_utc);
      ep->regions = MD_BIT (MD_REGION_EYELID_LOWER);
      t = g_get_monotonic_time ();
      if (!md_store_add_episode (store, ep, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      ms = (g_get_monotonic_time () - t) / 1000.0;
      g_array_append_val (samples, ms);
    }
  g_print ("insert_ms=%.3f\n", median (samples));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *t0 = g_getenv ("BENCH_T0_US");
  const char *m = argc > 1 ? argv[1] : "";
  int status;

  t0_us = t0 != NULL ? g_ascii_strtoll (t0, NULL, 10) : g_get_monotonic_time ();
  /* As menodiary's main(): the locale set once, before any thread. */
  setlocale (LC_ALL, "");
  gtk_disable_setlocale ();
  samples = g_array_new (FALSE, FALSE, sizeof (double));
  if (argc > 3)
    n_repeats = (guint) atoi (argv[3]);
  if (argc > 4)
    trends_delay_ms = (guint) atoi (argv[4]);

  if (g_str_equal (m, "insert") && argc > 2)
    return run_insert (argv[2], n_repeats);
  if (g_str_equal (m, "empty"))
    {
      mode = MODE_EMPTY;
      app = G_APPLICATION (adw_application_new ("io.github.menodiary.BenchEmpty", G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (empty_activate_cb), NULL);
    }
  else if (argc > 2 && (g_str_equal (m, "app") || g_str_equal (m, "save") || g_str_equal (m, "scroll-floor") ||
                        g_str_equal (m, "scroll") || g_str_equal (m, "trends")))
    {
      if (g_str_equal (m, "scroll-floor"))
        {
          m = "scroll";
          scroll_step = 0;
        }
      mode = g_str_equal (m, "app") ? MODE_APP : g_str_equal (m, "save") ? MODE_SAVE
             : g_str_equal (m, "scroll") ? MODE_SCROLL : MODE_TRENDS;
      app = G_APPLICATION (md_application_new ());
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  else
    {
      g_printerr ("usage: bench-window empty | app DB | save DB N | scroll DB | scroll-floor DB | trends DB N | insert DB N\n");
      return 2;
    }
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  {
    char *args[] = { argv[0], (char *) "--db", argc > 2 ? argv[2] : NULL, NULL };

    status = g_application_run (app, mode == MODE_EMPTY ? 1 : 3, args);
  }
  g_object_unref (app);
  return status;
}
