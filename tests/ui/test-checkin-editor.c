/* test-checkin-editor.c: the daily check-in form, driven through its widgets (under Xvfb). */
#include "config.h"

#include "md-diary.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "md-application.h"
#include "md-checkin-csv.h"
#include "md-checkin-editor.h"
#include "md-test-utils.h"
#include "md-ui-test-utils.h"

#define TODAY 20178

typedef struct {
  char            *dir;
  MdStore         *store;
  MdDiary         *diary;
  MdCheckinEditor *editor;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  const char *supps[] = { "Magnesium", "Vitamin D", NULL };

  f->store = md_test_store_new (&f->dir);
  f->diary = md_diary_new (f->store);
  f->editor = md_checkin_editor_new (NULL, f->diary, supps, TODAY);
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
  gtk_window_present (GTK_WINDOW (f->editor));
}

static void
teardown (Fixture *f, gconstpointer data)
{
  if (f->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (f->editor));
  g_clear_object (&f->diary);
  g_clear_object (&f->store);
  md_test_rmdir (f->dir);
  g_free (f->dir);
}

static GtkWidget *
find_by_type_and_label (GtkWidget  *root,
                        GType       type,
                        const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_by_type_and_label (child, type, title)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_first (GtkWidget *root,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_first (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static GtkSpinButton *
spin_in_row (Fixture *f, const char *title)
{
  GtkWidget *row = find_by_type_and_label (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return GTK_SPIN_BUTTON (find_first (row, GTK_TYPE_SPIN_BUTTON));
}

static void
type_into_spin (GtkSpinButton *spin, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_spin_button_update (spin);
}

static void
test_fill_and_save (Fixture *f, gconstpointer data)
{
  g_autoptr(MdCheckin) back = NULL;
  GtkWidget *row;

  type_into_spin (spin_in_row (f, "_Hours slept"), "5.5");
  type_into_spin (spin_in_row (f, "_Caffeine"), "4");
  type_into_spin (spin_in_row (f, "_Water"), "3");
  type_into_spin (spin_in_row (f, "_Stress"), "8");
  row = find_by_type_and_label (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW, "Vitamin D");
  g_assert_nonnull (row);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_first (row, GTK_TYPE_CHECK_BUTTON)), TRUE);
  row = find_by_type_and_label (GTK_WIDGET (f->editor), ADW_TYPE_COMBO_ROW, "Sleep _quality");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  row = find_by_type_and_label (GTK_WIDGET (f->editor), ADW_TYPE_ENTRY_ROW, "Started today");
  gtk_editable_set_text (GTK_EDITABLE (row), "  HRT patch  ");

  md_ui_test_screenshot (GTK_WIDGET (f->editor), "checkin-editor");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "checkin.save", NULL));

  /* Saving closes the form. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (f->editor);
  back = md_store_get_checkin (f->store, TODAY, NULL);
  g_assert_nonnull (back);
  g_assert_cmpint (back->sleep_min, ==, 330);
  g_assert_cmpint (back->sleep_quality, ==, 2);
  g_assert_cmpint (back->caffeine_cups, ==, 4);
  g_assert_cmpint (back->caffeine_mg, ==, MD_UNKNOWN);
  g_assert_cmpint (back->water_glasses, ==, 3);
  g_assert_cmpint (back->stress, ==, 8);
  g_assert_cmpint (back->hot_flashes, ==, MD_UNKNOWN);
  g_assert_true (md_checkin_took (back, "Vitamin D"));
  g_assert_false (md_checkin_took (back, "Magnesium"));
  g_assert_cmpstr (back->medicines_started, ==, "HRT patch");
  g_assert_null (back->note);
}

static void
test_unanswered_stays_unknown (Fixture *f, gconstpointer data)
{
  g_autoptr(MdCheckin) back = NULL;
  GtkSpinButton *stress = spin_in_row (f, "_Stress");

  /* "Not answered" is shown, and zero is a real answer distinct from it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (stress)), ==, "Not answered");
  type_into_spin (spin_in_row (f, "Hot _flashes"), "0");
  g_assert_true (md_checkin_editor_save (f->editor, NULL));
  back = md_store_get_checkin (f->store, TODAY, NULL);
  g_assert_cmpint (back->stress, ==, MD_UNKNOWN);
  g_assert_cmpint (back->hot_flashes, ==, 0);
  g_assert_cmpint (back->sleep_min, ==, MD_UNKNOWN);
}

static void
test_earlier_day_loads_and_edits (Fixture *f, gconstpointer data)
{
  g_autoptr(MdCheckin) stored = md_checkin_new (TODAY - 2);
  g_autoptr(MdCheckin) back = NULL;

  stored->water_glasses = 7;
  g_assert_true (md_store_put_checkin (f->store, stored, NULL));
  g_assert_false (md_checkin_editor_set_day (f->editor, TODAY + 1));
  g_assert_true (md_checkin_editor_set_day (f->editor, TODAY - 2));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin_in_row (f, "_Water")), ==, 7);
  type_into_spin (spin_in_row (f, "_Stress"), "2");
  g_assert_true (md_checkin_editor_save (f->editor, NULL));
  back = md_store_get_checkin (f->store, TODAY - 2, NULL);
  g_assert_cmpint (back->water_glasses, ==, 7);
  g_assert_cmpint (back->stress, ==, 2);
  g_assert_null (md_store_get_checkin (f->store, TODAY, NULL));
}

/* A check-in older than a week: picked from the calendar beside the day list, loaded, saved. */
static void
test_old_day_from_calendar (Fixture *f, gconstpointer data)
{
  g_autoptr(MdCheckin) stored = md_checkin_new (TODAY - 40);
  g_autoptr(MdCheckin) back = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc ((TODAY - 40) * 86400);
  GtkCalendar *calendar = NULL;
  GtkWidget *stack[256];
  guint n = 0;

  stored->stress = 6;
  g_assert_true (md_store_put_checkin (f->store, stored, NULL));
  /* The calendar lives in the day row's popover: find it and pick the day as a click would. */
  stack[n++] = GTK_WIDGET (f->editor);
  while (n > 0 && calendar == NULL)
    {
      GtkWidget *w = stack[--n];

      if (GTK_IS_MENU_BUTTON (w) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (w)) != NULL &&
          GTK_IS_CALENDAR (gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (w)))))
        calendar = GTK_CALENDAR (gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (w))));
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && n < G_N_ELEMENTS (stack); c = gtk_widget_get_next_sibling (c))
        stack[n++] = c;
    }
  g_assert_nonnull (calendar);
  gtk_calendar_select_day (calendar, date);
  g_assert_cmpint (md_checkin_editor_get_day (f->editor), ==, TODAY - 40);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin_in_row (f, "_Stress")), ==, 6);
  type_into_spin (spin_in_row (f, "_Water"), "4");
  g_assert_true (md_checkin_editor_save (f->editor, NULL));
  back = md_store_get_checkin (f->store, TODAY - 40, NULL);
  g_assert_cmpint (back->stress, ==, 6);
  g_assert_cmpint (back->water_glasses, ==, 4);
  /* A day in the future cannot be chosen. */
  g_assert_false (md_checkin_editor_set_day (f->editor, TODAY + 1));
  g_assert_cmpint (md_checkin_editor_get_day (f->editor), ==, TODAY - 40);
}

/* Every byte of every check-in row, to compare before and after. */
static char *
dump_checkins (MdStore *store)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (md_store_get_db (store), "SELECT * FROM checkin ORDER BY day",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const void *bytes = sqlite3_column_blob (stmt, i);
          int n = sqlite3_column_bytes (stmt, i);

          g_string_append_printf (out, "%s=%d:", sqlite3_column_name (stmt, i), sqlite3_column_type (stmt, i));
          if (bytes != NULL)
            g_string_append_len (out, bytes, n);
          g_string_append_c (out, '|');
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

/* Equal dumps, or the first row that differs. */
static void
assert_same_rows (const char *now,
                  const char *before)
{
  g_auto(GStrv) a = g_strsplit (now, "\n", -1);
  g_auto(GStrv) b = g_strsplit (before, "\n", -1);

  for (guint i = 0; a[i] != NULL && b[i] != NULL; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
  g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
}

/* Her own symptoms as Preferences lists them ("brain fog" is stored in another case below). */
static const char * const symptom_names[] = { "Brain fog", "A", "Joint pain", NULL };

/* Opens a new form (the one from setup is closed) the way the window does, on @day. */
static void
reopen_on (Fixture    *f,
           gint64      day)
{
  const char *supps[] = { "Magnesium", "Vitamin D", NULL };

  if (f->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (f->editor));
  g_assert_null (f->editor);
  f->editor = md_checkin_editor_new (NULL, f->diary, supps, TODAY);
  md_checkin_editor_set_symptom_names (f->editor, symptom_names);
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
  gtk_window_present (GTK_WINDOW (f->editor));
  g_assert_true (md_checkin_editor_set_day (f->editor, day) || day == TODAY);
  md_ui_test_flush ();
}

static void
press_save (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "checkin.save", NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (f->editor);
}

static GtkCheckButton *
supplement_check (Fixture *f, const char *name)
{
  GtkWidget *row = find_by_type_and_label (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW, name);

  if (row == NULL)
    return NULL;
  return GTK_CHECK_BUTTON (find_first (row, GTK_TYPE_CHECK_BUTTON));
}

static void
test_unknown_supplements_kept (Fixture *f, gconstpointer data)
{
  g_autoptr(MdCheckin) stored = md_checkin_new (TODAY);
  g_autoptr(MdCheckin) back = NULL;
  const char *taken[] = { "magnesium", "evening primrose oil", NULL };
  GtkCheckButton *check;

  stored->supplements = g_strdupv ((char **) taken);
  g_assert_true (md_store_put_checkin (f->store, stored, NULL));
  reopen_on (f, TODAY);

  /* "magnesium" is the Magnesium of Preferences; the unknown one has a ticked row of its own. */
  g_assert_true (gtk_check_button_get_active (supplement_check (f, "Magnesium")));
  g_assert_false (gtk_check_button_get_active (supplement_check (f, "Vitamin D")));
  g_assert_null (supplement_check (f, "magnesium"));
  check = supplement_check (f, "evening primrose oil");
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (check));

  /* Unchanged, both come back as they were written. */
  press_save (f);
  back = md_store_get_checkin (f->store, TODAY, NULL);
  g_assert_nonnull (back->supplements);
  g_assert_true (g_strv_equal ((const char * const *) back->supplements, taken));
  g_clear_pointer (&back, md_checkin_free);

  /* Unticking one and ticking another keeps the rest. */
  reopen_on (f, TODAY);
  gtk_check_button_set_active (supplement_check (f, "evening primrose oil"), FALSE);
  gtk_check_button_set_active (supplement_check (f, "Vitamin D"), TRUE);
  press_save (f);
  back = md_store_get_checkin (f->store, TODAY, NULL);
  g_assert_cmpstr (back->supplements[0], ==, "magnesium");
  g_assert_cmpstr (back->supplements[1], ==, "Vitamin D");
  g_assert_null (back->supplements[2]);
  g_clear_pointer (&back, md_checkin_free);

  /* A day without the unknown name has no row for it. */
  reopen_on (f, TODAY - 1);
  g_assert_null (supplement_check (f, "evening primrose oil"));
}

static void
test_sleep_keeps_minutes (Fixture *f, gconstpointer data)
{
  g_autoptr(MdCheckin) stored = md_checkin_new (TODAY);
  g_autoptr(MdCheckin) back = NULL;

  stored->sleep_min = 8 * 60 + 35;
  g_assert_true (md_store_put_checkin (f->store, stored, NULL));
  reopen_on (f, TODAY);
  type_into_spin (spin_in_row (f, "_Water"), "2");
  press_save (f);
  back = md_store_get_checkin (f->store, TODAY, NULL);
  g_assert_cmpint (back->sleep_min, ==, 8 * 60 + 35);
  g_assert_cmpint (back->water_glasses, ==, 2);
}

/* A change on the form keeps the answers it does not show: bleeding and her own symptoms. */
static void
test_keeps_bleeding_and_symptoms (Fixture *f, gconstpointer data)
{
  g_autoptr(MdCheckin) stored = md_checkin_new (TODAY);
  g_autoptr(MdCheckin) back = NULL;

  stored->bleeding = MD_BLEEDING_MEDIUM;
  md_checkin_set_symptom (stored, "brain fog", 6);
  md_checkin_set_symptom (stored, "joint pain", 0);
  g_assert_true (md_store_put_checkin (f->store, stored, NULL));
  reopen_on (f, TODAY);
  type_into_spin (spin_in_row (f, "_Water"), "3");
  press_save (f);
  back = md_store_get_checkin (f->store, TODAY, NULL);
  g_assert_cmpint (back->water_glasses, ==, 3);
  g_assert_cmpint (back->bleeding, ==, MD_BLEEDING_MEDIUM);
  g_assert_cmpint (md_checkin_get_symptom (back, "brain fog"), ==, 6);
  g_assert_cmpint (md_checkin_get_symptom (back, "joint pain"), ==, 0);
}

/* Bleeding and her own symptoms are filled in on the form; 0 is an answer, "Not answered" none. */
static void
test_bleeding_and_symptoms_saved (Fixture *f, gconstpointer data)
{
  g_autoptr(MdCheckin) back = NULL;
  GtkWidget *row;

  reopen_on (f, TODAY);
  row = find_by_type_and_label (GTK_WIDGET (f->editor), ADW_TYPE_COMBO_ROW, "_Bleeding");
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1 + MD_BLEEDING_LIGHT);
  type_into_spin (spin_in_row (f, "Brain fog"), "0");
  type_into_spin (spin_in_row (f, "Joint pain"), "7");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin_in_row (f, "A"))), ==, "Not answered");
  {
    GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW)));
    double y = 0;

    md_ui_test_flush ();
    gtk_widget_translate_coordinates (row, gtk_widget_get_ancestor (row, GTK_TYPE_VIEWPORT), 0, 0, NULL, &y);
    gtk_adjustment_set_value (vadj, y - 60);
    md_ui_test_screenshots (GTK_WIDGET (f->editor), "checkin-editor-menopause");
  }
  press_save (f);
  back = md_store_get_checkin (f->store, TODAY, NULL);
  g_assert_cmpint (back->bleeding, ==, MD_BLEEDING_LIGHT);
  g_assert_cmpuint (back->n_symptoms, ==, 2);
  g_assert_cmpint (md_checkin_get_symptom (back, "Brain fog"), ==, 0);
  g_assert_cmpint (md_checkin_get_symptom (back, "Joint pain"), ==, 7);
  g_assert_cmpint (md_checkin_get_symptom (back, "A"), ==, MD_UNKNOWN);
  g_clear_pointer (&back, md_checkin_free);

  /* Back to "Not answered" clears them again. */
  reopen_on (f, TODAY);
  row = find_by_type_and_label (GTK_WIDGET (f->editor), ADW_TYPE_COMBO_ROW, "_Bleeding");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1 + MD_BLEEDING_LIGHT);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin_in_row (f, "Brain fog")), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  type_into_spin (spin_in_row (f, "Joint pain"), "Not answered");
  press_save (f);
  back = md_store_get_checkin (f->store, TODAY, NULL);
  g_assert_cmpint (back->bleeding, ==, MD_UNKNOWN);
  g_assert_cmpuint (back->n_symptoms, ==, 1);
  g_assert_cmpint (md_checkin_get_symptom (back, "Brain fog"), ==, 0);
}

/* A symptom rated on a day but no longer in Preferences has a row of its own and is kept; a
 * stored name in another case is the list's row and keeps its spelling. */
static void
test_unknown_symptoms_kept (Fixture *f, gconstpointer data)
{
  g_autoptr(MdCheckin) stored = md_checkin_new (TODAY);
  g_autoptr(MdCheckin) back = NULL;
  g_autofree char *text = NULL;

  md_checkin_set_symptom (stored, "night cramps", 7);
  md_checkin_set_symptom (stored, "brain fog", 2);
  g_assert_true (md_store_put_checkin (f->store, stored, NULL));
  reopen_on (f, TODAY);
  g_assert_nonnull (find_by_type_and_label (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW, "night cramps"));
  g_assert_null (find_by_type_and_label (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW, "brain fog"));
  g_assert_cmpfloat (gtk_spin_button_get_value (spin_in_row (f, "night cramps")), ==, 7);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin_in_row (f, "Brain fog")), ==, 2);
  type_into_spin (spin_in_row (f, "Brain fog"), "5");
  press_save (f);
  back = md_store_get_checkin (f->store, TODAY, NULL);
  text = md_checkin_format_symptoms (back);
  g_assert_cmpstr (text, ==, "night cramps=7;brain fog=5");

  /* A day without it has no row for it. */
  reopen_on (f, TODAY - 1);
  g_assert_null (find_by_type_and_label (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW, "night cramps"));
}

/* Odd but valid check-ins, imported as CSV and stored directly, open and save unchanged:
 * not a byte of any row changes. */
static void
test_open_save_unchanged (Fixture *f, gconstpointer data)
{
  static const char csv[] =
    MD_CHECKIN_CSV_HEADER "\n"
    "2025-03-31,8.58,1,0,3000,40,0,100,magnesium;evening primrose oil,  two spaces  ,\"a, b\",\"line one\r\nline two\n\",heavy,brain fog=4\n"
    "2025-03-30,0.02,5,30,0,0,10,0,Vitamin D;Magnesium,,,   ,,\n"
    "2025-03-29,24,,,,,,,MAGNESIUM;magnesium;Zinc ,\t,,,spotting,\"a=0;b=10\"\n"
    "2025-03-28,0,,,,,,,,,,,none,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(MdCheckin) direct = md_checkin_new (TODAY - 4);
  g_autoptr(MdCheckin) blank = md_checkin_new (TODAY - 5);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *long_note = NULL;
  GString *note = g_string_new (NULL);
  const char *odd[] = { "  Omega-3", "vitamin d ", "Ашваганда", NULL };
  guint n = 0, replaced = 0;

  g_assert_true (md_checkin_csv_import_data (f->store, csv, strlen (csv), "odd.csv", &n, &replaced, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);

  for (guint i = 0; i < MD_CHECKIN_TEXT_MAX_CHARS / 2; i++)
    g_string_append (note, i % 7 == 0 ? "\n" : "é");
  g_string_append (note, "🙂  ");
  long_note = g_string_free (note, FALSE);
  direct->sleep_min = 1439;
  direct->sleep_quality = 3;
  direct->supplements = g_strdupv ((char **) odd);
  direct->medicines_started = g_strdup ("\n");
  direct->medicines_stopped = g_strdup (" x");
  direct->note = g_strdup (long_note);
  g_assert_true (md_store_put_checkin (f->store, direct, NULL));
  g_assert_true (md_store_put_checkin (f->store, blank, NULL));

  /* An old time of change, so that a needless write shows even within the same second. */
  g_assert_cmpint (sqlite3_exec (md_store_get_db (f->store), "UPDATE checkin SET updated_utc = 1000000000",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  before = dump_checkins (f->store);
  for (gint64 day = TODAY; day > TODAY - 6; day--)
    {
      g_autofree char *now = NULL;

      reopen_on (f, day);
      press_save (f);
      now = dump_checkins (f->store);
      assert_same_rows (now, before);
    }
  after = dump_checkins (f->store);
  g_assert_cmpstr (after, ==, before);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_label (GTK_LABEL (child)), text) != NULL)
        return child;
      if ((found = find_label (child, text)) != NULL)
        return found;
    }
  return NULL;
}

/* A failed Save tells her why where she looks: at the top of the window, whatever the scroll. */
static void
test_save_error_visible (Fixture *f, gconstpointer data)
{
  GString *note = g_string_new (NULL);
  g_autofree char *text = NULL;
  GtkWidget *label = NULL;
  graphene_rect_t bounds;
  gint64 end;

  for (guint i = 0; i <= MD_CHECKIN_TEXT_MAX_CHARS; i++)
    g_string_append_c (note, i % 60 == 59 ? '\n' : 'a');
  text = g_string_free (note, FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_first (GTK_WIDGET (f->editor), GTK_TYPE_TEXT_VIEW))),
                            text, -1);
  md_ui_test_flush ();

  g_test_expect_message ("md-checkin-editor", G_LOG_LEVEL_WARNING, "*Could not save*");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "checkin.save", NULL));
  g_test_assert_expected_messages ();
  g_assert_nonnull (f->editor);
  g_assert_null (md_store_get_checkin (f->store, TODAY, NULL));

  end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  do
    {
      md_ui_test_flush ();
      label = find_label (GTK_WIDGET (f->editor), "at most 2000 characters");
    }
  while ((label == NULL || !gtk_widget_get_mapped (label) || gtk_widget_get_height (label) == 0) &&
         g_get_monotonic_time () < end);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_true (gtk_widget_get_child_visible (label));
  md_ui_test_screenshot (GTK_WIDGET (f->editor), "checkin-editor-error");

  /* Not inside the scrolled form, and inside the window. */
  g_assert_null (gtk_widget_get_ancestor (label, GTK_TYPE_SCROLLED_WINDOW));
  g_assert_true (gtk_widget_compute_bounds (label, GTK_WIDGET (f->editor), &bounds));
  g_assert_cmpfloat (bounds.size.height, >, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (f->editor)));
}

static AdwMessageDialog *
dialog_over (GtkWindow *form)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) == form)
      return l->data;
  return NULL;
}

/* Cancel and Escape (both "window.close") ask before throwing answers away, and only then. */
static void
test_cancel_asks (Fixture *f, gconstpointer data)
{
  AdwMessageDialog *dialog;

  /* Nothing answered: closes at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "window.close", NULL));
  md_ui_test_flush ();
  g_assert_null (f->editor);

  reopen_on (f, TODAY);
  type_into_spin (spin_in_row (f, "_Water"), "3");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "window.close", NULL));
  md_ui_test_flush ();
  g_assert_nonnull (f->editor);
  dialog = dialog_over (GTK_WINDOW (f->editor));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard this check-in?");
  md_ui_test_press_button (dialog, "_Keep Editing");
  md_ui_test_flush ();
  g_assert_nonnull (f->editor);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin_in_row (f, "_Water")), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "window.close", NULL));
  md_ui_test_flush ();
  md_ui_test_press_button (dialog_over (GTK_WINDOW (f->editor)), "_Discard");
  md_ui_test_flush ();
  g_assert_null (f->editor);
  g_assert_null (md_store_get_checkin (f->store, TODAY, NULL));
}

/* The mouse wheel over a spin button scrolls the form and leaves the answer alone. */
static void
test_wheel_scrolls_only (Fixture *f, gconstpointer data)
{
  GtkSpinButton *water = spin_in_row (f, "_Water");
  GtkWidget *text = find_first (GTK_WIDGET (water), GTK_TYPE_TEXT);
  GtkAdjustment *vadj;
  double before;

  gtk_window_set_default_size (GTK_WINDOW (f->editor), 520, 500);
  md_ui_test_flush ();
  vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (water),
                                                                                            GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), >, gtk_adjustment_get_page_size (vadj));
  before = gtk_adjustment_get_value (vadj);

  /* Down, down, up: the form moves; Water would have become 0. */
  g_assert_true (md_ui_test_scroll (text, 0, 1));
  g_assert_true (md_ui_test_scroll (text, 0, 1));
  g_assert_true (md_ui_test_scroll (text, 0, -1));
  md_ui_test_flush ();
  g_assert_cmpfloat (gtk_spin_button_get_value (water), <, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (water)), ==, "Not answered");
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, before);

  /* Every spin button of the form is guarded, and Save stores nothing that was scrolled over. */
  g_assert_true (md_ui_test_scroll (GTK_WIDGET (spin_in_row (f, "_Hours slept")), 0, -1));
  g_assert_true (md_ui_test_scroll (GTK_WIDGET (spin_in_row (f, "_Stress")), 0, -1));
  g_assert_true (md_checkin_editor_save (f->editor, NULL));
  {
    g_autoptr(MdCheckin) back = md_store_get_checkin (f->store, TODAY, NULL);

    g_assert_cmpint (back->water_glasses, ==, MD_UNKNOWN);
    g_assert_cmpint (back->sleep_min, ==, MD_UNKNOWN);
    g_assert_cmpint (back->stress, ==, MD_UNKNOWN);
  }
}

int
main (int argc, char *argv[])
{
  md_ui_test_init (&argc, &argv);
  adw_init ();
  g_test_add ("/checkin-editor/keeps-bleeding-and-symptoms", Fixture, NULL, setup, test_keeps_bleeding_and_symptoms, teardown);
  g_test_add ("/checkin-editor/bleeding-and-symptoms", Fixture, NULL, setup, test_bleeding_and_symptoms_saved, teardown);
  g_test_add ("/checkin-editor/unknown-symptoms-kept", Fixture, NULL, setup, test_unknown_symptoms_kept, teardown);
  g_test_add ("/checkin-editor/fill-and-save", Fixture, NULL, setup, test_fill_and_save, teardown);
  g_test_add ("/checkin-editor/unanswered-stays-unknown", Fixture, NULL, setup, test_unanswered_stays_unknown, teardown);
  g_test_add ("/checkin-editor/old-day-from-calendar", Fixture, NULL, setup, test_old_day_from_calendar, teardown);
  g_test_add ("/checkin-editor/earlier-day", Fixture, NULL, setup, test_earlier_day_loads_and_edits, teardown);
  g_test_add ("/checkin-editor/unknown-supplements-kept", Fixture, NULL, setup, test_unknown_supplements_kept, teardown);
  g_test_add ("/checkin-editor/sleep-keeps-minutes", Fixture, NULL, setup, test_sleep_keeps_minutes, teardown);
  g_test_add ("/checkin-editor/save-error-visible", Fixture, NULL, setup, test_save_error_visible, teardown);
  g_test_add ("/checkin-editor/wheel-scrolls-only", Fixture, NULL, setup, test_wheel_scrolls_only, teardown);
  g_test_add ("/checkin-editor/cancel-asks", Fixture, NULL, setup, test_cancel_asks, teardown);
  g_test_add ("/checkin-editor/open-save-unchanged", Fixture, NULL, setup, test_open_save_unchanged, teardown);
  return g_test_run ();
}
