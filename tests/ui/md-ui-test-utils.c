/* md-ui-test-utils.c: helpers for the window tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <adwaita.h>

#include "md-ui-test-utils.h"

void
md_ui_test_init (int    *argc,
                 char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  /* The same locale on every machine, whatever LANG says and whichever locales exist. */
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    g_error ("The C.UTF-8 locale is missing");
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
md_ui_test_flush (void)
{
  gboolean timed_out = FALSE;

  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* Give layout and a few frames a chance to run. */
  g_timeout_add (50, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

void
md_ui_test_screenshot (GtkWidget  *window,
                       const char *name)
{
  const char *dir = g_getenv ("MD_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int w, h;

  if (dir == NULL)
    return;
  md_ui_test_flush ();
  w = gtk_widget_get_width (window);
  h = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (gtk_widget_get_native (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

static gboolean
emit_scroll (GtkWidget        *widget,
             GtkPropagationPhase phase,
             double            dx,
             double            dy)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_SCROLL (c) || gtk_event_controller_get_propagation_phase (c) != phase)
        continue;
      g_signal_emit_by_name (c, "scroll", dx, dy, &handled);
      if (handled)
        return TRUE;
    }
  return FALSE;
}

gboolean
md_ui_test_scroll (GtkWidget *target,
                   double     dx,
                   double     dy)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  for (GtkWidget *w = target; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (path, 0, w);
  for (guint i = 0; i < path->len; i++)
    if (emit_scroll (g_ptr_array_index (path, i), GTK_PHASE_CAPTURE, dx, dy))
      return TRUE;
  if (emit_scroll (target, GTK_PHASE_TARGET, dx, dy))
    return TRUE;
  for (guint i = path->len; i > 0; i--)
    if (emit_scroll (g_ptr_array_index (path, i - 1), GTK_PHASE_BUBBLE, dx, dy))
      return TRUE;
  return FALSE;
}

void
md_ui_test_screenshots (GtkWidget  *window,
                        const char *name)
{
  static const int widths[] = { 360, 1280 };
  AdwStyleManager *style = adw_style_manager_get_default ();
  int width, height;

  if (g_getenv ("MD_SCREENSHOT_DIR") == NULL)
    return;
  /* No cross-fades half-way in a picture. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  /* Narrow first: GTK 4.8 can warn while a wide window is shrunk in one step. */
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    for (guint dark = 0; dark < 2; dark++)
      {
        g_autofree char *file = g_strdup_printf ("%s-%d-%s", name, widths[i], dark ? "dark" : "light");

        adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
        gtk_window_set_default_size (GTK_WINDOW (window), widths[i], height > 0 ? height : 700);
        md_ui_test_flush ();
        md_ui_test_flush ();
        md_ui_test_screenshot (window, file);
      }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  md_ui_test_flush ();
}

GtkWidget *
md_ui_test_find_button (GtkWidget  *root,
                        const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = md_ui_test_find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

void
md_ui_test_press_button (gpointer    root,
                         const char *label)
{
  GtkWidget *button;

  g_assert_true (GTK_IS_WIDGET (root));
  button = md_ui_test_find_button (GTK_WIDGET (root), label);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  md_ui_test_flush ();
}
