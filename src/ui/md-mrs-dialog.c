/* md-mrs-dialog.c: the Menopause Rating Scale, a symptom scale she fills in herself once a
 * week: 11 symptoms, each from 0 (none) to 4 (very severe), with the total and the three
 * subscores shown as she answers. It describes how she rated her symptoms; it is not a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-mrs"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "md-a11y.h"
#include "md-mrs-dialog.h"
#include "md-time.h"

struct _MdMrsDialog
{
  AdwWindow       parent_instance;

  MdDiary        *diary;
  MdMrs          *loaded;     /* what is stored for the day shown, or NULL */
  gint64          day;

  AdwActionRow   *day_row;
  GtkCalendar    *calendar;
  AdwComboRow    *items[MD_MRS_N_ITEMS];
  AdwActionRow   *scores[MD_MRS_N_SCALES];
  GtkLabel       *score_labels[MD_MRS_N_SCALES];
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (MdMrsDialog, md_mrs_dialog, ADW_TYPE_WINDOW)

/* The items in plain words, with what each covers. */
static const struct {
  const char *title;
  const char *description;
} items[MD_MRS_N_ITEMS] = {
  { N_("Hot flushes, sweating"), N_("Episodes of sweating") },
  { N_("Heart discomfort"), N_("Unusual awareness of your heartbeat, a racing or skipping heart, tightness") },
  { N_("Sleep problems"), N_("Trouble falling asleep or sleeping through, waking early") },
  { N_("Low mood"), N_("Feeling down, sad, close to tears, lack of drive, mood swings") },
  { N_("Irritability"), N_("Feeling nervous, inner tension, feeling aggressive") },
  { N_("Anxiety"), N_("Inner restlessness, feeling panicky") },
  { N_("Physical and mental exhaustion"), N_("Less able to do things, poor memory, poor concentration, forgetfulness") },
  { N_("Sexual problems"), N_("A change in desire, sexual activity and satisfaction") },
  { N_("Bladder problems"), N_("Difficulty passing water, needing to go more often, leaking") },
  { N_("Vaginal dryness"), N_("Dryness or burning, difficulty with intercourse") },
  { N_("Joint and muscle discomfort"), N_("Pain in the joints, rheumatic-like complaints") },
};

static char *
day_words (gint64 day,
           gint64 today)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (day * 86400);

  if (day == today)
    return g_strdup (_("Today"));
  /* Translators: a weekday and a date with its year, see GDateTime's format codes. */
  return g_date_time_format (dt, _("%A %-d %B %Y"));
}

MdMrs *
md_mrs_dialog_get_mrs (MdMrsDialog *self)
{
  MdMrs *mrs;

  g_return_val_if_fail (MD_IS_MRS_DIALOG (self), NULL);

  mrs = md_mrs_new (self->day);
  for (guint i = 0; i < MD_MRS_N_ITEMS; i++)
    {
      guint sel = adw_combo_row_get_selected (self->items[i]);

      mrs->items[i] = sel == 0 || sel == GTK_INVALID_LIST_POSITION ? MD_UNKNOWN : (int) sel - 1;
    }
  return mrs;
}

static void
update_scores (MdMrsDialog *self)
{
  g_autoptr(MdMrs) mrs = md_mrs_dialog_get_mrs (self);

  for (int s = 0; s < MD_MRS_N_SCALES; s++)
    {
      guint answered = 0;
      int score = md_mrs_score (mrs, s, &answered);
      guint n_items = 0;
      g_autofree char *value = NULL;
      g_autofree char *subtitle = NULL;

      for (guint i = 0; i < MD_MRS_N_ITEMS; i++)
        n_items += md_mrs_item_in_scale (i, s);
      /* Translators: a score and its highest possible value, such as "12 of 44". */
      value = score < 0 ? g_strdup ("–") : g_strdup_printf (_("%d of %d"), score, md_mrs_scale_max (s));
      subtitle = g_strdup_printf (ngettext ("%u of %u symptom answered", "%u of %u symptoms answered", n_items),
                                  answered, n_items);
      gtk_label_set_text (self->score_labels[s], value);
      adw_action_row_set_subtitle (self->scores[s], subtitle);
    }
}

static void
load_day (MdMrsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *words = day_words (self->day, md_diary_get_today (self->diary));

  g_clear_pointer (&self->loaded, md_mrs_free);
  self->loaded = md_diary_get_mrs (self->diary, self->day, &error);
  if (error != NULL)
    g_warning ("Could not read the rating scale: %s", error->message);
  adw_action_row_set_subtitle (self->day_row, words);
  for (guint i = 0; i < MD_MRS_N_ITEMS; i++)
    {
      int v = self->loaded != NULL ? self->loaded->items[i] : MD_UNKNOWN;

      adw_combo_row_set_selected (self->items[i], v == MD_UNKNOWN ? 0 : (guint) v + 1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_scores (self);
}

static void
calendar_day_cb (GtkCalendar *calendar,
                 MdMrsDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  gint64 day = md_time_day_of (g_date_time_to_unix (date) + g_date_time_get_utc_offset (date) / G_USEC_PER_SEC);

  if (day == self->day)
    return;
  if (!md_mrs_dialog_set_day (self, day))
    gtk_widget_error_bell (GTK_WIDGET (calendar));
  else
    gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

static gboolean
same_mrs (const MdMrs *a,
          const MdMrs *b)
{
  return a->day == b->day && memcmp (a->items, b->items, sizeof a->items) == 0;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MdMrsDialog *self = MD_MRS_DIALOG (widget);
  g_autoptr(MdMrs) mrs = md_mrs_dialog_get_mrs (self);
  g_autoptr(GError) error = NULL;
  guint answered = 0;

  md_mrs_score (mrs, MD_MRS_TOTAL, &answered);
  if (answered == 0 && self->loaded == NULL)
    {
      gtk_label_set_text (self->error_label, _("Answer at least one symptom, or press Cancel."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  /* Saving what is stored unchanged writes nothing. */
  if (self->loaded == NULL || !same_mrs (mrs, self->loaded))
    {
      /* Every answer taken back is stored as such: a day with none answered. */
      if (!md_diary_put_mrs (self->diary, mrs, &error))
        {
          gtk_label_set_text (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
          g_warning ("Could not save the rating scale: %s", error->message);
          return;
        }
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
group (GtkWidget  *box,
       const char *title,
       const char *description)
{
  GtkWidget *g = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (g), description);
  gtk_box_append (GTK_BOX (box), g);
  return g;
}

static void
build (MdMrsDialog *self)
{
  const char * const answers[] = { _("Not answered"), _("0 None"), _("1 Mild"), _("2 Moderate"),
                                   _("3 Severe"), _("4 Very severe"), NULL };
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *g, *pick, *popover;

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_centering_policy (ADW_HEADER_BAR (header), ADW_CENTERING_POLICY_LOOSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "mrs.save");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (toolbar), header);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  g = group (box, NULL, _("How much has each of these troubled you lately? Your own rating: it describes how you feel, it is not a test."));
  self->day_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->day_row), _("Day"));
  pick = gtk_menu_button_new ();
  popover = gtk_popover_new ();
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (pick), "x-office-calendar-symbolic");
  gtk_widget_set_valign (pick, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (pick, _("Pick Another Day"));
  md_a11y_set_label (pick, _("Pick another day"));
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (pick), popover);
  adw_action_row_add_suffix (self->day_row, pick);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), GTK_WIDGET (self->day_row));

  g = group (box, _("Symptoms"), _("0 none, 1 mild, 2 moderate, 3 severe, 4 very severe"));
  for (guint i = 0; i < MD_MRS_N_ITEMS; i++)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (answers);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(items[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(items[i].description));
      adw_combo_row_set_model (row, G_LIST_MODEL (model));
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (update_scores), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), GTK_WIDGET (row));
      self->items[i] = row;
    }

  g = group (box, _("Scores"), _("The sum of the answered symptoms; a higher score means more trouble."));
  for (int s = 0; s < MD_MRS_N_SCALES; s++)
    {
      self->scores[s] = ADW_ACTION_ROW (adw_action_row_new ());
      self->score_labels[s] = GTK_LABEL (gtk_label_new (NULL));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scores[s]), md_mrs_scale_label (s));
      adw_action_row_add_suffix (self->scores[s], GTK_WIDGET (self->score_labels[s]));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), GTK_WIDGET (self->scores[s]));
    }

  gtk_widget_set_margin_top (clamp, 18);
  gtk_widget_set_margin_bottom (clamp, 18);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (toolbar), scrolled);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

static void
md_mrs_dialog_finalize (GObject *object)
{
  MdMrsDialog *self = MD_MRS_DIALOG (object);

  g_clear_pointer (&self->loaded, md_mrs_free);
  g_clear_object (&self->diary);
  G_OBJECT_CLASS (md_mrs_dialog_parent_class)->finalize (object);
}

static void
md_mrs_dialog_class_init (MdMrsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = md_mrs_dialog_finalize;
  gtk_widget_class_install_action (widget_class, "mrs.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "mrs.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
md_mrs_dialog_init (MdMrsDialog *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Menopause Rating Scale"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 720);
  build (self);
}

MdMrsDialog *
md_mrs_dialog_new (GtkWindow *parent,
                   MdDiary   *diary)
{
  MdMrsDialog *self;

  g_return_val_if_fail (MD_IS_DIARY (diary), NULL);

  self = g_object_new (MD_TYPE_MRS_DIALOG, "transient-for", parent, NULL);
  self->diary = g_object_ref (diary);
  self->day = md_diary_get_today (diary);
  load_day (self);
  g_signal_connect (self->calendar, "day-selected", G_CALLBACK (calendar_day_cb), self);
  md_a11y_fix_names (GTK_WIDGET (self));
  return self;
}

gboolean
md_mrs_dialog_set_day (MdMrsDialog *self,
                       gint64       day)
{
  g_return_val_if_fail (MD_IS_MRS_DIALOG (self), FALSE);

  if (day > md_diary_get_today (self->diary))
    return FALSE;
  self->day = day;
  load_day (self);
  return TRUE;
}

/* The weekly offer. */
typedef struct {
  MdDiary   *diary;
  GSettings *settings;
  gint64     dismissed;   /* the day "Not Now" was pressed, without settings */
} Offer;

static void
offer_free (gpointer data)
{
  Offer *offer = data;

  g_clear_object (&offer->diary);
  g_clear_object (&offer->settings);
  g_free (offer);
}

static void
offer_update (GtkWidget *offer_box)
{
  Offer *offer = g_object_get_data (G_OBJECT (offer_box), "md-offer");
  gint64 today = md_diary_get_today (offer->diary);
  gint64 dismissed = offer->settings != NULL ? g_settings_get_int64 (offer->settings, "mrs-offer-dismissed")
                                             : offer->dismissed;
  gint64 first, last;
  GtkLabel *label = g_object_get_data (G_OBJECT (offer_box), "md-label");
  gboolean show = md_diary_mrs_due (offer->diary) && md_diary_first_day (offer->diary, &first) &&
                  (dismissed <= 0 || today - dismissed >= 7 || today < dismissed);

  gtk_label_set_text (label, md_diary_last_mrs_day (offer->diary, &last)
                      ? _("It’s been a week: fill in the Menopause Rating Scale?")
                      : _("Rate 11 menopause symptoms once a week? It takes about two minutes."));
  gtk_widget_set_visible (offer_box, show);
}

static void
offer_changed_cb (MdDiary   *diary,
                  guint      what,
                  GtkWidget *offer_box)
{
  offer_update (offer_box);
}

static void
offer_dismiss_cb (GtkButton *button,
                  GtkWidget *offer_box)
{
  Offer *offer = g_object_get_data (G_OBJECT (offer_box), "md-offer");

  offer->dismissed = md_diary_get_today (offer->diary);
  if (offer->settings != NULL)
    g_settings_set_int64 (offer->settings, "mrs-offer-dismissed", offer->dismissed);
  offer_update (offer_box);
}

static void
offer_destroy_cb (GtkWidget *offer_box)
{
  Offer *offer = g_object_get_data (G_OBJECT (offer_box), "md-offer");

  g_signal_handlers_disconnect_by_data (offer->diary, offer_box);
}

GtkWidget *
md_mrs_offer_new (MdDiary   *diary,
                  GSettings *settings)
{
  GtkWidget *offer_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *fill = gtk_button_new_with_mnemonic (_("_Fill In"));
  GtkWidget *later = gtk_button_new_with_mnemonic (_("Not _Now"));
  Offer *offer = g_new0 (Offer, 1);

  offer->diary = g_object_ref (diary);
  offer->settings = settings != NULL ? g_object_ref (settings) : NULL;
  g_object_set_data_full (G_OBJECT (offer_box), "md-offer", offer, offer_free);
  g_object_set_data (G_OBJECT (offer_box), "md-label", label);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (fill), "win.mrs");
  gtk_widget_set_valign (fill, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (later, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (later, "flat");
  g_signal_connect (later, "clicked", G_CALLBACK (offer_dismiss_cb), offer_box);
  /* The sentence above, the two buttons under it: it fits a 360 px window in any language. */
  {
    GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    gtk_orientable_set_orientation (GTK_ORIENTABLE (box), GTK_ORIENTATION_VERTICAL);
    gtk_widget_set_halign (buttons, GTK_ALIGN_END);
    gtk_box_append (GTK_BOX (buttons), later);
    gtk_box_append (GTK_BOX (buttons), fill);
    gtk_box_append (GTK_BOX (box), label);
    gtk_box_append (GTK_BOX (box), buttons);
  }
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (box, "toolbar");
  gtk_box_append (GTK_BOX (offer_box), box);
  gtk_box_append (GTK_BOX (offer_box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_widget_set_name (offer_box, "mrs-offer");
  g_signal_connect (diary, "changed", G_CALLBACK (offer_changed_cb), offer_box);
  g_signal_connect (offer_box, "destroy", G_CALLBACK (offer_destroy_cb), NULL);
  offer_update (offer_box);
  md_a11y_fix_names (offer_box);
  return offer_box;
}
