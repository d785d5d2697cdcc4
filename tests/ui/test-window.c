/* test-window.c: the main window and the episode editor, driven through their real widgets.
 *
 * Runs under xvfb-run with GTK_A11Y=none. With MD_SCREENSHOT_DIR set, /window/screenshots
 * also writes PNGs of the window and the form there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-diary.h"

#include <adwaita.h>
#include <string.h>

#include "md-episode-editor-private.h"
#include "md-episode-object.h"
#include "md-episode-row.h"
#include "md-face-map.h"
#include "md-test-utils.h"
#include "md-ui-test-utils.h"
#include "md-summary-dialog.h"
#include "md-window-private.h"

/* 2025-03-17 09:30 UTC, a Monday (TZ=UTC in the test environment). */
#define NOW G_GINT64_CONSTANT (1742203800)
#define DAY 86400

typedef struct {
  char     *dir;
  MdStore  *store;
  MdDiary  *diary;
  MdWindow *window;
  GtkLabel *long_label;
} Fixture;

typedef gboolean (*Condition) (Fixture *f);

static gboolean
wait_for (Fixture  *f,
          Condition cond)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!cond (f))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
editor_open (Fixture *f)
{
  return f->window->editor != NULL && gtk_widget_get_mapped (GTK_WIDGET (f->window->editor));
}

static gboolean
picker_allocated (Fixture *f)
{
  return f->window->editor != NULL && gtk_widget_get_width (GTK_WIDGET (f->window->editor->face_picker)) > 0;
}

static gboolean
editor_closed (Fixture *f)
{
  return f->window->editor == NULL;
}

static gboolean
alerts_shown (Fixture *f)
{
  return md_flags_view_get_flags (f->window->flags_view) != NULL;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = md_test_store_new (&f->dir);
  f->diary = md_diary_new (f->store);
  md_store_set_now (f->store, NOW);
  f->window = md_window_new (NULL, f->diary);
  /* Her number given explicitly: gtk_test_init may have changed the locale. */
  md_window_set_emergency_number (f->window, "112");
  gtk_window_present (GTK_WINDOW (f->window));
  spin (50);
  /* The alerts are worked out after the first frame. */
  g_assert_true (wait_for (f, alerts_shown));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin (20);
  g_clear_object (&f->diary);
  g_clear_object (&f->store);
  md_test_rmdir (f->dir);
  g_free (f->dir);
}

static MdEpisodeEditor *
open_new_editor (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.log-episode", NULL));
  g_assert_true (wait_for (f, editor_open));
  return f->window->editor;
}

static gboolean
save_enabled (MdEpisodeEditor *editor)
{
  return gtk_widget_get_sensitive (editor->save_button);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
collect_rows (GtkWidget  *widget,
              GPtrArray  *rows)
{
  if (MD_IS_EPISODE_ROW (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_rows (c, rows);
}

static MdEpisodeRow *
row_for_id (Fixture *f,
            gint64   id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  spin (50);
  collect_rows (GTK_WIDGET (f->window->history_view), rows);
  for (guint i = 0; i < rows->len; i++)
    if (md_episode_row_get_id (g_ptr_array_index (rows, i)) == id)
      return g_ptr_array_index (rows, i);
  return NULL;
}

static MdEpisode *
only_episode (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = md_store_list_episodes (f->store, 0, 10, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  return md_episode_copy (g_ptr_array_index (list, 0));
}

static gint64
add_episode (Fixture *f,
             gint64   start)
{
  g_autoptr(MdEpisode) ep = md_test_episode (start);
  g_autoptr(GError) error = NULL;

  g_assert_true (md_store_add_episode (f->store, ep, &error));
  g_assert_no_error (error);
  return ep->id;
}

static void
test_log_episode (Fixture       *f,
                  gconstpointer  data)
{
  MdEpisodeEditor *editor;
  g_autoptr(MdEpisode) ep = NULL;
  g_autoptr(MdEpisodeObject) item = NULL;
  MdEpisodeRow *row;

  /* The empty diary shows the status page, with the app's icon. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (f->window->stack, "empty"))), ==, "io.github.menodiary.Menodiary");

  editor = open_new_editor (f);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_false (save_enabled (editor));

  gtk_toggle_button_set_active (editor->yesterday_button, TRUE);
  gtk_spin_button_set_value (editor->hour_spin, 21);
  gtk_spin_button_set_value (editor->minute_spin, 15);
  gtk_check_button_set_active (editor->region_checks[MD_REGION_EYELID_UPPER], TRUE);
  gtk_check_button_set_active (editor->region_checks[MD_REGION_CHEEK], TRUE);
  g_assert_true (save_enabled (editor));
  adw_combo_row_set_selected (editor->side_row, 2);  /* Both sides */
  gtk_drop_down_set_selected (editor->unit_dropdown, 1);  /* minutes */
  gtk_spin_button_set_value (editor->duration_spin, 3);
  g_assert_true (gtk_check_button_get_active (editor->intensity_unset));
  gtk_range_set_value (GTK_RANGE (editor->intensity_scale), 7);
  g_assert_false (gtk_check_button_get_active (editor->intensity_unset));
  gtk_check_button_set_active (editor->sign_checks[MD_SIGN_SPEECH_DIFFICULTY], TRUE);
  gtk_check_button_set_active (editor->sign_checks[MD_SIGN_PAIN], TRUE);
  gtk_toggle_button_set_active (editor->trigger_toggles[MD_TRIGGER_CAFFEINE], TRUE);
  gtk_toggle_button_set_active (editor->trigger_toggles[MD_TRIGGER_STRESS], TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor->notes_view), "After a long day", -1);

  /* Both halves of the drawing show the chosen regions. */
  {
    guint32 left, right;

    md_face_picker_get_selection (editor->face_picker, &left, &right);
    g_assert_cmphex (left, ==, MD_BIT (MD_REGION_EYELID_UPPER) | MD_BIT (MD_REGION_CHEEK));
    g_assert_cmphex (right, ==, left);
  }

  click (editor->save_button);
  g_assert_true (wait_for (f, editor_closed));

  ep = only_episode (f);
  g_assert_cmpint (ep->start_utc, ==, NOW - 9 * 3600 - 30 * 60 - DAY + 21 * 3600 + 15 * 60);
  g_assert_cmpint (ep->utc_offset_s, ==, 0);
  g_assert_cmphex (ep->regions, ==, MD_BIT (MD_REGION_EYELID_UPPER) | MD_BIT (MD_REGION_CHEEK));
  g_assert_cmpint (ep->side, ==, MD_SIDE_BOTH);
  g_assert_cmpint (ep->duration_s, ==, 180);
  g_assert_cmpint (ep->intensity, ==, 7);
  g_assert_cmphex (ep->signs, ==, MD_BIT (MD_SIGN_SPEECH_DIFFICULTY) | MD_BIT (MD_SIGN_PAIN));
  g_assert_cmphex (ep->triggers, ==, MD_BIT (MD_TRIGGER_CAFFEINE) | MD_BIT (MD_TRIGGER_STRESS));
  g_assert_cmpstr (ep->notes, ==, "After a long day");

  /* The list shows it, the status page is gone, and the row marks the warning sign. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (gtk_grid_view_get_model (f->window->history_view)),
                               g_list_model_get_n_items (G_LIST_MODEL (f->window->header)));
  g_assert_cmpint (md_episode_object_get_id (item), ==, ep->id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->stack), ==, "history");
  row = row_for_id (f, ep->id);
  g_assert_nonnull (row);
  g_assert_cmpstr (md_episode_row_get_header (row), ==, "Yesterday");
  g_assert_cmpstr (md_episode_row_get_summary (row), ==, "Upper eyelid, Cheek");
  g_assert_cmpstr (md_episode_row_get_warning (row), ==, "Warning sign: Trouble speaking");
}

static gboolean
emergency_shown (Fixture *f)
{
  return f->window->emergency != NULL && gtk_widget_get_mapped (f->window->emergency);
}

static void
test_emergency_on_save (Fixture       *f,
                        gconstpointer  data)
{
  MdEpisodeEditor *editor;
  const char *body;

  /* An ordinary episode: no emergency message. */
  editor = open_new_editor (f);
  gtk_check_button_set_active (editor->region_checks[MD_REGION_EYELID_LOWER], TRUE);
  click (editor->save_button);
  g_assert_true (wait_for (f, editor_closed));
  spin (50);
  g_assert_null (f->window->emergency);

  /* A drooping face logged now: the blocking dialog leads with the call to her number. */
  editor = open_new_editor (f);
  gtk_check_button_set_active (editor->region_checks[MD_REGION_MOUTH_CORNER], TRUE);
  gtk_check_button_set_active (editor->sign_checks[MD_SIGN_DROOPING_FACE], TRUE);
  click (editor->save_button);
  g_assert_true (wait_for (f, editor_closed));
  g_assert_true (wait_for (f, emergency_shown));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (f->window->emergency)));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (f->window->emergency)), ==, "Call 112 Now");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (f->window->emergency));
  g_assert_true (g_str_has_prefix (body, "Call 112 now, even if the signs have passed.\n\nDrooping face: logged with 1 episode"));
  g_assert_true (g_str_has_suffix (body, "Menodiary cannot tell what is causing these signs; a medical professional needs to see you."));
  /* Understanding it destroys nothing: not styled as destructive. */
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (f->window->emergency), "close"),
                   ==, ADW_RESPONSE_DEFAULT);
  /* The alerts area shows it too, at the top. */
  g_assert_cmpint (md_flags_view_get_level (f->window->flags_view), ==, MD_LEVEL_EMERGENCY);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->flags_view)));
}

/* Safety 1: where she ticks the signs, the FAST signs mean calling her number now. */
static void
test_signs_explanation (Fixture       *f,
                        gconstpointer  data)
{
  MdEpisodeEditor *editor = open_new_editor (f);
#define EXPECTED(n) "Face drooping, an arm or leg weak, or speech slurred, even for a moment and even if it has " \
  "passed: call " n " now, and log it later."
  const char *with_112 = EXPECTED ("112");
  const char *with_999 = EXPECTED ("999");
#undef EXPECTED

  /* The first row of the signs, above the boxes, in normal contrast. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (editor->call_row)), ==, with_112);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (editor->call_row), "dim-label"));
  g_assert_cmpstr (adw_preferences_group_get_description (editor->signs_group), ==,
                   "Tick anything that came with it. Signs marked “Warning sign” need a doctor’s advice; "
                   "after saving, the alerts say how soon.");
  /* Arm or leg weakness and the two drooping signs are offered; the old combined sign is not. */
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (editor->sign_checks[MD_SIGN_ARM_LEG_WEAKNESS]), ADW_TYPE_ACTION_ROW)));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (editor->sign_checks[MD_SIGN_DROOPING_FACE]), ADW_TYPE_ACTION_ROW)));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (editor->sign_checks[MD_SIGN_DROOPING_EYELID]), ADW_TYPE_ACTION_ROW)));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (editor->sign_checks[MD_SIGN_DROOPING]), ADW_TYPE_ACTION_ROW)));
  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_true (wait_for (f, editor_closed));

  md_window_set_emergency_number (f->window, "999");
  editor = open_new_editor (f);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (editor->call_row)), ==, with_999);
}

/* An episode of an older diary keeps its combined "drooping" sign, shown only there. */
static void
test_old_drooping_sign (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 3 * DAY);
  g_autoptr(MdEpisode) back = NULL;
  MdEpisodeEditor *editor;
  GtkWidget *row;

  ep->signs = MD_BIT (MD_SIGN_DROOPING);
  g_assert_true (md_store_add_episode (f->store, ep, NULL));
  spin (50);
  g_signal_emit_by_name (f->window->history_view, "activate", g_list_model_get_n_items (G_LIST_MODEL (f->window->header)));
  g_assert_true (wait_for (f, editor_open));
  editor = f->window->editor;
  row = gtk_widget_get_ancestor (GTK_WIDGET (editor->sign_checks[MD_SIGN_DROOPING]), ADW_TYPE_ACTION_ROW);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Drooping eyelid or face");
  g_assert_true (gtk_check_button_get_active (editor->sign_checks[MD_SIGN_DROOPING]));
  click (editor->save_button);
  g_assert_true (wait_for (f, editor_closed));
  back = md_store_get_episode (f->store, ep->id, NULL);
  g_assert_cmphex (back->signs, ==, MD_BIT (MD_SIGN_DROOPING));
}

/* "Show Episodes" on an alert shows only its evidence, says so, and leads back to all. */
static void
test_show_episodes_filters (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 2 * DAY);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 other = add_episode (f, NOW - 3600);

  ep->signs = MD_BIT (MD_SIGN_PAIN);
  g_assert_true (md_store_add_episode (f->store, ep, NULL));
  g_assert_cmpuint (md_flags_view_get_flags (f->window->flags_view)->len, ==, 1);
  g_assert_null (md_history_bar_get_status (f->window->history_bar));
  g_array_append_val (ids, ep->id);
  g_signal_emit_by_name (f->window->flags_view, "show-episodes", ids);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, 1);
  g_assert_nonnull (row_for_id (f, ep->id));
  g_assert_null (row_for_id (f, other));
  g_assert_cmpstr (md_history_bar_get_status (f->window->history_bar), ==, "Showing the 1 episode behind this alert");
  md_ui_test_screenshot (GTK_WIDGET (f->window), "evidence");

  /* "Show All" (the bar's button and the empty page's) is win.show-all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-all", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, 2);
  g_assert_nonnull (row_for_id (f, other));
  g_assert_null (md_history_bar_get_status (f->window->history_bar));
}

static int
count_rows (Fixture *f)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  spin (50);
  collect_rows (GTK_WIDGET (f->window->history_view), rows);
  return (int) rows->len;
}

typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

/* The first widget under @widget (itself included, depth first) that @match accepts. */
static GtkWidget *
find_widget (GtkWidget     *widget,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_named_and_mapped (GtkWidget     *widget,
                     gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0 && gtk_widget_get_mapped (widget);
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  return find_widget (widget, is_named_and_mapped, name);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  return find_widget (widget, is_of_type, GSIZE_TO_POINTER (type));
}

/* Five alerts of different rules, from episodes in the last days. */
static void
add_five_alerts (Fixture *f)
{
  static const guint32 signs[] = {
    MD_BIT (MD_SIGN_PAIN), MD_BIT (MD_SIGN_SPREAD_BODY), MD_BIT (MD_SIGN_EYELID_CLOSURE),
    MD_BIT (MD_SIGN_HEAD_INJURY), MD_BIT (MD_SIGN_NUMBNESS),
  };

  for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
    {
      g_autoptr(MdEpisode) ep = md_test_episode (NOW - 3 * DAY - i * 3600);

      ep->signs = signs[i];
      g_assert_true (md_store_add_episode (f->store, ep, NULL));
    }
  spin (100);
  g_assert_cmpuint (md_flags_view_get_flags (f->window->flags_view)->len, >=, 5);
}

/* The alerts are the first item of the history's own scrolled list: they never squeeze it,
 * never grow the window, and fold to the highest one with a count. */
static void
test_alerts_in_list (Fixture       *f,
                     gconstpointer  data)
{
  int min_before, nat_before, min_after, nat_after;
  GtkWidget *more;

  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(MdEpisode) ep = md_test_episode (NOW - 600 - i * 12 * 3600);

      ep->side = i % 2 ? MD_SIDE_LEFT : MD_SIDE_RIGHT;
      g_assert_true (md_store_add_episode (f->store, ep, NULL));
    }
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->header)), ==, 0);
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_VERTICAL, 900, &min_before, &nat_before, NULL, NULL);

  add_five_alerts (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->header)), ==, 1);
  g_assert_true (gtk_widget_get_ancestor (GTK_WIDGET (f->window->flags_view), GTK_TYPE_GRID_VIEW) ==
                 GTK_WIDGET (f->window->history_view));
  more = find_named (GTK_WIDGET (f->window->flags_view), "more-alerts");
  g_assert_nonnull (more);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (more)), ==, "Show 4 More Alerts");
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_VERTICAL, 900, &min_after, &nat_after, NULL, NULL);
  g_assert_cmpint (min_after, <=, min_before);
  g_assert_cmpint (nat_after, <=, nat_before);

  /* Unfolded, the window stays as it was: the list scrolls instead. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  spin (100);
  g_signal_emit_by_name (more, "clicked");
  spin (200);
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_VERTICAL, 900, &min_after, &nat_after, NULL, NULL);
  g_assert_cmpint (min_after, <=, min_before);
  g_assert_cmpint (nat_after, <=, nat_before);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), <=, 700);
  md_ui_test_screenshot (GTK_WIDGET (f->window), "alerts-unfolded");
  g_signal_emit_by_name (find_named (GTK_WIDGET (f->window->flags_view), "more-alerts"), "clicked");

  /* Phone-sized: the highest alert and episodes below it, in view together. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  spin (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 400);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), <=, 700);
  g_assert_cmpint (count_rows (f), >=, 1);
  md_ui_test_screenshot (GTK_WIDGET (f->window), "narrow-five-alerts");

  /* An episode at the top of the list is activated at its own position, the alerts are not. */
  g_signal_emit_by_name (f->window->history_view, "activate", 0);
  spin (50);
  g_assert_null (f->window->editor);
}

/* Ctrl+F: words in the notes, region, side and sign, combined, and cleared again. */
static void
test_search_and_filter (Fixture       *f,
                        gconstpointer  data)
{
  static const struct { MdRegion region; MdSide side; guint32 signs; const char *notes; } eps[] = {
    { MD_REGION_EYELID_LOWER, MD_SIDE_LEFT, 0, "After two coffees" },
    { MD_REGION_CHEEK, MD_SIDE_RIGHT, MD_BIT (MD_SIGN_PAIN), "Long day at work" },
    { MD_REGION_EYELID_LOWER, MD_SIDE_RIGHT, 0, "coffee again" },
    { MD_REGION_JAW, MD_SIDE_BOTH, MD_BIT (MD_SIGN_PAIN), NULL },
  };
  MdHistoryBar *bar = f->window->history_bar;
  GtkEditable *entry = md_history_bar_get_entry (bar);
  guint n_signs;
  const MdSign *order = md_signs_display_order (&n_signs);
  guint pain = 0;

  for (guint i = 0; i < G_N_ELEMENTS (eps); i++)
    {
      g_autoptr(MdEpisode) ep = md_test_episode (NOW - 600 - i * DAY);

      ep->regions = MD_BIT (eps[i].region);
      ep->side = eps[i].side;
      ep->signs = eps[i].signs;
      md_episode_set_notes (ep, eps[i].notes);
      g_assert_true (md_store_add_episode (f->store, ep, NULL));
    }
  for (guint i = 0; i < n_signs; i++)
    if (order[i] == MD_SIGN_PAIN)
      pain = i + 1;
  spin (50);

  g_assert_false (gtk_search_bar_get_search_mode (md_history_bar_get_search_bar (bar)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  spin (50);
  g_assert_true (gtk_search_bar_get_search_mode (md_history_bar_get_search_bar (bar)));
  g_assert_true (gtk_toggle_button_get_active (f->window->search_button));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (entry)));

  /* Words: any case, each must appear. */
  gtk_editable_set_text (entry, "COFFEE");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, 2);
  g_assert_cmpstr (md_history_bar_get_status (bar), ==, "2 episodes match");
  gtk_editable_set_text (entry, "coffee again");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, 1);
  g_assert_cmpstr (md_history_bar_get_status (bar), ==, "1 episode matches");
  gtk_editable_set_text (entry, "");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, 4);
  g_assert_null (md_history_bar_get_status (bar));

  /* Each filter, then combined with the others and with words. */
  gtk_drop_down_set_selected (md_history_bar_get_dropdown (bar, 0), MD_REGION_EYELID_LOWER + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, 2);
  gtk_drop_down_set_selected (md_history_bar_get_dropdown (bar, 1), MD_SIDE_RIGHT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, 1);
  gtk_drop_down_set_selected (md_history_bar_get_dropdown (bar, 0), 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, 2);
  gtk_drop_down_set_selected (md_history_bar_get_dropdown (bar, 2), pain);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, 1);
  gtk_drop_down_set_selected (md_history_bar_get_dropdown (bar, 1), 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, 2);
  gtk_editable_set_text (entry, "work");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, 1);
  md_ui_test_screenshot (GTK_WIDGET (f->window), "search-filter");

  /* Nothing passes: a page that says so, with the way back. It is built (and its big icon, an
   * SVG, loaded) only now that it is shown. */
  g_assert_null (gtk_stack_get_child_by_name (f->window->stack, "no-matches"));
  gtk_editable_set_text (entry, "holiday");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->stack), ==, "no-matches");
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (f->window->stack, "no-matches"))), ==, "edit-find-symbolic");
  g_assert_cmpstr (md_history_bar_get_status (bar), ==, "0 episodes match");

  /* Show All clears everything and closes the search. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-all", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, 4);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->stack), ==, "history");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpuint (gtk_drop_down_get_selected (md_history_bar_get_dropdown (bar, 2)), ==, 0);
  g_assert_false (gtk_search_bar_get_search_mode (md_history_bar_get_search_bar (bar)));

  /* Closing the search (the toggle, or Escape) clears what was typed and chosen in it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  gtk_drop_down_set_selected (md_history_bar_get_dropdown (bar, 1), MD_SIDE_BOTH);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, 1);
  gtk_toggle_button_set_active (f->window->search_button, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, 4);
  g_assert_cmpuint (gtk_drop_down_get_selected (md_history_bar_get_dropdown (bar, 1)), ==, 0);
}

static gboolean
summary_open (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (MD_IS_SUMMARY_DIALOG (w) && gtk_widget_get_mapped (GTK_WIDGET (w)))
        return TRUE;
    }
  return FALSE;
}

static void
test_summary_action (Fixture       *f,
                     gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.summary", NULL));
  g_assert_true (wait_for (f, summary_open));
}

/* Narrow: the title in the header bar, the view switcher at the bottom. */
static gboolean
switcher_at_bottom (Fixture *f)
{
  return f->window->switcher_bar != NULL && adw_view_switcher_bar_get_reveal (f->window->switcher_bar) &&
         gtk_widget_get_mapped (f->window->window_title);
}

static gboolean
switcher_at_top (Fixture *f)
{
  return !adw_view_switcher_bar_get_reveal (f->window->switcher_bar) &&
         adw_squeezer_get_visible_child (f->window->title_squeezer) != f->window->window_title;
}

static void
test_narrow_with_alerts (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 2 * DAY);
  gboolean animations = TRUE;

  /* A phone-sized window still fits, alerts and all. */
  ep->signs = MD_BIT (MD_SIGN_PAIN);
  g_assert_true (md_store_add_episode (f->store, ep, NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->flags_view)));
  /* Wide: the view switcher is in the header bar, and no bar is made for the bottom. */
  g_assert_null (f->window->switcher_bar);
  g_assert_false (adw_squeezer_get_visible_child (f->window->title_squeezer) == f->window->window_title);
  /* No cross-fade half-way in the picture. */
  g_object_get (gtk_settings_get_default (), "gtk-enable-animations", &animations, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  g_assert_true (wait_for (f, switcher_at_bottom));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 400);
  md_ui_test_screenshot (GTK_WIDGET (f->window), "narrow-with-alerts");
  /* Wide again: the switcher is back at the top. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  g_assert_true (wait_for (f, switcher_at_top));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", animations, NULL);
}

static void
test_save_insensitive (Fixture       *f,
                       gconstpointer  data)
{
  MdEpisodeEditor *editor = open_new_editor (f);
  g_autoptr(GString) long_notes = g_string_new (NULL);

  g_assert_false (save_enabled (editor));
  gtk_check_button_set_active (editor->region_checks[MD_REGION_JAW], TRUE);
  g_assert_true (save_enabled (editor));
  gtk_check_button_set_active (editor->region_checks[MD_REGION_JAW], FALSE);
  g_assert_false (save_enabled (editor));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor->where_error)));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (editor->where_error), "Face region"));

  /* Too long notes: Save goes off and the message sits under the notes. */
  gtk_check_button_set_active (editor->region_checks[MD_REGION_JAW], TRUE);
  for (int i = 0; i < MD_NOTES_MAX_CHARS + 1; i++)
    g_string_append_c (long_notes, 'a');
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor->notes_view), long_notes->str, -1);
  g_assert_false (save_enabled (editor));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor->notes_error)));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (editor->notes_error), "Notes"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->where_error)));

  /* A start in the future is refused under the date. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor->notes_view), "", -1);
  g_assert_true (save_enabled (editor));
  gtk_spin_button_set_value (editor->hour_spin, 23);
  g_assert_false (save_enabled (editor));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor->when_error)));

  /* Activating the disabled action saves nothing. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin (50);
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 0);
  click (editor->cancel_button);
  /* The form was filled in: Cancel asks before discarding it. */
  spin (50);
  g_assert_nonnull (editor);
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (editor))
        adw_message_dialog_response (l->data, "discard");
  }
  g_assert_true (wait_for (f, editor_closed));
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 0);
}

static void
test_face_clicks (Fixture       *f,
                  gconstpointer  data)
{
  MdEpisodeEditor *editor = open_new_editor (f);
  GtkWidget *picker = GTK_WIDGET (editor->face_picker);
  double w, h, x, y;
  g_autoptr(MdEpisode) ep = NULL;

  g_assert_true (wait_for (f, picker_allocated));
  w = gtk_widget_get_width (picker);
  h = gtk_widget_get_height (picker);

  g_assert_cmpint (w, >, 100);
  md_face_map_region_point (w, h, MD_REGION_CHEEK, MD_SIDE_LEFT, &x, &y);
  g_assert_true (md_face_picker_click_at (editor->face_picker, x, y));
  g_assert_true (gtk_check_button_get_active (editor->region_checks[MD_REGION_CHEEK]));
  g_assert_cmpuint (adw_combo_row_get_selected (editor->side_row), ==, 0);  /* Your left */

  md_face_map_region_point (w, h, MD_REGION_CHIN, MD_SIDE_RIGHT, &x, &y);
  g_assert_true (md_face_picker_click_at (editor->face_picker, x, y));
  g_assert_cmpuint (adw_combo_row_get_selected (editor->side_row), ==, 2);  /* Both */
  g_assert_false (md_face_picker_click_at (editor->face_picker, 1, 1));

  md_face_map_region_point (w, h, MD_REGION_CHEEK, MD_SIDE_LEFT, &x, &y);
  g_assert_true (md_face_picker_click_at (editor->face_picker, x, y));
  g_assert_false (gtk_check_button_get_active (editor->region_checks[MD_REGION_CHEEK]));
  g_assert_cmpuint (adw_combo_row_get_selected (editor->side_row), ==, 1);  /* Your right */

  ep = md_episode_editor_build_episode (editor);
  g_assert_cmphex (ep->regions, ==, MD_BIT (MD_REGION_CHIN));
  g_assert_cmpint (ep->side, ==, MD_SIDE_RIGHT);
  g_assert_cmpint (ep->duration_s, ==, MD_UNKNOWN);
  g_assert_cmpint (ep->intensity, ==, MD_UNKNOWN);
  g_assert_cmpint (ep->start_utc, ==, NOW);  /* now (NOW is on a whole minute) */
}

static void
test_timer (Fixture       *f,
            gconstpointer  data)
{
  MdEpisodeEditor *editor = open_new_editor (f);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->timer_label)));
  click (GTK_WIDGET (editor->timer_button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor->timer_label)));
  g_assert_cmpstr (gtk_label_get_label (editor->timer_label), ==, "0:00");
  spin (1400);
  g_assert_cmpstr (gtk_label_get_label (editor->timer_label), ==, "0:01");
  click (GTK_WIDGET (editor->timer_button));
  /* Stop fills the duration in seconds. */
  g_assert_cmpuint (gtk_drop_down_get_selected (editor->unit_dropdown), ==, 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (editor->duration_spin), ==, 1);
}

static void
test_edit_episode (Fixture       *f,
                   gconstpointer  data)
{
  gint64 id = add_episode (f, NOW - 3600);
  MdEpisodeEditor *editor;
  g_autoptr(MdEpisode) ep = NULL;

  spin (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->stack), ==, "history");
  /* Activating the row opens it for editing. */
  g_signal_emit_by_name (f->window->history_view, "activate", g_list_model_get_n_items (G_LIST_MODEL (f->window->header)));
  g_assert_true (wait_for (f, editor_open));
  editor = f->window->editor;
  g_assert_true (gtk_widget_get_visible (editor->delete_button));
  g_assert_true (gtk_check_button_get_active (editor->region_checks[MD_REGION_EYELID_LOWER]));
  g_assert_cmpuint (adw_combo_row_get_selected (editor->side_row), ==, 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (editor->duration_spin), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (editor->unit_dropdown), ==, 1);
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (editor->intensity_scale)), ==, 3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (editor->hour_spin), ==, 8);

  gtk_range_set_value (GTK_RANGE (editor->intensity_scale), 9);
  gtk_check_button_set_active (editor->region_checks[MD_REGION_MOUTH_CORNER], TRUE);
  gtk_check_button_set_active (editor->intensity_unset, FALSE);
  click (editor->save_button);
  g_assert_true (wait_for (f, editor_closed));

  ep = only_episode (f);
  g_assert_cmpint (ep->id, ==, id);
  g_assert_cmpint (ep->start_utc, ==, NOW - 3600);
  g_assert_cmpint (ep->intensity, ==, 9);
  g_assert_cmphex (ep->regions, ==, MD_BIT (MD_REGION_EYELID_LOWER) | MD_BIT (MD_REGION_MOUTH_CORNER));
  g_assert_cmpint (ep->side, ==, MD_SIDE_LEFT);
  g_assert_cmpint (ep->duration_s, ==, 60);
  g_assert_cmpstr (md_episode_row_get_summary (row_for_id (f, id)), ==, "Lower eyelid, Corner of the mouth");
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  gint64 keep = add_episode (f, NOW - 2 * DAY);
  gint64 id = add_episode (f, NOW - 600);
  g_autoptr(MdEpisode) before = md_store_get_episode (f->store, id, NULL);
  g_autoptr(MdEpisode) after = NULL;
  MdEpisodeEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-episode", "x", id));
  g_assert_true (wait_for (f, editor_open));
  editor = f->window->editor;
  click (editor->delete_button);
  g_assert_true (wait_for (f, editor_closed));
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 1);
  g_assert_null (md_store_get_episode (f->store, id, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, 1);
  g_assert_nonnull (f->window->undo_toast);

  /* The toast's Undo button runs win.undo, the action Ctrl+Z is bound to. */
  g_assert_cmpstr (adw_toast_get_action_name (f->window->undo_toast), ==, "win.undo");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (20);
  after = md_store_get_episode (f->store, id, NULL);
  g_assert_nonnull (after);
  g_assert_cmpint (after->id, ==, id);
  g_assert_cmpint (after->start_utc, ==, before->start_utc);
  g_assert_cmpint (after->created_utc, ==, before->created_utc);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, 2);
  g_assert_nonnull (row_for_id (f, id));
  g_assert_nonnull (row_for_id (f, keep));

  /* The row menu's delete, and deleting everything brings the status page back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-episode", "x", id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-episode", "x", keep));
  spin (20);
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->stack), ==, "empty");
  /* Undo puts back the last one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-delete", NULL));
  spin (20);
  g_assert_nonnull (md_store_get_episode (f->store, keep, NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->stack), ==, "history");
}

/* Ctrl+Z after an edit puts the episode back as it was. */
static void
test_edit_undo (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = add_episode (f, NOW - 600);
  g_autoptr(MdEpisode) before = md_store_get_episode (f->store, id, NULL);
  g_autoptr(MdEpisode) changed = NULL;
  g_autoptr(MdEpisode) after = NULL;
  const char * const *accels = NULL;
  MdEpisodeEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-episode", "x", id));
  g_assert_true (wait_for (f, editor_open));
  editor = f->window->editor;
  gtk_range_set_value (GTK_RANGE (editor->intensity_scale), 9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (wait_for (f, editor_closed));
  changed = md_store_get_episode (f->store, id, NULL);
  g_assert_cmpint (changed->intensity, ==, 9);
  g_assert_nonnull (f->window->undo_toast);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (20);
  after = md_store_get_episode (f->store, id, NULL);
  g_assert_cmpint (after->intensity, ==, before->intensity);
  g_assert_cmpint (after->start_utc, ==, before->start_utc);
  g_assert_cmphex (after->regions, ==, before->regions);
  /* Once undone, nothing more to undo. */
  g_assert_null (f->window->edited);
  (void) accels;
}

static gboolean
has_action (GMenuModel *menu,
            int         index,
            const char *action)
{
  g_autofree char *name = NULL;

  return g_menu_model_get_item_attribute (menu, index, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
         g_strcmp0 (name, action) == 0;
}

static gboolean
long_label_cut (Fixture *f)
{
  return pango_layout_is_ellipsized (gtk_label_get_layout (f->long_label));
}

/* A row shows every sign (warning signs on their own line), a mark for a note, and its menu
 * button is named after its episode. */
static void
test_row_signs_note (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 3 * DAY);
  g_autoptr(MdEpisode) plain = md_test_episode (NOW - 4 * DAY);
  MdEpisodeRow *row;
  char *failed;

  ep->regions = MD_BIT (MD_REGION_EYELID_LOWER);
  ep->signs = MD_BIT (MD_SIGN_PAIN) | MD_BIT (MD_SIGN_EYELID_CLOSURE) | MD_BIT (MD_SIGN_NUMBNESS) |
              MD_BIT (MD_SIGN_DIZZINESS);
  md_episode_set_notes (ep, "After a long drive");
  ep->triggers = MD_BIT (MD_TRIGGER_CAFFEINE);
  g_assert_true (md_store_add_episode (f->store, ep, NULL));
  g_assert_true (md_store_add_episode (f->store, plain, NULL));
  row = row_for_id (f, ep->id);
  g_assert_nonnull (row);
  g_assert_cmpstr (md_episode_row_get_warning (row), ==, "Warning signs: Dizziness, Numbness");
  g_assert_nonnull (md_episode_row_get_signs (row));
  g_assert_true (g_str_has_prefix (md_episode_row_get_signs (row), "Signs: "));
  g_assert_nonnull (strstr (md_episode_row_get_signs (row), "Pain"));
  g_assert_true (gtk_widget_get_visible (md_episode_row_get_note_icon (row)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (md_episode_row_get_note_icon (row)), ==, "After a long drive");
  failed = gtk_test_accessible_check_property (GTK_ACCESSIBLE (md_episode_row_get_note_icon (row)),
                                               GTK_ACCESSIBLE_PROPERTY_LABEL, "Has a note");
  g_assert_null (failed);
  failed = gtk_test_accessible_check_property (GTK_ACCESSIBLE (md_episode_row_get_menu_button (row)),
                                               GTK_ACCESSIBLE_PROPERTY_LABEL, "Actions for 09:30, Lower eyelid");
  g_assert_null (failed);
  /* The lines are one line each, cut short when narrow; the card's accessible label says all,
   * and each line shows in full as its tooltip. */
  {
    GtkWidget *card = md_episode_row_get_card (row);

    g_assert_cmpstr (gtk_label_get_text (md_episode_row_get_text_label (row)), ==,
                     "Lower eyelid\nLeft · 1 min · intensity 3/10\nCaffeine");
    g_assert_true (gtk_widget_is_ancestor (card, GTK_WIDGET (row)));
    failed = gtk_test_accessible_check_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "09:30 Lower eyelid, Left · 1 min · intensity 3/10. "
                                                 "Possible triggers: Caffeine. Warning signs: Dizziness, Numbness. "
                                                 "Signs: Pain, Eyelid forced fully shut. Has a note.");
    if (failed != NULL)
      g_test_message ("%s", failed);
    g_assert_null (failed);
  }

  row = row_for_id (f, plain->id);
  g_assert_null (md_episode_row_get_signs (row));
  g_assert_null (md_episode_row_get_warning (row));
  g_assert_true (md_episode_row_get_note_icon (row) == NULL ||
                 !gtk_widget_get_visible (md_episode_row_get_note_icon (row)));

  /* On a narrow window each of the three lines is cut, not wrapped: still three lines. */
  ep->id = 0;
  ep->start_utc -= 3600;
  ep->regions = MD_BIT (MD_REGION_EYELID_UPPER) | MD_BIT (MD_REGION_EYELID_LOWER) | MD_BIT (MD_REGION_CHEEK) |
                MD_BIT (MD_REGION_MOUTH_CORNER) | MD_BIT (MD_REGION_CHIN);
  ep->triggers = MD_TRIGGERS_ALL;
  g_assert_true (md_store_add_episode (f->store, ep, NULL));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 600);
  f->long_label = md_episode_row_get_text_label (row_for_id (f, ep->id));
  g_assert_true (wait_for (f, long_label_cut));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (f->long_label)), ==, 3);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *changed)
{
  *changed += removed + added;
}

/* The list shows a screenful first, then the whole diary; after that a new episode changes
 * one item of the list (and the next row's day heading), never every item. */
static void
test_first_screen_then_all (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 60);
  guint changed = 0;
  gulong id;

  for (guint i = 0; i < 300; i++)
    g_ptr_array_add (many, md_test_episode (NOW - 3600 * (i + 1)));
  g_assert_true (md_store_add_episodes (f->store, many, FALSE, NULL, NULL, NULL));
  md_ui_test_flush ();
  g_assert_null (f->window->first_screen);
  g_assert_cmpuint (g_list_model_get_n_items (f->window->items), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (f->window->header)) + 300);

  id = g_signal_connect (f->window->items, "items-changed", G_CALLBACK (count_changes_cb), &changed);
  g_assert_true (md_diary_add_episode (f->diary, ep, NULL));   /* as the editor saves */
  md_ui_test_flush ();
  g_signal_handler_disconnect (f->window->items, id);
  g_assert_cmpuint (changed, >=, 1);
  g_assert_cmpuint (changed, <=, 4);
  g_assert_cmpuint (g_list_model_get_n_items (f->window->items), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (f->window->header)) + 301);
}

/* The main menu's popover is made when the menu is first opened (F10 or a click), with its
 * items; before that the window holds no popover for it. */
static void
test_main_menu_on_demand (Fixture       *f,
                          gconstpointer  data)
{
  GtkMenuButton *button = f->window->primary_button;
  GtkPopover *popover;

  g_assert_null (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_menu_button_get_primary (button));
  gtk_menu_button_popup (button);
  md_ui_test_flush ();
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (gtk_menu_button_get_menu_model (button) == f->window->primary_menu);
  g_assert_cmpint (g_menu_model_get_n_items (f->window->primary_menu), >, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_menu_button_popdown (button);
  md_ui_test_flush ();
  /* Opened again: the same popover. */
  gtk_menu_button_popup (button);
  g_assert_true (gtk_menu_button_get_popover (button) == popover);
  gtk_menu_button_popdown (button);
}

/* A row bound again to the episode it shows, under the same heading, is left as it is (GTK
 * 4.8 binds every row again when a save moves them); a new heading or episode updates it. */
static void
test_row_bind_unchanged (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(MdEpisode) a = md_test_episode (NOW - DAY);
  g_autoptr(MdEpisode) b = md_test_episode (NOW - 2 * DAY);
  g_autoptr(MdEpisodeObject) oa = NULL;
  g_autoptr(MdEpisodeObject) ob = NULL;
  GtkWidget *row = g_object_ref_sink (md_episode_row_new ());
  GtkLabel *text = md_episode_row_get_text_label (MD_EPISODE_ROW (row));
  g_autofree char *shown = NULL;

  a->regions = MD_BIT (MD_REGION_CHIN);
  b->regions = MD_BIT (MD_REGION_JAW);
  oa = md_episode_object_new (g_steal_pointer (&a));
  ob = md_episode_object_new (g_steal_pointer (&b));
  md_episode_row_bind (MD_EPISODE_ROW (row), oa, "Yesterday");
  shown = g_strdup (gtk_label_get_text (text));
  g_assert_true (g_str_has_prefix (shown, "Chin\n"));
  gtk_label_set_text (text, "marker");
  md_episode_row_bind (MD_EPISODE_ROW (row), oa, "Yesterday");
  g_assert_cmpstr (gtk_label_get_text (text), ==, "marker");
  md_episode_row_bind (MD_EPISODE_ROW (row), oa, NULL);
  g_assert_cmpstr (gtk_label_get_text (text), ==, shown);
  g_assert_null (md_episode_row_get_header (MD_EPISODE_ROW (row)));
  md_episode_row_bind (MD_EPISODE_ROW (row), ob, NULL);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (text), "Jaw\n"));
  g_object_unref (row);
}

/* What most starts never show is made when first needed: the search, the filter status line,
 * the work bar, the read-only notice, the switcher at the bottom, the "no matches" page, the
 * keyboard shortcuts window. */
static void
test_made_when_needed (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *bar = GTK_WIDGET (f->window->history_bar);
  GtkWidget *search_bar, *entry;

  g_assert_null (gtk_widget_get_first_child (bar));
  g_assert_null (f->window->work_bar);
  g_assert_null (f->window->read_only_bar);
  g_assert_null (f->window->switcher_bar);
  g_assert_null (gtk_stack_get_child_by_name (f->window->stack, "no-matches"));
  g_assert_nonnull (gtk_stack_get_child_by_name (f->window->stack, "empty"));

  /* Ctrl+F makes the search, opens it and puts the keyboard in its entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  search_bar = gtk_widget_get_first_child (bar);
  g_assert_true (GTK_IS_SEARCH_BAR (search_bar));
  g_assert_null (gtk_widget_get_next_sibling (search_bar));   /* no status line yet */
  g_assert_true (md_history_bar_get_search_mode (f->window->history_bar));
  g_assert_true (gtk_toggle_button_get_active (f->window->search_button));
  entry = find_type (search_bar, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (f->window)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry) ||
                 gtk_root_get_focus (GTK_ROOT (f->window)) == entry);
  /* Closed, it stays made; the button opens the same one again; closing made no status line. */
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (search_bar), FALSE);
  g_assert_false (gtk_toggle_button_get_active (f->window->search_button));
  gtk_toggle_button_set_active (f->window->search_button, TRUE);
  g_assert_true (gtk_widget_get_first_child (bar) == search_bar);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
  gtk_toggle_button_set_active (f->window->search_button, FALSE);
  g_assert_null (gtk_widget_get_next_sibling (search_bar));
  g_assert_null (md_history_bar_get_status (f->window->history_bar));

  /* The keyboard shortcuts window: made at the first Ctrl+?, the same one after. */
  g_assert_null (f->window->shortcuts);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (f->window->shortcuts));
  g_assert_true (gtk_window_get_transient_for (f->window->shortcuts) == GTK_WINDOW (f->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->shortcuts)));
  {
    GtkWindow *first = f->window->shortcuts;

    gtk_window_close (first);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (first)));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
    g_assert_true (f->window->shortcuts == first);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (first)));
  }

  /* A search that matches nothing: the page made for it names its button once for a screen
   * reader (mnemonic stripped, no second name from its label). */
  gtk_editable_set_text (GTK_EDITABLE (entry), "holiday");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->stack), ==, "no-matches");
  {
    GtkWidget *button = find_type (gtk_stack_get_child_by_name (f->window->stack, "no-matches"), GTK_TYPE_BUTTON);
    char *failed = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                       "Show All Episodes");

    if (failed != NULL)
      g_test_message ("%s", failed);
    g_assert_null (failed);
    g_free (failed);
    g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  }
}

/* An alert's episodes shown before the search was ever opened: the status line is made then,
 * and the search made later marks its Filter button as in use. */
static void
test_evidence_before_search (Fixture       *f,
                             gconstpointer  data)
{
  MdHistoryBar *bar = f->window->history_bar;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = add_episode (f, NOW - DAY);
  GtkWidget *filter_button;
  char *failed;

  add_episode (f, NOW - 2 * DAY);
  g_array_append_val (ids, id);
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (bar)));
  md_history_bar_show_evidence (bar, ids);
  g_assert_cmpstr (md_history_bar_get_status (bar), ==, "Showing the 1 episode behind this alert");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, 1);
  failed = gtk_test_accessible_check_property (GTK_ACCESSIBLE (find_type (GTK_WIDGET (bar), GTK_TYPE_BUTTON)),
                                               GTK_ACCESSIBLE_PROPERTY_LABEL, "Show all episodes");
  if (failed != NULL)
    g_test_message ("%s", failed);
  g_assert_null (failed);
  g_free (failed);
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (find_type (GTK_WIDGET (bar), GTK_TYPE_BUTTON)),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  filter_button = find_type (GTK_WIDGET (md_history_bar_get_search_bar (bar)), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (filter_button);
  g_assert_true (gtk_widget_has_css_class (filter_button, "accent"));
}

/* "Today" and "2 hours ago" do not go stale: the minute timer redraws them after midnight. */
static void
test_relative_times (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = add_episode (f, NOW - 600);
  MdEpisodeRow *row = row_for_id (f, id);
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 3600);

  g_assert_cmpstr (md_episode_row_get_header (row), ==, "Today");
  ep->signs = MD_BIT (MD_SIGN_PAIN);
  g_assert_true (md_store_add_episode (f->store, ep, NULL));
  spin (50);
  g_assert_nonnull (strstr (((MdFlag *) g_ptr_array_index (md_diary_get_alerts (f->diary), 0))->message, "(1 hour ago)"));

  /* The clock moves on by a day without any write. */
  md_store_set_now (f->store, NOW + DAY);
  md_window_clock_tick (f->window);
  spin (100);
  row = row_for_id (f, id);
  g_assert_cmpstr (md_episode_row_get_header (row), ==, "Yesterday");
  g_assert_nonnull (strstr (((MdFlag *) g_ptr_array_index (md_diary_get_alerts (f->diary), 0))->message, "(25 hours ago)"));
  g_assert_nonnull (strstr (((MdFlag *) g_ptr_array_index (md_flags_view_get_flags (f->window->flags_view), 0))->message,
                            "(25 hours ago)"));
}

static void
test_row_menu (Fixture       *f,
               gconstpointer  data)
{
  gint64 keep = add_episode (f, NOW - 3600);
  gint64 id = add_episode (f, NOW - 60);
  MdEpisodeRow *row = row_for_id (f, id);
  GtkMenuButton *button;
  GMenuModel *menu;

  g_assert_nonnull (row);
  button = md_episode_row_get_menu_button (row);
  g_assert_null (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  spin (20);
  g_assert_nonnull (gtk_menu_button_get_popover (button));
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_assert_true (has_action (menu, 0, "row.edit"));
  g_assert_true (has_action (menu, 1, "row.delete"));
  gtk_menu_button_popdown (button);

  /* Edit opens the editor on this episode. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.edit", NULL));
  g_assert_true (wait_for (f, editor_open));
  g_assert_nonnull (f->window->editor->original);
  g_assert_cmpint (f->window->editor->original->id, ==, id);
  gtk_window_destroy (GTK_WINDOW (f->window->editor));
  g_assert_true (wait_for (f, editor_closed));

  /* Delete removes this one, and the toast offers Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.delete", NULL));
  spin (20);
  g_assert_null (md_store_get_episode (f->store, id, NULL));
  g_assert_nonnull (md_store_get_episode (f->store, keep, NULL));
  g_assert_nonnull (f->window->undo_toast);
}

static void
test_day_headers (Fixture       *f,
                  gconstpointer  data)
{
  gint64 today_late = add_episode (f, NOW - 60);
  gint64 today_early = add_episode (f, NOW - 9 * 3600);
  gint64 yesterday = add_episode (f, NOW - DAY);
  gint64 older = add_episode (f, NOW - 7 * DAY);

  g_assert_cmpstr (md_episode_row_get_header (row_for_id (f, today_late)), ==, "Today");
  g_assert_null (md_episode_row_get_header (row_for_id (f, today_early)));
  g_assert_cmpstr (md_episode_row_get_header (row_for_id (f, yesterday)), ==, "Yesterday");
  g_assert_cmpstr (md_episode_row_get_header (row_for_id (f, older)), ==, "Monday 10 March 2025");
  g_assert_null (md_episode_row_get_warning (row_for_id (f, older)));
}

static void
test_large_diary (Fixture       *f,
                  gconstpointer  data)
{
  const guint N = 50000;
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEpisodeObject) last = NULL;
  guint added = 0, skipped = 0;
  gint64 t0;

  for (guint i = 0; i < N; i++)
    g_ptr_array_add (many, md_test_episode (NOW - (gint64) i * 1800));
  g_assert_true (md_store_add_episodes (f->store, many, FALSE, &added, &skipped, &error));
  g_assert_cmpuint (added, ==, N);

  t0 = g_get_monotonic_time ();
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)), ==, N);
  /* Only the pages around what is shown are loaded, not 500. */
  g_assert_cmpuint (md_history_model_get_cached_pages (f->window->model), <=, 4);
  last = g_list_model_get_item (G_LIST_MODEL (f->window->model), N - 1);
  g_assert_cmpint (md_episode_object_get_episode (last)->start_utc, ==, NOW - (gint64) (N - 1) * 1800);
  g_assert_cmpuint (md_history_model_get_cached_pages (f->window->model), <=, 5);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 3 * G_USEC_PER_SEC);
}

/* Renders a toplevel to PNG the way the compositor would see it. */
static void
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  const char *dir = g_getenv ("MD_SCREENSHOT_DIR");
  g_autofree char *main_png = NULL;
  g_autofree char *empty_png = NULL;
  g_autofree char *form_png = NULL;
  g_autofree char *form2_png = NULL;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  MdEpisodeEditor *editor;
  static const struct { gint64 ago; guint32 regions; MdSide side; gint64 dur; int inten; guint32 signs; guint32 trig; } eps[] = {
    { 1200, MD_BIT (MD_REGION_EYELID_LOWER), MD_SIDE_LEFT, 45, 3, 0, MD_BIT (MD_TRIGGER_CAFFEINE) | MD_BIT (MD_TRIGGER_POOR_SLEEP) },
    { 5 * 3600, MD_BIT (MD_REGION_EYELID_UPPER) | MD_BIT (MD_REGION_CHEEK), MD_SIDE_LEFT, 180, 5, 0, 0 },
    { DAY + 3 * 3600, MD_BIT (MD_REGION_MOUTH_CORNER), MD_SIDE_RIGHT, 600, 7, MD_BIT (MD_SIGN_SPEECH_DIFFICULTY), MD_BIT (MD_TRIGGER_STRESS) },
    { DAY + 8 * 3600, MD_BIT (MD_REGION_EYELID_LOWER), MD_SIDE_LEFT, MD_UNKNOWN, MD_UNKNOWN, 0, 0 },
    { 3 * DAY, MD_BIT (MD_REGION_AROUND_EYE), MD_SIDE_BOTH, 5400, 4, MD_BIT (MD_SIGN_PAIN), MD_BIT (MD_TRIGGER_HOT_FLASH) },
  };

  if (dir == NULL)
    {
      g_test_skip ("set MD_SCREENSHOT_DIR to write screenshots");
      return;
    }
  gtk_css_provider_load_from_resource (css, "/io/github/menodiary/Menodiary/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  /* What GtkApplication does for its resource base path. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/menodiary/Menodiary/icons");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  spin (300);
  empty_png = g_build_filename (dir, "empty.png", NULL);
  save_png (GTK_WIDGET (f->window), empty_png);

  for (guint i = 0; i < G_N_ELEMENTS (eps); i++)
    {
      g_autoptr(MdEpisode) ep = md_test_episode (NOW - eps[i].ago);

      ep->regions = eps[i].regions;
      ep->side = eps[i].side;
      ep->duration_s = eps[i].dur;
      ep->intensity = eps[i].inten;
      ep->signs = eps[i].signs;
      ep->triggers = eps[i].trig;
      g_assert_true (md_store_add_episode (f->store, ep, NULL));
    }
  spin (300);
  main_png = g_build_filename (dir, "main.png", NULL);
  save_png (GTK_WIDGET (f->window), main_png);

  editor = open_new_editor (f);
  gtk_window_set_default_size (GTK_WINDOW (editor), 620, 1000);
  gtk_check_button_set_active (editor->region_checks[MD_REGION_EYELID_LOWER], TRUE);
  gtk_check_button_set_active (editor->region_checks[MD_REGION_CHEEK], TRUE);
  adw_combo_row_set_selected (editor->side_row, 0);
  spin (300);
  form_png = g_build_filename (dir, "form.png", NULL);
  save_png (GTK_WIDGET (editor), form_png);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (editor->signs_group), GTK_TYPE_SCROLLED_WINDOW))), 900);
  spin (300);
  form2_png = g_build_filename (dir, "form-bottom.png", NULL);
  save_png (GTK_WIDGET (editor), form2_png);
}

int
main (int argc, char **argv)
{
  /* The test AT context: accessible labels can be read back, and no session bus is needed. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  md_ui_test_init (&argc, &argv);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/window/log-episode", test_log_episode);
  ADD ("/window/save-insensitive", test_save_insensitive);
  ADD ("/window/emergency-on-save", test_emergency_on_save);
  ADD ("/window/signs-explanation", test_signs_explanation);
  ADD ("/window/old-drooping-sign", test_old_drooping_sign);
  ADD ("/window/show-episodes-filters", test_show_episodes_filters);
  ADD ("/window/alerts-in-list", test_alerts_in_list);
  ADD ("/window/search-and-filter", test_search_and_filter);
  ADD ("/window/summary-action", test_summary_action);
  ADD ("/window/narrow-with-alerts", test_narrow_with_alerts);
  ADD ("/window/face-clicks", test_face_clicks);
  ADD ("/window/timer", test_timer);
  ADD ("/window/edit-episode", test_edit_episode);
  ADD ("/window/delete-undo", test_delete_undo);
  ADD ("/window/edit-undo", test_edit_undo);
  ADD ("/window/row-menu", test_row_menu);
  ADD ("/window/row-signs-note", test_row_signs_note);
  ADD ("/window/made-when-needed", test_made_when_needed);
  ADD ("/window/row-bind-unchanged", test_row_bind_unchanged);
  ADD ("/window/evidence-before-search", test_evidence_before_search);
  ADD ("/window/main-menu-on-demand", test_main_menu_on_demand);
  ADD ("/window/first-screen-then-all", test_first_screen_then_all);
  ADD ("/window/relative-times", test_relative_times);
  ADD ("/window/day-headers", test_day_headers);
  ADD ("/window/large-diary", test_large_diary);
  ADD ("/window/screenshots", test_screenshots);
#undef ADD

  return g_test_run ();
}
