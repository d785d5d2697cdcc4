/* md-face-picker.c: the clickable face. Geometry and drawing live in src/draw/md-face-map.c;
 * this widget only takes the colours from the theme and turns clicks into regions.
 *
 * For the keyboard and screen readers each region on each side is a real child: a check box
 * ("Lower eyelid, your left") that cannot be seen or clicked (the drawing shows the state and
 * takes the clicks) but can be focused, read and toggled. The whole face is one Tab stop: Tab
 * enters at the last region focused, the arrow keys move between regions by where they are on
 * the face, Space toggles, and Tab leaves. The focused region is outlined in the drawing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-face-picker"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "md-a11y.h"
#include "md-face-map.h"
#include "md-face-picker.h"

struct _MdFacePicker
{
  GtkDrawingArea  parent_instance;

  guint32         left;
  guint32         right;
  int             hover_region;
  MdSide          hover_side;
  GtkWidget      *parts[2][MD_N_REGIONS];  /* [0] her left, [1] her right */
  GtkWidget      *last_focus;              /* weak: where Tab comes back in */
  int             focus_region;
  MdSide          focus_side;
  gboolean        syncing;
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
  gboolean keyboard;

  md_face_map_values_init (&values, MD_FACE_MAP_SELECT);
  values.selected_left = self->left;
  values.selected_right = self->right;
  /* The keyboard's place is outlined once she uses the keyboard (as GTK shows focus rings). */
  keyboard = self->focus_region >= 0 && self->focus_side != MD_SIDE_UNKNOWN &&
                      gtk_widget_has_visible_focus (self->parts[self->focus_side == MD_SIDE_LEFT ? 0 : 1][self->focus_region]);

  values.focus_region = keyboard ? self->focus_region : self->hover_region;
  values.focus_side = keyboard ? self->focus_side : self->hover_side;
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

#define PART_SIZE 20

static void
part_toggled_cb (GtkCheckButton *check,
                 MdFacePicker   *self)
{
  MdRegion region = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "md-region"));
  MdSide side = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "md-side"));

  if (self->syncing)
    return;
  /* The owner decides what a toggle means (as for a click); its answer comes back through
   * md_face_picker_set_selection, which sets every check box to what is really chosen. */
  g_signal_emit (self, signals[REGION_CLICKED], 0, (int) region, (int) side);
  md_face_picker_set_selection (self, self->left, self->right);
  self->syncing = TRUE;
  gtk_check_button_set_active (check, (side == MD_SIDE_LEFT ? self->left : self->right) & MD_BIT (region));
  self->syncing = FALSE;
}

static void
part_focus_cb (GtkWidget    *part,
               GParamSpec   *pspec,
               MdFacePicker *self)
{
  if (gtk_widget_has_focus (part))
    {
      self->focus_region = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (part), "md-region"));
      self->focus_side = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (part), "md-side"));
      g_set_weak_pointer (&self->last_focus, part);
    }
  else if (gtk_widget_get_focus_child (GTK_WIDGET (self)) == NULL ||
           gtk_widget_get_focus_child (GTK_WIDGET (self)) == part)
    self->focus_region = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
make_parts (MdFacePicker *self)
{
  for (guint s = 0; s < 2; s++)
    for (guint r = 0; r < MD_N_REGIONS; r++)
      {
        MdSide side = s == 0 ? MD_SIDE_LEFT : MD_SIDE_RIGHT;
        GtkWidget *part = gtk_check_button_new ();
        /* Translators: a place on the face map, e.g. "Cheek, your left". */
        g_autofree char *name = g_strdup_printf (side == MD_SIDE_LEFT ? _("%s, your left") : _("%s, your right"),
                                                 md_region_label (r));

        g_object_set_data (G_OBJECT (part), "md-region", GINT_TO_POINTER (r));
        g_object_set_data (G_OBJECT (part), "md-side", GINT_TO_POINTER (side));
        gtk_widget_set_can_target (part, FALSE);
        gtk_widget_set_opacity (part, 0.0);
        gtk_widget_add_css_class (part, "face-part");
        md_a11y_set_label (part, name);
        md_a11y_add_toggle_action (GTK_CHECK_BUTTON (part));
        g_signal_connect (part, "toggled", G_CALLBACK (part_toggled_cb), self);
        g_signal_connect (part, "notify::has-focus", G_CALLBACK (part_focus_cb), self);
        gtk_widget_set_parent (part, GTK_WIDGET (self));
        self->parts[s][r] = part;
      }
}

static void
md_face_picker_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  MdFacePicker *self = MD_FACE_PICKER (widget);

  GTK_WIDGET_CLASS (md_face_picker_parent_class)->size_allocate (widget, width, height, baseline);
  /* Each check box sits on its region, so the arrow keys move the way the face looks. */
  for (guint s = 0; s < 2; s++)
    for (guint r = 0; r < MD_N_REGIONS; r++)
      {
        GtkWidget *part = self->parts[s][r];
        double x, y;
        int min_w, min_h;

        if (part == NULL)
          continue;
        md_face_map_region_point (width, height, r, s == 0 ? MD_SIDE_LEFT : MD_SIDE_RIGHT, &x, &y);
        gtk_widget_measure (part, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
        gtk_widget_measure (part, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
        gtk_widget_size_allocate (part,
                                  &(GtkAllocation) { (int) x - PART_SIZE / 2, (int) y - PART_SIZE / 2,
                                                     MAX (PART_SIZE, min_w), MAX (PART_SIZE, min_h) },
                                  -1);
      }
}

/* One Tab stop: Tab comes in at the region focused last (or the first), and leaves at once;
 * the arrow keys move between the regions and stay inside at the edges. */
static gboolean
md_face_picker_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  MdFacePicker *self = MD_FACE_PICKER (widget);
  GtkWidget *inside = gtk_widget_get_focus_child (widget);

  if (inside != NULL)
    {
      if (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD)
        return FALSE;
      GTK_WIDGET_CLASS (md_face_picker_parent_class)->focus (widget, direction);
      return TRUE;
    }
  if (self->last_focus != NULL)
    return gtk_widget_grab_focus (self->last_focus);
  return gtk_widget_grab_focus (self->parts[0][0]);
}

static void
md_face_picker_dispose (GObject *object)
{
  MdFacePicker *self = MD_FACE_PICKER (object);

  g_clear_weak_pointer (&self->last_focus);
  for (guint s = 0; s < 2; s++)
    for (guint r = 0; r < MD_N_REGIONS; r++)
      g_clear_pointer (&self->parts[s][r], gtk_widget_unparent);

  G_OBJECT_CLASS (md_face_picker_parent_class)->dispose (object);
}

static void
md_face_picker_class_init (MdFacePickerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = md_face_picker_dispose;
  widget_class->size_allocate = md_face_picker_size_allocate;
  widget_class->focus = md_face_picker_focus;

  /* MdFacePicker::region-clicked: (region, half) with half MD_SIDE_LEFT or MD_SIDE_RIGHT. */
  signals[REGION_CLICKED] = g_signal_new ("region-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
  gtk_widget_class_set_css_name (widget_class, "facepicker");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
md_face_picker_init (MdFacePicker *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hover_region = -1;
  self->hover_side = MD_SIDE_UNKNOWN;
  self->focus_region = -1;
  self->focus_side = MD_SIDE_UNKNOWN;
  make_parts (self);
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
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Face map"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Where it twitched, as if you looked in a mirror. Arrow keys move between places, Space marks one."),
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

  self->left = left;
  self->right = right;
  self->syncing = TRUE;
  for (guint r = 0; r < MD_N_REGIONS; r++)
    {
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->parts[0][r]), (left & MD_BIT (r)) != 0);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->parts[1][r]), (right & MD_BIT (r)) != 0);
    }
  self->syncing = FALSE;
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

void
md_face_picker_focus_region (MdFacePicker *self)
{
  g_return_if_fail (MD_IS_FACE_PICKER (self));
  gtk_widget_grab_focus (self->last_focus != NULL ? self->last_focus : self->parts[0][0]);
}
