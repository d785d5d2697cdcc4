/* test-flags-view.c: the alerts area, "About These Alerts" and the emergency dialog (under Xvfb). */
#include "config.h"

#include "md-diary.h"

#include <adwaita.h>
#include <string.h>

#include "md-alerts-window.h"
#include "md-application.h"
#include "md-emergency-dialog.h"
#include "md-flags-view.h"
#include "md-rules.h"
#include "md-test-utils.h"
#include "md-ui-test-utils.h"

#define NOW G_GINT64_CONSTANT (1743422400) /* 2025-03-31T12:00:00Z */

typedef struct {
  char      *dir;
  MdStore   *store;
  MdDiary   *diary;
  GtkWidget *window;
  MdFlagsView *view;
  GArray    *shown;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->store = md_test_store_new (&f->dir);
  f->diary = md_diary_new (f->store);
  md_store_set_now (f->store, NOW);
  f->window = gtk_window_new ();
  f->view = MD_FLAGS_VIEW (md_flags_view_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 500);
  md_flags_view_set_diary (f->view, f->diary);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->diary);
  g_clear_object (&f->store);
  g_clear_pointer (&f->shown, g_array_unref);
  md_test_rmdir (f->dir);
  g_free (f->dir);
}

/* Every label under @root, in order (depth first). */
static void
collect_labels (GtkWidget *root, GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LABEL (c))
        g_ptr_array_add (out, c);
      collect_labels (c, out);
    }
}

static GtkWidget *
find_label (GtkWidget *root, const char *text, guint *index)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (root, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), text) == 0)
      {
        if (index != NULL)
          *index = i;
        return labels->pdata[i];
      }
  return NULL;
}

static GtkWidget *
find_label_prefix (GtkWidget *root, const char *prefix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (root, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_label (labels->pdata[i]), prefix))
      return labels->pdata[i];
  return NULL;
}

static void
add (Fixture *f, gint64 start, guint32 signs)
{
  g_autoptr(MdEpisode) ep = md_test_episode (start);

  ep->signs = signs;
  g_assert_true (md_store_add_episode (f->store, ep, NULL));
}

static void
test_empty_hidden (Fixture *f, gconstpointer data)
{
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->view)));
  add (f, NOW - 3600, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->view)));
  g_assert_cmpint (md_flags_view_get_level (f->view), ==, MD_LEVEL_NONE);
}

static void
show_episodes_cb (MdFlagsView *view, GArray *ids, Fixture *f)
{
  f->shown = g_array_ref (ids);
}

static void
test_flag_shown_and_discussed (Fixture *f, gconstpointer data)
{
  GPtrArray *flags;
  MdFlag *flag;

  /* Several days of left-eye twitching with pain: a "soon" alert refreshed from "changed". */
  add (f, NOW - 3 * 86400, MD_BIT (MD_SIGN_PAIN));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->view)));
  flags = md_flags_view_get_flags (f->view);
  g_assert_cmpuint (flags->len, ==, 1);
  flag = g_ptr_array_index (flags, 0);
  g_assert_cmpstr (flag->rule, ==, "pain");
  g_assert_false (flag->discussed);
  g_assert_cmpint (md_flags_view_get_level (f->view), ==, MD_LEVEL_SOON);

  g_signal_connect (f->view, "show-episodes", G_CALLBACK (show_episodes_cb), f);
  g_signal_emit_by_name (md_ui_test_find_button (GTK_WIDGET (f->view), "_Show Episodes"), "clicked");
  g_assert_nonnull (f->shown);
  g_assert_cmpuint (f->shown->len, ==, 1);

  md_ui_test_screenshot (f->window, "flags-view");
  g_signal_emit_by_name (md_ui_test_find_button (GTK_WIDGET (f->view), "_Discussed with My Doctor"), "clicked");
  flag = g_ptr_array_index (md_flags_view_get_flags (f->view), 0);
  g_assert_true (flag->discussed);
  /* As the README says: a marked alert is hidden, with a visible way to show it again. */
  g_assert_null (md_ui_test_find_button (GTK_WIDGET (f->view), "_Not Discussed Yet"));
  g_assert_null (find_label (GTK_WIDGET (f->view), flag->title, NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->view)));
  g_signal_emit_by_name (md_ui_test_find_button (GTK_WIDGET (f->view), "Show 1 Alert Marked as Discussed or Checked"), "clicked");
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "Pain with the twitching", NULL));
  g_assert_nonnull (md_ui_test_find_button (GTK_WIDGET (f->view), "_Not Discussed Yet"));
  g_signal_emit_by_name (md_ui_test_find_button (GTK_WIDGET (f->view), "Hide the Alert Marked as Discussed or Checked"), "clicked");
  g_assert_null (md_ui_test_find_button (GTK_WIDGET (f->view), "_Not Discussed Yet"));

  /* New evidence brings it back. */
  add (f, NOW - 86400 - 3600, MD_BIT (MD_SIGN_PAIN));
  flag = g_ptr_array_index (md_flags_view_get_flags (f->view), 0);
  g_assert_false (flag->discussed);
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "Pain with the twitching", NULL));
  g_assert_null (md_ui_test_find_button (GTK_WIDGET (f->view), "Show 1 Alert Marked as Discussed or Checked"));
}

/* A save that only changes the words of the alerts (a count) keeps the rows' widgets and
 * shows the new words; the buttons act on the new evidence. */
static void
test_words_updated_in_place (Fixture *f, gconstpointer data)
{
  g_autofree char *old_message = NULL;
  GtkWidget *title, *message;
  MdFlag *flag;

  add (f, NOW - 3 * 86400, MD_BIT (MD_SIGN_PAIN));
  flag = g_ptr_array_index (md_flags_view_get_flags (f->view), 0);
  old_message = g_strdup (flag->message);
  title = find_label (GTK_WIDGET (f->view), flag->title, NULL);
  g_assert_nonnull (title);
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), old_message, NULL));

  add (f, NOW - 2 * 86400, MD_BIT (MD_SIGN_PAIN));
  flag = g_ptr_array_index (md_flags_view_get_flags (f->view), 0);
  g_assert_cmpstr (flag->rule, ==, "pain");
  g_assert_cmpstr (flag->message, !=, old_message);
  g_assert_true (find_label (GTK_WIDGET (f->view), flag->title, NULL) == title);
  g_assert_null (find_label (GTK_WIDGET (f->view), old_message, NULL));
  message = find_label (GTK_WIDGET (f->view), flag->message, NULL);
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_parent (message) == gtk_widget_get_parent (title));

  g_signal_connect (f->view, "show-episodes", G_CALLBACK (show_episodes_cb), f);
  g_signal_emit_by_name (md_ui_test_find_button (GTK_WIDGET (f->view), "_Show Episodes"), "clicked");
  g_assert_nonnull (f->shown);
  g_assert_cmpuint (f->shown->len, ==, 2);

  /* A change of level builds the rows again. */
  add (f, NOW - 3600, MD_BIT (MD_SIGN_DROOPING_FACE));
  g_assert_cmpint (md_flags_view_get_level (f->view), ==, MD_LEVEL_EMERGENCY);
  g_assert_null (find_label (GTK_WIDGET (f->view), flag->title, NULL) == title ? title : NULL);
}

/* Safety 6: an emergency card leads with the call to her number, then what was logged, in
 * normal contrast; it is marked "I've Been Checked", not "Discussed with My Doctor". */
static void
test_emergency_card (Fixture *f, gconstpointer data)
{
  GtkWidget *action, *message, *advice;
  guint i_action = 0, i_message = 0, i_title = 0;
  MdFlag *flag;

  md_flags_view_set_emergency_number (f->view, "999");
  add (f, NOW - 2 * 3600, MD_BIT (MD_SIGN_DROOPING_FACE) | MD_BIT (MD_SIGN_PAIN));
  flag = g_ptr_array_index (md_flags_view_get_flags (f->view), 0);
  g_assert_cmpstr (flag->rule, ==, "face-weakness-now");
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "Face, arm or speech signs in the last day", &i_title));
  action = find_label (GTK_WIDGET (f->view), "Call 999 now, even if the signs have passed.", &i_action);
  message = find_label (GTK_WIDGET (f->view), "Drooping face: logged with 1 episode in the last 24 hours, "
                                              "the latest on 2025-03-31 10:00 (2 hours ago).", &i_message);
  advice = find_label (GTK_WIDGET (f->view), "This app cannot tell what causes these signs; a doctor needs to see you quickly.", NULL);
  g_assert_nonnull (action);
  g_assert_nonnull (message);
  g_assert_nonnull (advice);
  g_assert_cmpuint (i_title, <, i_action);
  g_assert_cmpuint (i_action, <, i_message);
  g_assert_false (gtk_widget_has_css_class (action, "dim-label"));
  g_assert_false (gtk_widget_has_css_class (message, "dim-label"));
  g_assert_false (gtk_widget_has_css_class (advice, "dim-label"));
  /* The pain alert of the same episode defers to the emergency. */
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "Follow the emergency advice above, and tell the doctor about this too.", NULL));
  g_assert_nonnull (md_ui_test_find_button (GTK_WIDGET (f->view), "_I’ve Been Checked"));
  md_ui_test_screenshot (f->window, "flags-view-emergency");
  g_signal_emit_by_name (md_ui_test_find_button (GTK_WIDGET (f->view), "_I’ve Been Checked"), "clicked");
  g_assert_null (find_label (GTK_WIDGET (f->view), "Call 999 now, even if the signs have passed.", NULL));
  g_assert_nonnull (md_ui_test_find_button (GTK_WIDGET (f->view), "Show 1 Alert Marked as Discussed or Checked"));
}

static void
test_emergency_dialog (Fixture *f, gconstpointer data)
{
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 2 * 3600);
  g_autoptr(GPtrArray) emergency = NULL;
  GtkWidget *dialog;
  MdLevel level;
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(GPtrArray) all = NULL;

  ep->signs = MD_BIT (MD_SIGN_DROOPING_FACE);
  g_assert_true (md_store_add_episode (f->store, ep, NULL));
  all = md_store_episodes_between (f->store, G_MININT64, G_MAXINT64, NULL);
  flags = md_rules_evaluate ((MdEpisode * const *) all->pdata, all->len, NOW, &level);
  g_assert_cmpint (level, ==, MD_LEVEL_EMERGENCY);
  emergency = md_emergency_flags_for (flags, ep->id);
  g_assert_cmpuint (emergency->len, ==, 1);
  g_assert_cmpuint (md_emergency_flags_for (flags, ep->id + 100)->len, ==, 0);

  dialog = md_emergency_dialog_new (GTK_WINDOW (f->window), "999", emergency);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Call 999 Now");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Call 999 now, even if the signs have passed.\n\n"
                   "Drooping face: logged with 1 episode in the last 24 hours, the latest on 2025-03-31 10:00 (2 hours ago).\n\n"
                   "Menodiary cannot tell what is causing these signs; a medical professional needs to see you.");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close"), ==, ADW_RESPONSE_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
  md_ui_test_screenshot (dialog, "emergency-dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_alerts_window_lists_every_rule (void)
{
  GtkWidget *win = md_alerts_window_new (NULL);
  guint n_rules, n_rows = 0;
  GtkWidget *stack[64];
  int top = 0;

  md_rules_table (&n_rules);
  gtk_window_present (GTK_WINDOW (win));
  stack[top++] = win;
  while (top > 0)
    {
      GtkWidget *w = stack[--top];
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        {
          if (ADW_IS_EXPANDER_ROW (c))
            n_rows++;
          else if (top < 63)
            stack[top++] = c;
        }
    }
  g_assert_cmpuint (n_rows, ==, n_rules);

  /* Said once, at the top: the pages cover several conditions; an alert is not one of them. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    guint n_said = 0;

    collect_labels (win, labels);
    for (guint i = 0; i < labels->len; i++)
      {
        const char *text = gtk_label_get_label (labels->pdata[i]);

        if (strstr (text, "it does not mean you have any of those conditions") != NULL)
          n_said++;
        g_assert_null (strstr (text, "seed"));
        g_assert_null (strstr (text, "Seed"));
      }
    g_assert_cmpuint (n_said, ==, 1);
  }
  /* Each rule in plain words, with our own thresholds named as such. */
  g_assert_nonnull (find_label (win, "When it appears: You logged twitching on at least 4 days across more than two weeks, "
                                     "with no gap longer than a week, the last of them in the past week. The 4 days and "
                                     "the one-week gap are our own thresholds.", NULL));
  g_assert_nonnull (find_label (win, "What to do: Call the emergency number now, even if the signs have passed. "
                                     "New signs after a head injury need to be checked straight away.", NULL));
  g_assert_nonnull (find_label_prefix (win, "Sources: NHS, “Stroke: symptoms”; NHS, “Transient ischaemic attack (TIA)”; "
                                            "Stroke Association, “What if symptoms pass?” (FAST)"));
  g_assert_nonnull (find_label_prefix (win, "Sources: NHS, “Transient ischaemic attack (TIA)”; Stroke Association, "
                                            "“What if symptoms pass?”; BE FAST, the American variant of FAST"));
  md_ui_test_screenshot (win, "alerts-window");
  gtk_window_destroy (GTK_WINDOW (win));
}

int
main (int argc, char *argv[])
{
  md_ui_test_init (&argc, &argv);
  adw_init ();
  g_test_add ("/flags-view/empty-hidden", Fixture, NULL, setup, test_empty_hidden, teardown);
  g_test_add ("/flags-view/shown-and-discussed", Fixture, NULL, setup, test_flag_shown_and_discussed, teardown);
  g_test_add ("/flags-view/words-updated-in-place", Fixture, NULL, setup, test_words_updated_in_place, teardown);
  g_test_add ("/flags-view/emergency-dialog", Fixture, NULL, setup, test_emergency_dialog, teardown);
  g_test_add ("/flags-view/emergency-card", Fixture, NULL, setup, test_emergency_card, teardown);
  g_test_add_func ("/flags-view/alerts-window", test_alerts_window_lists_every_rule);
  return g_test_run ();
}
