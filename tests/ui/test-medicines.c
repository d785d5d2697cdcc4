/* test-medicines.c: the Medicines dialog, driven through its widgets and actions (under Xvfb). */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "md-diary.h"
#include "md-medicines-dialog.h"
#include "md-test-utils.h"
#include "md-ui-test-utils.h"
#include "md-window.h"

#define NOW   G_GINT64_CONSTANT (1742203800)  /* 2025-03-17 09:30 UTC */
#define TODAY (NOW / 86400)

typedef struct {
  char              *dir;
  MdStore           *store;
  MdDiary           *diary;
  MdMedicinesDialog *dialog;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->store = md_test_store_new (&f->dir);
  f->diary = md_diary_new (f->store);
  md_diary_set_now (f->diary, NOW);
  f->dialog = md_medicines_dialog_new (NULL, f->diary);
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  gtk_window_present (GTK_WINDOW (f->dialog));
  md_ui_test_flush ();
}

static void
teardown (Fixture *f, gconstpointer data)
{
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
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
find_labelled (GtkWidget *root, GType type, const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type) && g_strcmp0 (gtk_widget_get_tooltip_text (c), label) == 0)
        return c;
      if ((found = find_labelled (c, type, label)) != NULL)
        return found;
    }
  return NULL;
}

static GPtrArray *
medicines (Fixture *f)
{
  GPtrArray *list = md_diary_list_medicines (f->diary, NULL);

  g_assert_nonnull (list);
  return list;
}

static void
set_text (Fixture *f, const char *row, const char *text)
{
  GtkWidget *w = find_row (GTK_WIDGET (f->dialog), row);

  g_assert_nonnull (w);
  gtk_editable_set_text (GTK_EDITABLE (w), text);
}

static void
activate (Fixture *f, const char *action, GVariant *param)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->dialog), action, param));
  md_ui_test_flush ();
}

static const char *
visible_page (Fixture *f)
{
  GtkWidget *stack = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (f->dialog)));

  while (stack != NULL && !GTK_IS_STACK (stack))
    stack = gtk_widget_get_first_child (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* Add through the form (the Add button's action, the real rows, Save), then change it. */
static void
test_add_and_change (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) list = NULL;
  MdMedicine *m;
  GtkWidget *kind;

  activate (f, "medicines.add", NULL);
  g_assert_cmpstr (visible_page (f), ==, "form");
  set_text (f, "Name", "  Estradiol gel ");
  kind = find_row (GTK_WIDGET (f->dialog), "_Kind");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind)), ==, MD_MEDICINE_HRT);
  set_text (f, "Dose (optional, such as 1 pump)", "1 pump");
  /* Started defaults to today. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (f->dialog),
                   "Started (YYYY-MM-DD)"))), ==, "2025-03-17");
  set_text (f, "Started (YYYY-MM-DD)", "2025-01-10");
  md_ui_test_screenshots (GTK_WIDGET (f->dialog), "medicines-form");
  activate (f, "medicines.save", NULL);
  g_assert_cmpstr (visible_page (f), ==, "list");
  list = medicines (f);
  g_assert_cmpuint (list->len, ==, 1);
  m = g_ptr_array_index (list, 0);
  g_assert_cmpstr (m->name, ==, "Estradiol gel");
  g_assert_cmpint (m->kind, ==, MD_MEDICINE_HRT);
  g_assert_cmpstr (m->dose, ==, "1 pump");
  g_assert_cmpint (m->started, ==, 20098);
  g_assert_cmpint (m->stopped, ==, MD_NO_DAY);
  g_assert_null (m->note);
  g_assert_nonnull (find_row (GTK_WIDGET (f->dialog), "Estradiol gel"));

  /* Change: the row's action opens the form filled in. */
  activate (f, "medicines.edit", g_variant_new_int64 (m->id));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (f->dialog), "Name"))), ==, "Estradiol gel");
  set_text (f, "Dose (optional, such as 1 pump)", "2 pumps");
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), MD_MEDICINE_PREVENTIVE);
  activate (f, "medicines.save", NULL);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = medicines (f);
  g_assert_cmpuint (list->len, ==, 1);
  m = g_ptr_array_index (list, 0);
  g_assert_cmpstr (m->dose, ==, "2 pumps");
  g_assert_cmpint (m->kind, ==, MD_MEDICINE_PREVENTIVE);
  g_assert_cmpint (m->started, ==, 20098);
  md_ui_test_screenshots (GTK_WIDGET (f->dialog), "medicines-list");
}

/* A bad date or a stop before the start: nothing is written and the form says why. */
static void
test_invalid_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) list = NULL;

  activate (f, "medicines.add", NULL);
  activate (f, "medicines.save", NULL);           /* no name */
  g_assert_cmpstr (visible_page (f), ==, "form");
  set_text (f, "Name", "Magnesium");
  set_text (f, "Started (YYYY-MM-DD)", "2025-02-30");
  activate (f, "medicines.save", NULL);
  g_assert_cmpstr (visible_page (f), ==, "form");
  set_text (f, "Started (YYYY-MM-DD)", "2025-02-01");
  set_text (f, "Stopped (YYYY-MM-DD)", "2025-01-01");
  activate (f, "medicines.save", NULL);
  g_assert_cmpstr (visible_page (f), ==, "form");
  list = medicines (f);
  g_assert_cmpuint (list->len, ==, 0);
  activate (f, "medicines.cancel", NULL);
  g_assert_cmpstr (visible_page (f), ==, "list");
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

/* Stop asks for the day (today by default, another from its calendar); delete offers Undo. */
static void
test_stop_and_delete (Fixture *f, gconstpointer data)
{
  g_autoptr(MdMedicine) a = md_medicine_new ("Magnesium", MD_MEDICINE_SUPPLEMENT);
  g_autoptr(MdMedicine) b = md_medicine_new ("Sertraline", MD_MEDICINE_PREVENTIVE);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (2025, 3, 10, 12, 0, 0);
  AdwMessageDialog *ask;

  a->started = TODAY - 30;
  b->started = TODAY - 60;
  b->note = g_strdup ("from the GP\nlow dose");
  g_assert_true (md_diary_add_medicine (f->diary, a, NULL));
  g_assert_true (md_diary_add_medicine (f->diary, b, NULL));
  md_ui_test_flush ();
  g_assert_nonnull (find_labelled (GTK_WIDGET (f->dialog), GTK_TYPE_BUTTON, "Stop Magnesium"));

  activate (f, "medicines.stop", g_variant_new_int64 (a->id));
  ask = find_message_dialog ();
  g_assert_nonnull (ask);
  md_ui_test_screenshots (GTK_WIDGET (ask), "medicines-stop");
  adw_message_dialog_response (ask, "stop");
  gtk_window_destroy (GTK_WINDOW (ask));
  md_ui_test_flush ();
  list = medicines (f);
  for (guint i = 0; i < list->len; i++)
    {
      MdMedicine *m = g_ptr_array_index (list, i);

      g_assert_cmpint (m->stopped, ==, m->id == a->id ? TODAY : MD_NO_DAY);
    }
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_null (find_labelled (GTK_WIDGET (f->dialog), GTK_TYPE_BUTTON, "Stop Magnesium"));

  activate (f, "medicines.stop", g_variant_new_int64 (b->id));
  ask = find_message_dialog ();
  gtk_calendar_select_day (GTK_CALENDAR (adw_message_dialog_get_extra_child (ask)), day);
  adw_message_dialog_response (ask, "stop");
  gtk_window_destroy (GTK_WINDOW (ask));
  md_ui_test_flush ();
  {
    g_autoptr(MdMedicine) back = NULL;

    list = medicines (f);
    for (guint i = 0; i < list->len; i++)
      if (((MdMedicine *) g_ptr_array_index (list, i))->id == b->id)
        back = md_medicine_copy (g_ptr_array_index (list, i));
    g_clear_pointer (&list, g_ptr_array_unref);
    g_assert_cmpint (back->stopped, ==, 20157);
    g_assert_cmpstr (back->note, ==, "from the GP\nlow dose");
  }

  activate (f, "medicines.delete", g_variant_new_int64 (a->id));
  list = medicines (f);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_null (find_row (GTK_WIDGET (f->dialog), "Magnesium"));
  activate (f, "medicines.undo", NULL);
  list = medicines (f);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_nonnull (find_row (GTK_WIDGET (f->dialog), "Magnesium"));
  for (guint i = 0; i < list->len; i++)
    {
      MdMedicine *m = g_ptr_array_index (list, i);

      if (g_strcmp0 (m->name, "Magnesium") == 0)
        {
          g_assert_cmpint (m->started, ==, TODAY - 30);
          g_assert_cmpint (m->stopped, ==, TODAY);
          g_assert_cmpint (m->kind, ==, MD_MEDICINE_SUPPLEMENT);
        }
    }
}

static char *
dump (Fixture *f)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (md_store_get_db (f->store), "SELECT * FROM medicine ORDER BY id", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, i) ? (const char *) sqlite3_column_text (stmt, i) : "NULL");
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

/* Odd stored values (spaces a form would trim, line breaks, no start) open and save unchanged;
 * a change of one field keeps every other as it was. */
static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(MdMedicine) a = md_medicine_new ("Progesterone (Utrogestan®)", MD_MEDICINE_HRT);
  g_autoptr(MdMedicine) b = md_medicine_new ("Ибупрофен", MD_MEDICINE_AS_NEEDED);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) list = NULL;

  a->dose = g_strdup ("  100 mg  ");
  a->note = g_strdup ("  line one\r\nline two\n");
  a->stopped = TODAY - 2;
  b->started = TODAY - 400;
  g_assert_true (md_diary_add_medicine (f->diary, a, NULL));
  g_assert_true (md_diary_add_medicine (f->diary, b, NULL));
  g_assert_cmpint (sqlite3_exec (md_store_get_db (f->store), "UPDATE medicine SET updated_utc = 1000000000",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  before = dump (f);
  activate (f, "medicines.edit", g_variant_new_int64 (a->id));
  activate (f, "medicines.save", NULL);
  activate (f, "medicines.edit", g_variant_new_int64 (b->id));
  activate (f, "medicines.save", NULL);
  after = dump (f);
  g_assert_cmpstr (after, ==, before);

  /* Only the dose changed: the name, the note and the days stay exactly. */
  activate (f, "medicines.edit", g_variant_new_int64 (a->id));
  set_text (f, "Dose (optional, such as 1 pump)", "200 mg");
  activate (f, "medicines.save", NULL);
  list = medicines (f);
  for (guint i = 0; i < list->len; i++)
    {
      MdMedicine *m = g_ptr_array_index (list, i);

      if (m->id == a->id)
        {
          g_assert_cmpstr (m->name, ==, "Progesterone (Utrogestan®)");
          g_assert_cmpstr (m->dose, ==, "200 mg");
          g_assert_cmpstr (m->note, ==, "  line one\r\nline two\n");
          g_assert_cmpint (m->started, ==, MD_NO_DAY);
          g_assert_cmpint (m->stopped, ==, TODAY - 2);
        }
    }
}

/* The main menu's action opens the dialog on the window's diary. */
static void
test_window_action (Fixture *f, gconstpointer data)
{
  MdWindow *window = md_window_new (NULL, f->diary);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint found = 0;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.medicines", NULL));
  md_ui_test_flush ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (MD_IS_MEDICINES_DIALOG (w) && GTK_WIDGET (w) != GTK_WIDGET (f->dialog))
        {
          found++;
          g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (w)) == GTK_WINDOW (window));
          gtk_window_destroy (GTK_WINDOW (w));
        }
    }
  g_assert_cmpuint (found, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  md_ui_test_init (&argc, &argv);
  adw_init ();
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/medicines/add-and-change", test_add_and_change);
  ADD ("/medicines/invalid-refused", test_invalid_refused);
  ADD ("/medicines/stop-and-delete", test_stop_and_delete);
  ADD ("/medicines/round-trip", test_round_trip);
  ADD ("/medicines/window-action", test_window_action);
#undef ADD
  return g_test_run ();
}
