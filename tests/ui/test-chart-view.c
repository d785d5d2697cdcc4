/* test-chart-view.c: the chart widget: summary, selection by keys and pointer, drawing. */
#include "config.h"

#include <adwaita.h>

#include "md-chart-view.h"
#include "md-ui-test-utils.h"

#define D0 20000

static MdStats *
make_stats (void)
{
  g_autoptr(GPtrArray) e = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);

  for (int i = 0; i < 6; i++)
    {
      MdEpisode *ep = md_episode_new ();

      ep->start_utc = (D0 + 3) * 86400 + (9 + i) * 3600;
      ep->regions = MD_BIT (MD_REGION_CHEEK);
      ep->side = MD_SIDE_LEFT;
      ep->duration_s = 60;
      g_ptr_array_add (e, ep);
    }
  return md_stats_compute ((MdEpisode * const *) e->pdata, e->len, NULL, 0, D0, D0 + 6);
}

static void
test_summary_and_selection (void)
{
  g_autoptr(MdStats) stats = make_stats ();
  MdChartView *view = MD_CHART_VIEW (g_object_ref_sink (md_chart_view_new (MD_CHART_FREQUENCY)));
  g_autofree char *text = NULL;

  g_assert_cmpstr (md_chart_view_get_summary (view), ==, "Nothing logged in this period.");
  md_chart_view_set_stats (view, stats);
  g_assert_nonnull (strstr (md_chart_view_get_summary (view), "6 episodes in 7 days"));
  g_assert_cmpint (md_chart_view_get_selected (view), ==, -1);
  g_assert_null (md_chart_view_dup_selected_text (view));

  md_chart_view_set_selected (view, 3);
  text = md_chart_view_dup_selected_text (view);
  g_assert_nonnull (strstr (text, ": 6 episodes"));
  /* Out of range: nothing selected. */
  md_chart_view_set_selected (view, 7);
  g_assert_cmpint (md_chart_view_get_selected (view), ==, -1);

  g_object_set (view, "kind", MD_CHART_TIME_OF_DAY, NULL);
  g_assert_nonnull (strstr (md_chart_view_get_summary (view), "between 09:00"));
  md_chart_view_set_selected (view, 23);
  g_assert_cmpint (md_chart_view_get_selected (view), ==, 23);
  g_assert_finalize_object (view);
}

static gboolean
press_key (GtkWidget *widget, guint keyval)
{
  GtkEventController *key = NULL;
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        key = c;
    }
  g_assert_nonnull (key);
  g_signal_emit_by_name (key, "key-pressed", keyval, 0, 0, &handled);
  g_object_unref (controllers);
  return handled;
}

static void
test_keys (void)
{
  g_autoptr(MdStats) stats = make_stats ();
  GtkWidget *view = g_object_ref_sink (md_chart_view_new (MD_CHART_FREQUENCY));

  md_chart_view_set_stats (MD_CHART_VIEW (view), stats);
  g_assert_true (press_key (view, GDK_KEY_Right));
  g_assert_cmpint (md_chart_view_get_selected (MD_CHART_VIEW (view)), ==, 0);
  press_key (view, GDK_KEY_Right);
  press_key (view, GDK_KEY_Right);
  g_assert_cmpint (md_chart_view_get_selected (MD_CHART_VIEW (view)), ==, 2);
  press_key (view, GDK_KEY_Left);
  g_assert_cmpint (md_chart_view_get_selected (MD_CHART_VIEW (view)), ==, 1);
  press_key (view, GDK_KEY_End);
  press_key (view, GDK_KEY_Right);  /* stays on the last bar */
  g_assert_cmpint (md_chart_view_get_selected (MD_CHART_VIEW (view)), ==, 6);
  press_key (view, GDK_KEY_Home);
  press_key (view, GDK_KEY_Left);
  g_assert_cmpint (md_chart_view_get_selected (MD_CHART_VIEW (view)), ==, 0);
  g_assert_false (press_key (view, GDK_KEY_a));
  g_assert_finalize_object (view);
}

static void
test_draws (void)
{
  g_autoptr(MdStats) stats = make_stats ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = md_chart_view_new (MD_CHART_FREQUENCY);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *data = NULL;
  int w, h;
  guint coloured = 0;

  md_chart_view_set_stats (MD_CHART_VIEW (view), stats);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (view) == 0 || !gtk_widget_get_mapped (view))
    g_main_context_iteration (NULL, TRUE);

  paintable = gtk_widget_paintable_new (view);
  w = gdk_paintable_get_intrinsic_width (paintable);
  h = gdk_paintable_get_intrinsic_height (paintable);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (view));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  data = g_malloc (w * h * 4);
  gdk_texture_download (texture, data, w * 4);
  /* Some pixels carry the bar colour: strongly blue. */
  for (int i = 0; i < w * h; i++)
    {
      guchar b = data[i * 4], g = data[i * 4 + 1], r = data[i * 4 + 2];

      if (b > 180 && r < 120 && g > 90 && g < 190)
        coloured++;
    }
  g_assert_cmpuint (coloured, >, 100);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  md_ui_test_init (&argc, &argv);
  adw_init ();
  g_test_add_func ("/chart-view/summary-and-selection", test_summary_and_selection);
  g_test_add_func ("/chart-view/keys", test_keys);
  g_test_add_func ("/chart-view/draws", test_draws);
  return g_test_run ();
}
