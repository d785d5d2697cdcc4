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

static GtkWidget *
find_button (GtkWidget *root, const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      if ((found = find_button (c, label)) != NULL)
        return found;
    }
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
  g_signal_emit_by_name (find_button (GTK_WIDGET (f->view), "_Show Episodes"), "clicked");
  g_assert_nonnull (f->shown);
  g_assert_cmpuint (f->shown->len, ==, 1);

  md_ui_test_screenshot (f->window, "flags-view");
  g_signal_emit_by_name (find_button (GTK_WIDGET (f->view), "_Discussed with My Doctor"), "clicked");
  flag = g_ptr_array_index (md_flags_view_get_flags (f->view), 0);
  g_assert_true (flag->discussed);
  g_assert_nonnull (find_button (GTK_WIDGET (f->view), "_Not Discussed Yet"));

  /* New evidence brings it back. */
  add (f, NOW - 86400 - 3600, MD_BIT (MD_SIGN_PAIN));
  flag = g_ptr_array_index (md_flags_view_get_flags (f->view), 0);
  g_assert_false (flag->discussed);
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

  ep->signs = MD_BIT (MD_SIGN_DROOPING);
  g_assert_true (md_store_add_episode (f->store, ep, NULL));
  all = md_store_episodes_between (f->store, G_MININT64, G_MAXINT64, NULL);
  flags = md_rules_evaluate ((MdEpisode * const *) all->pdata, all->len, NOW, &level);
  g_assert_cmpint (level, ==, MD_LEVEL_EMERGENCY);
  emergency = md_emergency_flags_for (flags, ep->id);
  g_assert_cmpuint (emergency->len, ==, 1);
  g_assert_cmpuint (md_emergency_flags_for (flags, ep->id + 100)->len, ==, 0);

  dialog = md_emergency_dialog_new (GTK_WINDOW (f->window), "999", emergency);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "999"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "even if the signs have already passed"));
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
  g_test_add ("/flags-view/emergency-dialog", Fixture, NULL, setup, test_emergency_dialog, teardown);
  g_test_add_func ("/flags-view/alerts-window", test_alerts_window_lists_every_rule);
  return g_test_run ();
}
