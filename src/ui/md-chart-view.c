/* md-chart-view.c: a chart in the window.
 *
 * The widget only fills an MdDrawStyle from the theme and calls the renderer; hover and the
 * left/right arrow keys mark a bar and show its exact value; the accessible description is
 * the chart's text summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "md-chart-view.h"

struct _MdChartView
{
  GtkWidget    parent_instance;

  MdChartKind  kind;
  MdStats     *stats;
  int          selected;
  char        *summary;
  char        *symptom;    /* one of her own symptoms instead of @kind, or NULL */
};

G_DEFINE_FINAL_TYPE (MdChartView, md_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_STATS,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rgba_to_md (const GdkRGBA *in,
            MdRgba        *out)
{
  *out = (MdRgba) { in->red, in->green, in->blue, in->alpha };
}

/* Whether the chart sits in a .card (its background is then the card's). */
static gboolean
on_card (MdChartView *self)
{
  for (GtkWidget *w = gtk_widget_get_parent (GTK_WIDGET (self)); w != NULL; w = gtk_widget_get_parent (w))
    if (gtk_widget_has_css_class (w, "card"))
      return TRUE;
  return FALSE;
}

static MdDrawStyle *
style_from_widget (MdChartView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  MdDrawStyle *style = md_draw_style_new_default (dark);
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  GdkRGBA colour;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &colour);
  rgba_to_md (&colour, &style->foreground);
  if (gtk_style_context_lookup_color (context, "accent_color", &colour))
    rgba_to_md (&colour, &style->accent);
  if (gtk_style_context_lookup_color (context, "window_bg_color", &colour))
    rgba_to_md (&colour, &style->background);
  /* On a card, the card's colour; in dark mode it is translucent, so laid over the window's. */
  if (on_card (self) && gtk_style_context_lookup_color (context, "card_bg_color", &colour))
    {
      style->background.r = colour.red * colour.alpha + style->background.r * (1 - colour.alpha);
      style->background.g = colour.green * colour.alpha + style->background.g * (1 - colour.alpha);
      style->background.b = colour.blue * colour.alpha + style->background.b * (1 - colour.alpha);
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (font != NULL && pango_font_description_get_family (font) != NULL)
    {
      double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;

      g_free (style->font_family);
      style->font_family = g_strdup (pango_font_description_get_family (font));
      /* Points to pixels at 96 dpi, unless the size is already in pixels. */
      if (size > 0)
        style->font_size = pango_font_description_get_size_is_absolute (font) ? size : size * 96.0 / 72.0;
    }
  return style;
}

/* The index of this view's own symptom in @stats, or -1. */
static int
symptom_index (MdChartView *self)
{
  if (self->symptom == NULL || self->stats == NULL)
    return -1;
  for (guint i = 0; i < self->stats->n_symptoms; i++)
    if (g_strcmp0 (self->stats->symptom_names[i], self->symptom) == 0)
      return (int) i;
  return -1;
}

/* "Brain fog: rated on 12 days, 4.5 on average (0 to 10)." */
static char *
describe_symptom (MdChartView *self,
                  int          index)
{
  const MdSeries *s = self->stats->symptoms[index];
  double sum = 0;
  guint n = 0;

  for (guint b = 0; b < s->n_buckets; b++)
    if (s->values[b] > 0)
      {
        sum += s->values[b];
        n++;
      }
  if (n == 0)
    /* Translators: %s is the name of one of her own symptoms. */
    return g_strdup_printf (_("%s: not rated above 0 in this period."), self->symptom);
  /* Translators: %s is the name of one of her own symptoms; then the mean of the periods
   * (days or weeks) in which it was rated above 0. */
  return g_strdup_printf (_("%s: %.1f on average (0 to 10) over the days or weeks it was rated above 0."),
                          self->symptom, sum / n);
}

static void
update_summary (MdChartView *self)
{
  int symptom = symptom_index (self);

  g_clear_pointer (&self->summary, g_free);
  if (self->stats == NULL)
    self->summary = g_strdup (_("Nothing logged in this period."));
  else if (self->symptom != NULL)
    self->summary = symptom >= 0 ? describe_symptom (self, symptom)
                                 : g_strdup_printf (_("%s: not rated in this period."), self->symptom);
  else
    self->summary = md_chart_describe (self->kind, self->stats);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, md_chart_kind_label (self->kind),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

static int
n_items (MdChartView *self)
{
  if (self->symptom != NULL)
    return 0;   /* her own symptoms: the summary says it; no item to step through */
  return self->stats != NULL ? (int) md_chart_n_items (self->kind, self->stats) : 0;
}

static void
draw_caption (MdChartView       *self,
              cairo_t           *cr,
              const MdDrawStyle *style,
              double             width)
{
  g_autofree char *text = md_chart_view_dup_selected_text (self);
  g_autoptr(PangoLayout) layout = NULL;
  int w, h;

  if (text == NULL)
    return;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_set_width (layout, (int) ((width - 12) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgba (cr, style->accent.r, style->accent.g, style->accent.b, 1);
  cairo_rectangle (cr, width - w - 12, 0, w + 12, h + 6);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, style->accent_fg.r, style->accent_fg.g, style->accent_fg.b, 1);
  cairo_move_to (cr, width - w - 6, 3);
  pango_cairo_show_layout (cr, layout);
}

static void
md_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  MdChartView *self = MD_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(MdDrawStyle) style = NULL;
  cairo_t *cr;

  if (self->stats == NULL || width < 1 || height < 1)
    return;
  style = style_from_widget (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->symptom != NULL)
    {
      int index = symptom_index (self);

      if (index >= 0)
        md_chart_draw_symptom (cr, self->stats, (guint) index, style, width, height);
    }
  else
    md_chart_draw (cr, self->kind, self->stats, style, width, height, self->selected);
  if (gtk_widget_has_focus (widget))
    draw_caption (self, cr, style, width);
  cairo_destroy (cr);
}

static void
md_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  int request_h;

  /* A height request is also the natural height, so a host can choose a chart's height. */
  gtk_widget_get_size_request (widget, NULL, &request_h);
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : request_h > 0 ? request_h : 320;
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           MdChartView              *self)
{
  g_autoptr(MdDrawStyle) style = NULL;

  if (self->stats == NULL || self->symptom != NULL)
    return;
  style = style_from_widget (self);
  md_chart_view_set_selected (self, md_chart_hit_test (self->kind, self->stats, style,
                                                       gtk_widget_get_width (GTK_WIDGET (self)),
                                                       gtk_widget_get_height (GTK_WIDGET (self)), x, y));
}

static void
leave_cb (GtkEventControllerMotion *motion,
          MdChartView              *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    md_chart_view_set_selected (self, -1);
}

static gboolean
query_tooltip_cb (GtkWidget   *widget,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip,
                  MdChartView *self)
{
  g_autofree char *text = md_chart_view_dup_selected_text (self);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *key,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                MdChartView           *self)
{
  int n = n_items (self);

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      md_chart_view_set_selected (self, self->selected < 0 ? 0 : MIN (self->selected + 1, n - 1));
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      md_chart_view_set_selected (self, self->selected < 0 ? n - 1 : MAX (self->selected - 1, 0));
      return TRUE;
    case GDK_KEY_Home:
      md_chart_view_set_selected (self, 0);
      return TRUE;
    case GDK_KEY_End:
      md_chart_view_set_selected (self, n - 1);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
focus_changed_cb (MdChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dark_changed_cb (MdChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
md_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MdChartView *self = MD_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_STATS:
      g_value_set_boxed (value, self->stats);
      break;
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MdChartView *self = MD_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      md_chart_view_set_kind (self, g_value_get_int (value));
      break;
    case PROP_STATS:
      md_chart_view_set_stats (self, g_value_get_boxed (value));
      break;
    case PROP_SELECTED:
      md_chart_view_set_selected (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_chart_view_finalize (GObject *object)
{
  MdChartView *self = MD_CHART_VIEW (object);

  g_clear_pointer (&self->stats, md_stats_unref);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->symptom, g_free);
  G_OBJECT_CLASS (md_chart_view_parent_class)->finalize (object);
}

static void
md_chart_view_class_init (MdChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = md_chart_view_get_property;
  object_class->set_property = md_chart_view_set_property;
  object_class->finalize = md_chart_view_finalize;
  widget_class->snapshot = md_chart_view_snapshot;
  widget_class->measure = md_chart_view_measure;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, MD_N_CHART_KINDS - 1, MD_CHART_FREQUENCY,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATS] =
    g_param_spec_boxed ("stats", NULL, NULL, MD_TYPE_STATS,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
md_chart_view_init (MdChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->selected = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  update_summary (self);
}

GtkWidget *
md_chart_view_new (MdChartKind kind)
{
  return g_object_new (MD_TYPE_CHART_VIEW, "kind", kind, NULL);
}

MdChartKind
md_chart_view_get_kind (MdChartView *self)
{
  g_return_val_if_fail (MD_IS_CHART_VIEW (self), MD_CHART_FREQUENCY);
  return self->kind;
}

void
md_chart_view_set_kind (MdChartView *self,
                        MdChartKind  kind)
{
  g_return_if_fail (MD_IS_CHART_VIEW (self));
  g_return_if_fail (kind < MD_N_CHART_KINDS);
  if (self->kind == kind)
    return;
  self->kind = kind;
  md_chart_view_set_selected (self, -1);
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

MdStats *
md_chart_view_get_stats (MdChartView *self)
{
  g_return_val_if_fail (MD_IS_CHART_VIEW (self), NULL);
  return self->stats;
}

void
md_chart_view_set_stats (MdChartView *self,
                         MdStats     *stats)
{
  g_return_if_fail (MD_IS_CHART_VIEW (self));
  if (self->stats == stats)
    return;
  g_clear_pointer (&self->stats, md_stats_unref);
  self->stats = stats != NULL ? md_stats_ref (stats) : NULL;
  md_chart_view_set_selected (self, -1);
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATS]);
}

int
md_chart_view_get_selected (MdChartView *self)
{
  g_return_val_if_fail (MD_IS_CHART_VIEW (self), -1);
  return self->selected;
}

void
md_chart_view_set_selected (MdChartView *self,
                            int          index)
{
  g_return_if_fail (MD_IS_CHART_VIEW (self));
  if (index >= n_items (self))
    index = -1;
  index = MAX (index, -1);
  if (self->selected == index)
    return;
  self->selected = index;
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

char *
md_chart_view_dup_selected_text (MdChartView *self)
{
  g_return_val_if_fail (MD_IS_CHART_VIEW (self), NULL);
  if (self->stats == NULL || self->selected < 0 || self->symptom != NULL)
    return NULL;
  return md_chart_item_text (self->kind, self->stats, self->selected);
}

const char *
md_chart_view_get_summary (MdChartView *self)
{
  g_return_val_if_fail (MD_IS_CHART_VIEW (self), NULL);
  return self->summary;
}

void
md_chart_view_set_symptom (MdChartView *self,
                           const char  *name)
{
  g_return_if_fail (MD_IS_CHART_VIEW (self));

  g_free (self->symptom);
  self->symptom = g_strdup (name);
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
md_chart_view_is_empty (MdChartView *self)
{
  g_return_val_if_fail (MD_IS_CHART_VIEW (self), TRUE);
  if (self->symptom != NULL)
    return symptom_index (self) < 0;
  return self->stats == NULL || md_chart_is_empty (self->kind, self->stats);
}
