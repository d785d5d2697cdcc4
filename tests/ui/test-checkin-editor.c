/* test-checkin-editor.c: the daily check-in form, driven through its widgets (under Xvfb). */
#include "config.h"

#include "md-diary.h"

#include <adwaita.h>

#include "md-application.h"
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
  g_assert_false (md_checkin_editor_set_day (f->editor, TODAY - 7));
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

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/checkin-editor/fill-and-save", Fixture, NULL, setup, test_fill_and_save, teardown);
  g_test_add ("/checkin-editor/unanswered-stays-unknown", Fixture, NULL, setup, test_unanswered_stays_unknown, teardown);
  g_test_add ("/checkin-editor/earlier-day", Fixture, NULL, setup, test_earlier_day_loads_and_edits, teardown);
  return g_test_run ();
}
