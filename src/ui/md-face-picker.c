/* md-face-picker.c: the clickable face. Geometry and drawing live in src/draw/md-face-map.c;
 * this widget only takes the colours from the theme and turns clicks into regions.
 *
 * Keyboard and screen-reader users have the list of region check buttons next to it, which
 * does the same; the drawing itself is an image with a label.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-face-picker"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "md-face-map.h"
#include "md-face-picker.h"

struct _MdFacePicker
{
  GtkDrawingArea  parent_instance;

  guint32         left;
  guint32         right;
  int             hover_region;
  MdSide          hover_side;
};

G_DEFINE_FINAL_TYPE (MdFacePicker, md_face_picker, GTK_TYPE_DRAWING_AREA)

enum {
  REGION_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
to_rgba (MdRgba *out, const GdkRGBA *in)
{
  out->r = in->red;
  out->g = in->green;
  out->b = in->blue;
  out->a = in->alpha;
}

/* The drawing style from the current theme, so it follows light and dark. */
static MdDrawStyle *
style_from_theme (GtkWidget *widget)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  MdDrawStyle *style = md_draw_style_new_default (adw_style_manager_get_dark (manager));
  GdkRGBA c;

  gtk_style_context_get_color (context, &c);
  to_rgba (&style->foreground, &c);
  if (gtk_style_context_lookup_color (context, "accent_bg_color", &c))
    to_rgba (&style->accent, &c);
  if (gtk_style_context_lookup_color (context, "accent_fg_color", &c))
    to_rgba (&style->accent_fg, &c);
  if (gtk_style_context_lookup_color (context, "view_bg_color", &c))
    to_rgba (&style->background, &c);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return style;
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  MdFacePicker *self = MD_FACE_PICKER (area);
  g_autoptr(MdDrawStyle) style = style_from_theme (GTK_WIDGET (area));
  MdFaceMapValues values;

  md_face_map_values_init (&values, MD_FACE_MAP_SELECT);
  values.selected_left = self->left;
  values.selected_right = self->right;
  values.focus_region = self->hover_region;
  values.focus_side = self->hover_side;
  md_face_map_draw (cr, width, height, style, &values);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            MdFacePicker    *self)
{
  if (md_face_picker_click_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           MdFacePicker             *self)
{
  MdRegion region;
  MdSide side;
  int hover = -1;

  if (md_face_map_hit (gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)),
                       x, y, &region, &side))
    hover = region;
  else
    side = MD_SIDE_UNKNOWN;
  if (hover != self->hover_region || side != self->hover_side)
    {
      self->hover_region = hover;
      self->hover_side = side;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 ? "pointer" : NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *controller,
          MdFacePicker             *self)
{
  self->hover_region = -1;
  self->hover_side = MD_SIDE_UNKNOWN;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
query_tooltip_cb (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  MdFacePicker *self)
{
  g_autofree char *text = NULL;
  MdRegion region;
  MdSide side;

  if (keyboard || !md_face_map_hit (gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                                    x, y, &region, &side))
    return FALSE;
  /* Translators: "Cheek, your left". */
  text = g_strdup_printf (side == MD_SIDE_LEFT ? _("%s, your left") : _("%s, your right"),
                          md_region_label (region));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
md_face_picker_class_init (MdFacePickerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* MdFacePicker::region-clicked: (region, half) with half MD_SIDE_LEFT or MD_SIDE_RIGHT. */
  signals[REGION_CLICKED] = g_signal_new ("region-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
  gtk_widget_class_set_css_name (widget_class, "facepicker");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
md_face_picker_init (MdFacePicker *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hover_region = -1;
  self->hover_side = MD_SIDE_UNKNOWN;
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 400);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 280);

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Face drawing"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Click where it twitched. The list of places below does the same."),
                                  -1);
}

GtkWidget *
md_face_picker_new (void)
{
  return g_object_new (MD_TYPE_FACE_PICKER, NULL);
}

void
md_face_picker_set_selection (MdFacePicker *self,
                              guint32       left,
                              guint32       right)
{
  g_return_if_fail (MD_IS_FACE_PICKER (self));

  if (self->left == left && self->right == right)
    return;
  self->left = left;
  self->right = right;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
md_face_picker_get_selection (MdFacePicker *self,
                              guint32      *left,
                              guint32      *right)
{
  g_return_if_fail (MD_IS_FACE_PICKER (self));
  *left = self->left;
  *right = self->right;
}

gboolean
md_face_picker_click_at (MdFacePicker *self,
                         double        x,
                         double        y)
{
  MdRegion region;
  MdSide side;

  g_return_val_if_fail (MD_IS_FACE_PICKER (self), FALSE);

  if (!md_face_map_hit (gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)),
                        x, y, &region, &side))
    return FALSE;
  g_signal_emit (self, signals[REGION_CLICKED], 0, (int) region, (int) side);
  return TRUE;
}
