/* md-trends-page.c: the charts of a chosen period.
 *
 * The statistics are computed once per range and kept until the diary or the day changes
 * (switching back to a range costs nothing); once one range is shown, the others are worked
 * out in a worker thread on a second connection to the diary, so choosing "All" on ten years
 * finds it ready; only while the page is shown (a change made
 * while it is hidden is read when it is next shown), and handed to every chart; each card
 * shows the chart and, under it, its text summary (also its accessible description).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-trends-page"

#include "config.h"

#include <glib/gi18n.h>

#include "md-application.h"
#include "md-chart-view.h"
#include "md-checkin.h"
#include "md-time.h"
#include "md-trends-page.h"

struct _MdTrendsPage
{
  GtkWidget        parent_instance;

  MdDiary         *diary;
  gulong           changed_id;
  MdStats         *stats;
  MdTrendsRange    range;
  MdStats         *cached[MD_TRENDS_ALL + 1];  /* per range, for cached_day */
  gboolean         cached_empty[MD_TRENDS_ALL + 1]; /* nothing logged in that range */
  gint64           cached_day;
  gboolean         stale;      /* the diary changed while the page was hidden */
  guint            generation; /* bumped when the cache is dropped: older results are stale */
  GCancellable    *prefetch;   /* the worker working out the other ranges, if any */
  gint            *wanted;     /* shared with that worker: the range shown while waiting, or -1 */
  gboolean         waiting;    /* the range chosen is being worked out by that worker */
  GPtrArray       *charts;     /* MdChartView*: the fixed cards, then one per own symptom */
  GPtrArray       *captions;   /* GtkLabel*, same order */
  char           **symptom_names; /* her own daily symptoms, a chart each */

  GtkWidget       *box;
  GtkToggleButton *range_30;
  GtkToggleButton *range_90;
  GtkToggleButton *range_365;
  GtkToggleButton *range_all;
  GtkStack        *stack;
  GtkBox          *cards;
  GtkSpinner      *spinner;
};

G_DEFINE_FINAL_TYPE (MdTrendsPage, md_trends_page, GTK_TYPE_WIDGET)

static const struct {
  MdChartKind  kind;
  const char  *title;
  int          height;
} cards[] = {
  { MD_CHART_FREQUENCY, N_("How Often"), 240 },
  { MD_CHART_DURATION, N_("Total Twitching Time"), 240 },
  { MD_CHART_FACE, N_("Where on the Face"), 340 },
  { MD_CHART_SIDES, N_("Which Side"), 240 },
  { MD_CHART_REGIONS, N_("Face Areas over Time"), 240 },
  { MD_CHART_TIME_OF_DAY, N_("Time of Day"), 220 },
  { MD_CHART_TRIGGERS, N_("Days With and Without Possible Triggers"), 320 },
  { MD_CHART_MRS, N_("Menopause Rating Scale by Week"), 240 },
};

static gint64
today (MdTrendsPage *self)
{
  return md_diary_get_today (self->diary);
}

static void
drop_cache (MdTrendsPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->cached); i++)
    g_clear_pointer (&self->cached[i], md_stats_unref);
  self->generation++;
  g_cancellable_cancel (self->prefetch);
  g_clear_object (&self->prefetch);
}

/* The days a range covers, up to @to_day (today). */
static gint64
range_from_day (MdTrendsPage  *self,
                MdTrendsRange  range,
                gint64         to_day)
{
  gint64 first;

  switch (range)
    {
    case MD_TRENDS_30_DAYS:
      return to_day - 29;
    case MD_TRENDS_YEAR:
      return to_day - 364;
    case MD_TRENDS_ALL:
      /* From the first day of the diary (an index lookup, not a load of everything). */
      if (md_diary_first_day (self->diary, &first))
        return MIN (to_day - 29, first);
      return to_day - 29;
    case MD_TRENDS_90_DAYS:
    default:
      return to_day - 89;
    }
}

static MdStats *
compute (MdDiary            *diary,
         gint64              from_day,
         gint64              to_day,
         const char * const *symptom_names,
         gboolean           *empty,
         GError            **error)
{
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GPtrArray) mrs = NULL;
  g_autoptr(GPtrArray) medicines = NULL;
  MdStats *stats;

  episodes = md_diary_episodes_brief_on_days (diary, from_day, to_day, error);
  if (episodes == NULL)
    return NULL;
  checkins = md_diary_checkins_between (diary, from_day, to_day, error);
  if (checkins == NULL)
    return NULL;
  mrs = md_diary_mrs_between (diary, from_day, to_day, error);
  if (mrs == NULL)
    return NULL;
  medicines = md_diary_list_medicines (diary, error);
  if (medicines == NULL)
    return NULL;
  *empty = episodes->len == 0 && checkins->len == 0 && mrs->len == 0;
  stats = md_stats_compute ((MdEpisode * const *) episodes->pdata, episodes->len,
                            (MdCheckin * const *) checkins->pdata, checkins->len, from_day, to_day);
  /* The menopause picture: the rating scale by week, and medicines as bands under "How Often". */
  md_stats_add_menopause (stats, (MdCheckin * const *) checkins->pdata, checkins->len,
                          (MdMrs * const *) mrs->pdata, mrs->len,
                          (MdMedicine * const *) medicines->pdata, medicines->len, symptom_names);
  return stats;
}

/* ---- The other ranges, in a worker thread ---- */

typedef struct {
  MdDiary  *diary;                        /* a second connection, used by the worker only */
  guint     generation;
  gint64    from_day[MD_TRENDS_ALL + 1];  /* G_MININT64: already cached, skip */
  gint64    to_day;
  char    **symptom_names;
  gint     *wanted;                       /* shared with the page: the range she waits for, or -1 */
} Prefetch;

static void
prefetch_free (Prefetch *p)
{
  g_clear_object (&p->diary);
  g_strfreev (p->symptom_names);
  g_atomic_rc_box_release (p->wanted);
  g_free (p);
}

static void refresh (MdTrendsPage *self);

/* One period worked out by the worker, handed to the page at once (not when all are done). */
typedef struct {
  MdTrendsPage *page;
  guint         generation;
  guint         range;
  MdStats      *stats;
  gboolean      empty;
} Ready;

static void
ready_free (Ready *ready)
{
  g_object_unref (ready->page);
  md_stats_unref (ready->stats);
  g_free (ready);
}

static gboolean
ready_cb (gpointer data)
{
  Ready *ready = data;
  MdTrendsPage *self = ready->page;

  if (ready->generation != self->generation || self->prefetch == NULL || self->cached[ready->range] != NULL)
    return G_SOURCE_REMOVE;
  self->cached[ready->range] = md_stats_ref (ready->stats);
  self->cached_empty[ready->range] = ready->empty;
  if (self->waiting && self->range == ready->range)
    refresh (self);
  return G_SOURCE_REMOVE;
}

/* From the worker: hands period @r (@stats, taken) to the page in the task's main context (an
 * idle source, not g_main_context_invoke(), which would run it in this thread whenever the
 * main thread is not iterating its loop). The task's own completion comes after these. */
static void
hand_over (GTask    *task,
           Prefetch *p,
           guint     r,
           MdStats  *stats,
           gboolean  empty)
{
  g_autoptr(GSource) source = g_idle_source_new ();
  Ready *ready = g_new0 (Ready, 1);

  ready->page = g_object_ref (g_task_get_source_object (task));
  ready->generation = p->generation;
  ready->range = r;
  ready->stats = stats;
  ready->empty = empty;
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, ready_cb, ready, (GDestroyNotify) ready_free);
  g_source_attach (source, g_task_get_context (task));
}

static void
prefetch_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Prefetch *p = task_data;
  gboolean done[G_N_ELEMENTS (p->from_day)];

  for (guint r = 0; r < G_N_ELEMENTS (p->from_day); r++)
    done[r] = p->from_day[r] == G_MININT64;   /* already cached */
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gint wanted = g_atomic_int_get (p->wanted);
      gboolean empty = FALSE;
      MdStats *stats;
      guint r;

      /* The period she is waiting for first, then the others in order. */
      if (wanted >= 0 && wanted < (gint) G_N_ELEMENTS (p->from_day) && !done[wanted])
        r = (guint) wanted;
      else
        for (r = 0; r < G_N_ELEMENTS (p->from_day) && done[r]; r++)
          ;
      if (r == G_N_ELEMENTS (p->from_day) || g_cancellable_is_cancelled (cancellable))
        break;
      done[r] = TRUE;
      stats = compute (p->diary, p->from_day[r], p->to_day, (const char * const *) p->symptom_names,
                       &empty, &error);
      if (stats == NULL)
        g_debug ("Could not work out the trends ahead: %s", error->message);
      else
        hand_over (task, p, r, stats, empty);
    }
  g_clear_object (&p->diary);
  g_task_return_boolean (task, TRUE);
}

/* While the worker works out the period she chose, the charts of the one before stay, dimmed,
 * and a spinner turns beside the buttons: the choice itself takes a frame, not the work. */
static void
set_waiting (MdTrendsPage *self,
             gboolean      waiting)
{
  self->waiting = waiting;
  gtk_spinner_set_spinning (self->spinner, waiting);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), waiting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !waiting);
}

static void
prefetch_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MdTrendsPage *self = MD_TRENDS_PAGE (source);
  Prefetch *p = g_task_get_task_data (G_TASK (result));

  if (g_task_had_error (G_TASK (result)) || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))) ||
      p->generation != self->generation)
    return;
  /* Every period it worked out was handed over already (hand_over). */
  g_clear_object (&self->prefetch);
  /* Still waiting: worked out here, since the worker could not. */
  if (self->waiting)
    refresh (self);
}

static void
start_prefetch (MdTrendsPage *self,
                gint64        to_day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  Prefetch *p;
  gboolean any = FALSE;

  if (self->prefetch != NULL || self->diary == NULL)
    return;
  p = g_new0 (Prefetch, 1);
  p->generation = self->generation;
  p->to_day = to_day;
  p->symptom_names = g_strdupv (self->symptom_names);
  g_clear_pointer (&self->wanted, g_atomic_rc_box_release);
  self->wanted = g_atomic_rc_box_new (gint);
  *self->wanted = -1;
  p->wanted = g_atomic_rc_box_acquire (self->wanted);
  for (guint r = 0; r < G_N_ELEMENTS (p->from_day); r++)
    {
      p->from_day[r] = self->cached[r] != NULL ? G_MININT64 : range_from_day (self, r, to_day);
      any |= self->cached[r] == NULL;
    }
  /* Opened here, where the file is known to exist; read only by the worker. */
  if (!any || (p->diary = md_diary_open (md_diary_get_path (self->diary), &error)) == NULL)
    {
      if (error != NULL)
        g_debug ("No worker for the trends: %s", error->message);
      prefetch_free (p);
      return;
    }
  self->prefetch = g_cancellable_new ();
  task = g_task_new (self, self->prefetch, prefetch_done_cb, NULL);
  g_task_set_task_data (task, p, (GDestroyNotify) prefetch_free);
  g_task_run_in_thread (task, prefetch_thread);
}

/* Under the triggers chart: what she ticked on the episodes themselves, counted, beside the
 * check-in comparison the chart shows ("Noted with episodes: Caffeine 3, Stress 2."). */
static char *
episode_triggers_text (const MdStats *stats)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (MdTrigger t = 0; t < MD_N_TRIGGERS; t++)
    if (stats->episode_triggers[t] > 0)
      {
        /* Translators: one trigger and how many episodes it was noted with, e.g. "Stress 8". */
        g_autofree char *item = g_strdup_printf (C_("trigger count", "%s %u"), md_trigger_label (t),
                                                 stats->episode_triggers[t]);

        if (list->len > 0)
          /* Translators: the separator between items of a list, e.g. "Caffeine 3, Stress 2". */
          g_string_append (list, C_("list separator", ", "));
        g_string_append (list, item);
      }
  if (list->len == 0)
    return g_strdup (_("No trigger was ticked on the episodes of this period."));
  /* Translators: %s is a list such as "Caffeine 3, Stress 2". */
  return g_strdup_printf (_("Ticked on the episodes themselves: %s."), list->str);
}

static void
show_stats (MdTrendsPage *self,
            gboolean      empty)
{
  for (guint i = 0; i < self->charts->len; i++)
    {
      MdChartView *view = g_ptr_array_index (self->charts, i);

      md_chart_view_set_stats (view, self->stats);
      if (md_chart_view_get_kind (view) == MD_CHART_TRIGGERS && self->stats != NULL)
        {
          g_autofree char *noted = episode_triggers_text (self->stats);
          g_autofree char *text = g_strdup_printf ("%s\n%s", md_chart_view_get_summary (view), noted);

          gtk_label_set_text (g_ptr_array_index (self->captions, i), text);
        }
      else
        gtk_label_set_text (g_ptr_array_index (self->captions, i), md_chart_view_get_summary (view));
      /* An empty chart already says so in its middle. */
      gtk_widget_set_visible (g_ptr_array_index (self->captions, i),
                              !md_chart_view_is_empty (view) ||
                              md_chart_view_get_kind (view) == MD_CHART_TRIGGERS);
    }
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "charts");
}

static void
refresh (MdTrendsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 to_day, from_day;
  gboolean empty = FALSE;
  MdStats *stats;

  if (self->diary == NULL)
    return;
  to_day = today (self);
  if (to_day != self->cached_day)
    {
      drop_cache (self);
      self->cached_day = to_day;
    }
  if (self->cached[self->range] != NULL)
    {
      set_waiting (self, FALSE);
      g_clear_pointer (&self->stats, md_stats_unref);
      self->stats = md_stats_ref (self->cached[self->range]);
      show_stats (self, self->cached_empty[self->range]);
      return;
    }
  /* The worker started for every period not yet worked out, this one included. */
  if (self->prefetch != NULL && self->stats != NULL)
    {
      g_atomic_int_set (self->wanted, (gint) self->range);
      set_waiting (self, TRUE);
      return;
    }
  set_waiting (self, FALSE);
  from_day = range_from_day (self, self->range, to_day);
  stats = compute (self->diary, from_day, to_day, (const char * const *) self->symptom_names, &empty, &error);
  if (stats == NULL)
    {
      g_warning ("Could not read the diary for the charts: %s", error->message);
      return;
    }
  g_clear_pointer (&self->stats, md_stats_unref);
  self->stats = stats;
  self->cached[self->range] = md_stats_ref (self->stats);
  self->cached_empty[self->range] = empty;
  show_stats (self, empty);
  start_prefetch (self, to_day);
}

static void
range_toggled_cb (GtkToggleButton *button,
                  MdTrendsPage    *self)
{
  MdTrendsRange range;

  if (!gtk_toggle_button_get_active (button))
    return;
  if (button == self->range_30)
    range = MD_TRENDS_30_DAYS;
  else if (button == self->range_365)
    range = MD_TRENDS_YEAR;
  else if (button == self->range_all)
    range = MD_TRENDS_ALL;
  else
    range = MD_TRENDS_90_DAYS;
  if (range == self->range && self->stats != NULL)
    return;
  self->range = range;
  refresh (self);
}

static void
diary_changed_cb (MdDiary      *diary,
                  guint         what,
                  MdTrendsPage *self)
{
  if (!(what & (MD_DIARY_CHANGE_EPISODES | MD_DIARY_CHANGE_CHECKINS | MD_DIARY_CHANGE_MEDICINES | MD_DIARY_CHANGE_MRS)))
    return;
  drop_cache (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

static GtkWidget *
add_card (MdTrendsPage *self,
          const char   *title_text,
          MdChartKind   kind,
          int           height,
          const char   *symptom)
{
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = gtk_label_new (title_text);
      GtkWidget *chart = md_chart_view_new (kind);
      GtkWidget *caption = gtk_label_new (NULL);

      if (symptom != NULL)
        md_chart_view_set_symptom (MD_CHART_VIEW (chart), symptom);

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "chart-card");
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_set_margin_top (title, 12);
      gtk_widget_set_margin_start (title, 12);
      gtk_widget_set_margin_end (title, 12);
      gtk_widget_set_size_request (chart, -1, height);
      gtk_widget_set_margin_start (chart, 8);
      gtk_widget_set_margin_end (chart, 8);
      gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, title_text, -1);
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_widget_add_css_class (caption, "trends-caption");
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_set_margin_start (caption, 12);
      gtk_widget_set_margin_end (caption, 12);
      gtk_widget_set_margin_bottom (caption, 12);

      gtk_box_append (GTK_BOX (card), title);
      gtk_box_append (GTK_BOX (card), chart);
      gtk_box_append (GTK_BOX (card), caption);
      gtk_box_append (self->cards, card);
      g_ptr_array_add (self->charts, chart);
      g_ptr_array_add (self->captions, caption);
      return card;
}

static void
build_cards (MdTrendsPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    add_card (self, _(cards[i].title), cards[i].kind, cards[i].height, NULL);
}

static void
md_trends_page_map (GtkWidget *widget)
{
  MdTrendsPage *self = MD_TRENDS_PAGE (widget);

  GTK_WIDGET_CLASS (md_trends_page_parent_class)->map (widget);
  /* Changed while hidden, or shown on another day: read now. */
  if (self->stale || (self->diary != NULL && today (self) != self->cached_day))
    {
      self->stale = FALSE;
      refresh (self);
    }
}

static void
md_trends_page_dispose (GObject *object)
{
  MdTrendsPage *self = MD_TRENDS_PAGE (object);

  if (self->diary != NULL)
    g_clear_signal_handler (&self->changed_id, self->diary);
  g_clear_object (&self->diary);
  g_clear_pointer (&self->stats, md_stats_unref);
  drop_cache (self);
  g_clear_pointer (&self->symptom_names, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_TRENDS_PAGE);

  G_OBJECT_CLASS (md_trends_page_parent_class)->dispose (object);
}

static void
md_trends_page_finalize (GObject *object)
{
  MdTrendsPage *self = MD_TRENDS_PAGE (object);

  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->captions, g_ptr_array_unref);
  g_clear_pointer (&self->wanted, g_atomic_rc_box_release);

  G_OBJECT_CLASS (md_trends_page_parent_class)->finalize (object);
}

static void
md_trends_page_class_init (MdTrendsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_trends_page_dispose;
  object_class->finalize = md_trends_page_finalize;
  widget_class->map = md_trends_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/menodiary/Menodiary/ui/md-trends-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MdTrendsPage, box);
  gtk_widget_class_bind_template_child (widget_class, MdTrendsPage, range_30);
  gtk_widget_class_bind_template_child (widget_class, MdTrendsPage, range_90);
  gtk_widget_class_bind_template_child (widget_class, MdTrendsPage, range_365);
  gtk_widget_class_bind_template_child (widget_class, MdTrendsPage, range_all);
  gtk_widget_class_bind_template_child (widget_class, MdTrendsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MdTrendsPage, cards);
  gtk_widget_class_bind_template_child (widget_class, MdTrendsPage, spinner);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
md_trends_page_init (MdTrendsPage *self)
{
  GtkToggleButton *buttons[4];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->range = MD_TRENDS_90_DAYS;
  self->charts = g_ptr_array_new ();
  self->captions = g_ptr_array_new ();
  build_cards (self);
  buttons[0] = self->range_30;
  buttons[1] = self->range_90;
  buttons[2] = self->range_365;
  buttons[3] = self->range_all;
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    g_signal_connect (buttons[i], "toggled", G_CALLBACK (range_toggled_cb), self);
}

GtkWidget *
md_trends_page_new (void)
{
  return g_object_new (MD_TYPE_TRENDS_PAGE, NULL);
}

void
md_trends_page_set_diary (MdTrendsPage *self,
                          MdDiary      *diary)
{
  g_return_if_fail (MD_IS_TRENDS_PAGE (self));

  if (self->diary != NULL)
    g_clear_signal_handler (&self->changed_id, self->diary);
  g_set_object (&self->diary, diary);
  drop_cache (self);
  self->stale = FALSE;
  if (diary != NULL)
    self->changed_id = g_signal_connect (diary, "changed", G_CALLBACK (diary_changed_cb), self);
  refresh (self);
}

gboolean
md_trends_page_is_working (MdTrendsPage *self)
{
  g_return_val_if_fail (MD_IS_TRENDS_PAGE (self), FALSE);
  return self->waiting;
}

MdTrendsRange
md_trends_page_get_range (MdTrendsPage *self)
{
  g_return_val_if_fail (MD_IS_TRENDS_PAGE (self), MD_TRENDS_90_DAYS);
  return self->range;
}

void
md_trends_page_set_range (MdTrendsPage  *self,
                          MdTrendsRange  range)
{
  GtkToggleButton *button;

  g_return_if_fail (MD_IS_TRENDS_PAGE (self));

  button = range == MD_TRENDS_30_DAYS ? self->range_30 : range == MD_TRENDS_YEAR ? self->range_365 :
           range == MD_TRENDS_ALL ? self->range_all : self->range_90;
  gtk_toggle_button_set_active (button, TRUE);
}

MdStats *
md_trends_page_get_stats (MdTrendsPage *self)
{
  g_return_val_if_fail (MD_IS_TRENDS_PAGE (self), NULL);
  return self->stats;
}

gboolean
md_trends_page_is_ready (MdTrendsPage  *self,
                         MdTrendsRange  range)
{
  g_return_val_if_fail (MD_IS_TRENDS_PAGE (self), FALSE);
  g_return_val_if_fail (range <= MD_TRENDS_ALL, FALSE);
  return self->cached[range] != NULL;
}

GPtrArray *
md_trends_page_get_charts (MdTrendsPage *self)
{
  g_return_val_if_fail (MD_IS_TRENDS_PAGE (self), NULL);
  return self->charts;
}

void
md_trends_page_set_symptom_names (MdTrendsPage       *self,
                                  const char * const *names)
{
  g_return_if_fail (MD_IS_TRENDS_PAGE (self));

  if (self->symptom_names != NULL && names != NULL &&
      g_strv_equal ((const char * const *) self->symptom_names, names))
    return;
  /* The fixed cards stay; one card per symptom after them, rebuilt. */
  while (self->charts->len > G_N_ELEMENTS (cards))
    {
      guint last = self->charts->len - 1;
      GtkWidget *card = gtk_widget_get_parent (g_ptr_array_index (self->charts, last));

      g_ptr_array_remove_index (self->charts, last);
      g_ptr_array_remove_index (self->captions, last);
      gtk_box_remove (self->cards, card);
    }
  g_strfreev (self->symptom_names);
  self->symptom_names = g_strdupv ((char **) names);
  for (guint i = 0; self->symptom_names != NULL && self->symptom_names[i] != NULL; i++)
    add_card (self, self->symptom_names[i], MD_CHART_FREQUENCY, 200, self->symptom_names[i]);
  drop_cache (self);
  if (self->diary != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}
