/* test-mrs-dialog.c: the Menopause Rating Scale form and the main window's weekly offer. */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "md-diary.h"
#include "md-mrs-dialog.h"
#include "md-test-utils.h"
#include "md-ui-test-utils.h"
#include "md-window.h"

#define NOW   G_GINT64_CONSTANT (1742203800)  /* 2025-03-17 09:30 UTC */
#define TODAY (NOW / 86400)

typedef struct {
  char    *dir;
  MdStore *store;
  MdDiary *diary;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->store = md_test_store_new (&f->dir);
  f->diary = md_diary_new (f->store);
  md_diary_set_now (f->diary, NOW);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->diary);
  g_clear_object (&f->store);
  md_test_rmdir (f->dir);
  g_free (f->dir);
}

static GtkWidget *
find_row (GtkWidget *root, const char *title)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (c) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)), title) == 0)
        return c;
      if ((found = find_row (c, title)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *root, GType type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
      if ((found = find_type (c, type)) != NULL)
        return found;
    }
  return NULL;
}

static const char *
score (MdMrsDialog *dialog, const char *scale)
{
  GtkWidget *row = find_row (GTK_WIDGET (dialog), scale);

  g_assert_nonnull (row);
  for (GtkWidget *w = find_type (row, GTK_TYPE_LABEL); w != NULL; w = gtk_widget_get_next_sibling (w))
    ;
  /* The score is the row's suffix label: the last label of the row. */
  {
    GtkWidget *stack[64];
    guint n = 0;
    const char *last = NULL;

    stack[n++] = row;
    while (n > 0)
      {
        GtkWidget *w = stack[--n];

        if (GTK_IS_LABEL (w) && gtk_widget_get_parent (w) != NULL && !gtk_widget_has_css_class (w, "title") &&
            !gtk_widget_has_css_class (w, "subtitle"))
          last = gtk_label_get_text (GTK_LABEL (w));
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
          stack[n++] = c;
      }
    return last;
  }
}

static void
choose (MdMrsDialog *dialog, const char *item, int value)
{
  GtkWidget *row = find_row (GTK_WIDGET (dialog), item);

  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), value < 0 ? 0 : (guint) value + 1);
}

static void
save (MdMrsDialog *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "mrs.save", NULL));
  md_ui_test_flush ();
  g_assert_null (dialog);
}

/* Answers go in through the real rows; the scores follow; Save stores the day. */
static void
test_fill_and_save (Fixture *f, gconstpointer data)
{
  MdMrsDialog *dialog = md_mrs_dialog_new (NULL, f->diary);
  g_autoptr(MdMrs) back = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  md_ui_test_flush ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (GTK_WIDGET (dialog), "Day"))), ==, "Today");
  g_assert_cmpstr (score (dialog, "Total"), ==, "–");
  choose (dialog, "Hot flushes, sweating", 3);
  choose (dialog, "Sleep problems", 2);
  choose (dialog, "Low mood", 1);
  choose (dialog, "Vaginal dryness", 0);
  g_assert_cmpstr (score (dialog, "Total"), ==, "6 of 44");
  g_assert_cmpstr (score (dialog, "Somatic"), ==, "5 of 16");
  g_assert_cmpstr (score (dialog, "Psychological"), ==, "1 of 16");
  g_assert_cmpstr (score (dialog, "Urogenital"), ==, "0 of 12");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (GTK_WIDGET (dialog), "Urogenital"))), ==,
                   "1 of 3 symptoms answered");
  md_ui_test_screenshots (GTK_WIDGET (dialog), "mrs-form");
  save (dialog);

  back = md_diary_get_mrs (f->diary, TODAY, NULL);
  g_assert_nonnull (back);
  g_assert_cmpint (back->items[0], ==, 3);
  g_assert_cmpint (back->items[1], ==, MD_UNKNOWN);
  g_assert_cmpint (back->items[2], ==, 2);
  g_assert_cmpint (back->items[3], ==, 1);
  g_assert_cmpint (back->items[9], ==, 0);
  g_assert_cmpint (back->items[10], ==, MD_UNKNOWN);
}

/* Nothing answered on a new day: not saved, the form says why. */
static void
test_empty_refused (Fixture *f, gconstpointer data)
{
  MdMrsDialog *dialog = md_mrs_dialog_new (NULL, f->diary);
  g_autoptr(GPtrArray) all = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "mrs.save", NULL));
  md_ui_test_flush ();
  all = md_diary_mrs_between (f->diary, G_MININT64, G_MAXINT64, NULL);
  g_assert_cmpuint (all->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gint64
updated (Fixture *f)
{
  sqlite3_stmt *stmt = NULL;
  gint64 v;

  g_assert_cmpint (sqlite3_prepare_v2 (md_store_get_db (f->store), "SELECT sum(updated_utc) FROM mrs", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

/* A stored day (picked from the calendar) opens with its answers; saved unchanged nothing is
 * written; one change keeps every other answer. */
static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(MdMrs) stored = md_mrs_new (TODAY - 9);
  g_autoptr(MdMrs) back = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (2025, 3, 8, 12, 0, 0);
  MdMrsDialog *dialog;

  for (guint i = 0; i < MD_MRS_N_ITEMS; i++)
    stored->items[i] = i % 3 == 0 ? MD_UNKNOWN : (int) (i % 5);
  g_assert_true (md_diary_put_mrs (f->diary, stored, NULL));
  g_assert_cmpint (sqlite3_exec (md_store_get_db (f->store), "UPDATE mrs SET updated_utc = 1000000000", NULL, NULL, NULL), ==, SQLITE_OK);

  dialog = md_mrs_dialog_new (NULL, f->diary);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_calendar_select_day (GTK_CALENDAR (find_type (GTK_WIDGET (dialog), GTK_TYPE_CALENDAR)), day);
  md_ui_test_flush ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (GTK_WIDGET (dialog), "Day"))), ==,
                   "Saturday 8 March 2025");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "Heart discomfort"))), ==, 2);
  save (dialog);
  g_assert_cmpint (updated (f), ==, 1000000000);

  dialog = md_mrs_dialog_new (NULL, f->diary);
  g_assert_true (md_mrs_dialog_set_day (dialog, TODAY - 9));
  g_assert_false (md_mrs_dialog_set_day (dialog, TODAY + 1));
  choose (dialog, "Anxiety", 4);
  save (dialog);
  back = md_diary_get_mrs (f->diary, TODAY - 9, NULL);
  for (guint i = 0; i < MD_MRS_N_ITEMS; i++)
    g_assert_cmpint (back->items[i], ==, i == 5 ? 4 : stored->items[i]);
}

static GtkWidget *
offer_of (MdWindow *window)
{
  GtkWidget *stack[512];
  guint n = 0;

  stack[n++] = GTK_WIDGET (window);
  while (n > 0)
    {
      GtkWidget *w = stack[--n];

      if (g_strcmp0 (gtk_widget_get_name (w), "mrs-offer") == 0)
        return w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && n < G_N_ELEMENTS (stack); c = gtk_widget_get_next_sibling (c))
        stack[n++] = c;
    }
  return NULL;
}

static GtkWidget *
button_in (GtkWidget *root, const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      if ((found = button_in (c, label)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label (GtkWidget *root, const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (c) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (c)), text) == 0)
        return c;
      if ((found = find_label (c, text)) != NULL)
        return found;
    }
  return NULL;
}

static MdMrsDialog *
open_mrs_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (MD_IS_MRS_DIALOG (w))
        return MD_MRS_DIALOG (w);
    }
  return NULL;
}

/* The offer: not on an empty diary; shown once there is a diary and no answer this week; its
 * button is win.mrs; answering hides it; "Not Now" puts it off for a week. */
static void
test_offer (Fixture *f, gconstpointer data)
{
  MdWindow *window = md_window_new (NULL, f->diary);
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 3600);
  g_autoptr(MdMrs) old = md_mrs_new (TODAY - 8);
  GtkWidget *offer = offer_of (window);
  MdMrsDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  md_ui_test_flush ();
  g_assert_nonnull (offer);
  g_assert_false (gtk_widget_get_visible (offer));
  g_assert_true (md_diary_add_episode (f->diary, ep, NULL));
  md_ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (offer));

  g_signal_emit_by_name (button_in (offer, "_Fill In"), "clicked");
  md_ui_test_flush ();
  dialog = open_mrs_dialog ();
  g_assert_nonnull (dialog);
  choose (dialog, "Irritability", 2);
  save (dialog);
  g_assert_false (gtk_widget_get_visible (offer));

  /* A week later it comes back, once; Not Now puts it off for another week. */
  md_diary_set_now (f->diary, NOW + 7 * 86400);
  g_assert_true (md_diary_add_episode (f->diary, ep, NULL));
  md_ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (offer));
  /* One picture at the window's size: shrinking this main window to 360 px in a test makes
   * GTK 4.8 warn about a box deep in the history, with or without the offer. */
  md_ui_test_screenshot (GTK_WIDGET (window), "mrs-offer");
  g_assert_nonnull (find_label (offer, "It’s been a week: fill in the Menopause Rating Scale?"));
  g_signal_emit_by_name (button_in (offer, "Not _Now"), "clicked");
  g_assert_false (gtk_widget_get_visible (offer));
  md_diary_set_now (f->diary, NOW + 13 * 86400);
  g_assert_true (md_diary_add_episode (f->diary, ep, NULL));
  g_assert_false (gtk_widget_get_visible (offer));
  md_diary_set_now (f->diary, NOW + 14 * 86400);
  g_assert_true (md_diary_add_episode (f->diary, ep, NULL));
  g_assert_true (gtk_widget_get_visible (offer));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  md_ui_test_init (&argc, &argv);
  adw_init ();
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/mrs-dialog/fill-and-save", test_fill_and_save);
  ADD ("/mrs-dialog/empty-refused", test_empty_refused);
  ADD ("/mrs-dialog/round-trip", test_round_trip);
  ADD ("/mrs-dialog/offer", test_offer);
#undef ADD
  return g_test_run ();
}
