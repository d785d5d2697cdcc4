/* test-menopause.c: medicines, the Menopause Rating Scale, the check-in's bleeding answer and
 * custom symptoms in the store and the diary (schema 4). */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "md-diary.h"
#include "md-time.h"
#include "md-test-utils.h"

static gint64
day_of (const char *text)
{
  gint64 day;

  g_assert_true (md_time_parse_date (text, &day, NULL));
  return day;
}

static void
test_mrs_scores (void)
{
  g_autoptr(MdMrs) m = md_mrs_new (0);
  guint n;

  g_assert_cmpint (md_mrs_score (m, MD_MRS_TOTAL, &n), ==, -1);
  g_assert_cmpuint (n, ==, 0);
  /* Items 1..11 rated 1..11 mod 5: 1,2,3,4,0,1,2,3,4,0,1. */
  for (guint i = 0; i < MD_MRS_N_ITEMS; i++)
    m->items[i] = (i + 1) % 5;
  g_assert_cmpint (md_mrs_score (m, MD_MRS_TOTAL, &n), ==, 21);
  g_assert_cmpuint (n, ==, 11);
  g_assert_cmpint (md_mrs_score (m, MD_MRS_SOMATIC, &n), ==, 1 + 2 + 3 + 1);      /* 1, 2, 3, 11 */
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (md_mrs_score (m, MD_MRS_PSYCHOLOGICAL, &n), ==, 4 + 0 + 1 + 2); /* 4, 5, 6, 7 */
  g_assert_cmpint (md_mrs_score (m, MD_MRS_UROGENITAL, &n), ==, 3 + 4 + 0);       /* 8, 9, 10 */
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (md_mrs_scale_max (MD_MRS_TOTAL), ==, 44);
  g_assert_cmpint (md_mrs_scale_max (MD_MRS_SOMATIC), ==, 16);
  g_assert_cmpint (md_mrs_scale_max (MD_MRS_PSYCHOLOGICAL), ==, 16);
  g_assert_cmpint (md_mrs_scale_max (MD_MRS_UROGENITAL), ==, 12);
  m->items[7] = MD_UNKNOWN;
  g_assert_cmpint (md_mrs_score (m, MD_MRS_UROGENITAL, &n), ==, 4);
  g_assert_cmpuint (n, ==, 2);
  m->items[0] = 5;
  g_assert_false (md_mrs_validate (m, NULL));
}

static void
test_symptoms (void)
{
  g_autoptr(MdCheckin) c = md_checkin_new (0);
  g_autoptr(MdCheckin) copy = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (md_checkin_get_symptom (c, "fog"), ==, MD_UNKNOWN);
  md_checkin_set_symptom (c, "fog", 0);
  md_checkin_set_symptom (c, "ache", 7);
  md_checkin_set_symptom (c, "fog", 3);
  g_assert_cmpint (md_checkin_get_symptom (c, "fog"), ==, 3);
  copy = md_checkin_copy (c);
  md_checkin_set_symptom (c, "fog", MD_UNKNOWN);
  g_assert_cmpint (md_checkin_get_symptom (c, "fog"), ==, MD_UNKNOWN);
  g_assert_cmpuint (c->n_symptoms, ==, 1);
  text = md_checkin_format_symptoms (copy);
  g_assert_cmpstr (text, ==, "fog=3;ache=7");
  g_assert_true (md_checkin_validate (copy, NULL));
  g_assert_false (md_checkin_parse_symptoms (c, "a=1;b", &error));
  g_assert_error (error, MD_CHECKIN_ERROR, MD_CHECKIN_ERROR_SYMPTOMS);
  /* A failed parse leaves the symptoms as they were. */
  g_assert_cmpuint (c->n_symptoms, ==, 1);
  g_assert_true (md_checkin_parse_symptoms (c, " x = 0 ; ; y=10", NULL));
  g_assert_cmpuint (c->n_symptoms, ==, 2);
  g_assert_cmpint (md_checkin_get_symptom (c, "y"), ==, 10);
  c->bleeding = MD_N_BLEEDING;
  g_assert_false (md_checkin_validate (c, NULL));
}

static void
test_store_checkin_new_columns (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(MdStore) store = md_test_store_new (&dir);
  g_autoptr(MdCheckin) c = md_checkin_new (day_of ("2025-03-01"));
  g_autoptr(MdCheckin) back = NULL;
  g_autoptr(GError) error = NULL;

  c->bleeding = MD_BLEEDING_HEAVY;
  md_checkin_set_symptom (c, "brain fog", 6);
  md_checkin_set_symptom (c, "joint pain", 0);
  g_assert_true (md_store_put_checkin (store, c, &error));
  g_assert_no_error (error);
  back = md_store_get_checkin (store, c->day, &error);
  g_assert_cmpint (back->bleeding, ==, MD_BLEEDING_HEAVY);
  g_assert_cmpuint (back->n_symptoms, ==, 2);
  g_assert_cmpint (md_checkin_get_symptom (back, "joint pain"), ==, 0);
  g_assert_cmpint (md_checkin_get_symptom (back, "brain fog"), ==, 6);
  md_test_rmdir (dir);
}

static void
test_store_medicines (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(MdStore) store = md_test_store_new (&dir);
  g_autoptr(MdMedicine) a = md_medicine_new ("Estradiol", MD_MEDICINE_HRT);
  g_autoptr(MdMedicine) b = md_medicine_new ("Zinc", MD_MEDICINE_SUPPLEMENT);
  g_autoptr(MdMedicine) dup = md_medicine_new ("Estradiol", MD_MEDICINE_OTHER);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  a->started = day_of ("2025-02-01");
  a->dose = g_strdup ("50 µg patch");
  b->started = day_of ("2025-01-01");
  g_assert_true (md_store_add_medicine (store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a->id, >, 0);
  g_assert_true (md_store_add_medicine (store, b, &error));
  dup->started = a->started;
  g_assert_false (md_store_add_medicine (store, dup, &error));
  g_assert_error (error, MD_STORE_ERROR, MD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Stop it: not before it started. */
  a->stopped = day_of ("2025-01-31");
  g_assert_false (md_store_update_medicine (store, a, &error));
  g_assert_error (error, MD_STORE_ERROR, MD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  a->stopped = day_of ("2025-03-01");
  g_assert_true (md_store_update_medicine (store, a, &error));
  g_assert_true (md_medicine_taken_on (a, day_of ("2025-03-01")));
  g_assert_false (md_medicine_taken_on (a, day_of ("2025-03-02")));
  g_assert_false (md_medicine_taken_on (a, day_of ("2025-01-31")));

  list = md_store_list_medicines (store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((MdMedicine *) list->pdata[0])->name, ==, "Zinc");
  g_assert_cmpstr (((MdMedicine *) list->pdata[1])->dose, ==, "50 µg patch");
  g_assert_cmpint (((MdMedicine *) list->pdata[1])->stopped, ==, day_of ("2025-03-01"));

  g_assert_true (md_store_delete_medicine (store, b->id, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = md_store_list_medicines (store, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (md_store_has_data (store));
  md_test_rmdir (dir);
}

static void
test_medicine_validate (void)
{
  static const char * const bad_names[] = { "", " lead", "trail ", "two\nlines" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_autoptr(MdMedicine) m = md_medicine_new (bad_names[i], MD_MEDICINE_OTHER);
      g_autoptr(GError) error = NULL;

      g_assert_false (md_medicine_validate (m, &error));
      g_assert_error (error, MD_MEDICINE_ERROR, MD_MEDICINE_ERROR_NAME);
    }
  {
    g_autoptr(MdMedicine) m = md_medicine_new ("ok", MD_N_MEDICINE_KINDS);

    g_assert_false (md_medicine_validate (m, NULL));
  }
  for (MdMedicineKind k = 0; k < MD_N_MEDICINE_KINDS; k++)
    {
      MdMedicineKind back;

      g_assert_true (md_medicine_kind_from_id (md_medicine_kind_id (k), &back));
      g_assert_cmpint (back, ==, k);
      g_assert_nonnull (md_medicine_kind_label (k));
    }
}

static void
changed_cb (MdDiary *diary,
            guint    what,
            guint   *seen)
{
  *seen = what;
}

static void
test_diary_flags_and_due (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(MdStore) store = md_test_store_new (&dir);
  g_autoptr(MdDiary) diary = md_diary_new (store);
  g_autoptr(MdMedicine) m = md_medicine_new ("Sertraline", MD_MEDICINE_PREVENTIVE);
  g_autoptr(MdMrs) mrs = md_mrs_new (day_of ("2025-03-24"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) got = NULL;
  gint64 last = 0;
  guint seen = 0;

  g_signal_connect (diary, "changed", G_CALLBACK (changed_cb), &seen);
  md_diary_set_now (diary, 1743422400);  /* 2025-03-31T12:00Z */
  g_assert_true (md_diary_mrs_due (diary));
  g_assert_false (md_diary_last_mrs_day (diary, &last));

  g_assert_true (md_diary_add_medicine (diary, m, &error));
  g_assert_cmpuint (seen, ==, MD_DIARY_CHANGE_MEDICINES);
  m->stopped = day_of ("2025-03-30");
  g_assert_true (md_diary_update_medicine (diary, m, &error));
  g_assert_cmpuint (seen, ==, MD_DIARY_CHANGE_MEDICINES);

  mrs->items[0] = 2;
  g_assert_true (md_diary_put_mrs (diary, mrs, &error));
  g_assert_cmpuint (seen, ==, MD_DIARY_CHANGE_MRS);
  g_assert_true (md_diary_last_mrs_day (diary, &last));
  g_assert_cmpint (last, ==, day_of ("2025-03-24"));
  /* Answered 7 days before today: due again. */
  g_assert_true (md_diary_mrs_due (diary));
  mrs->day = day_of ("2025-03-25");
  g_assert_true (md_diary_put_mrs (diary, mrs, &error));
  g_assert_false (md_diary_mrs_due (diary));
  got = md_diary_mrs_between (diary, G_MININT64, G_MAXINT64, &error);
  g_assert_cmpuint (got->len, ==, 2);

  g_assert_true (md_diary_delete_medicine (diary, m->id, &error));
  g_assert_cmpuint (seen, ==, MD_DIARY_CHANGE_MEDICINES);
  g_assert_cmpuint (MD_DIARY_CHANGE_ALL & MD_DIARY_CHANGE_MRS, !=, 0);
  g_assert_cmpuint (MD_DIARY_CHANGE_ALL & MD_DIARY_CHANGE_MEDICINES, !=, 0);
  g_assert_cmpuint (MD_DIARY_CHANGE_ALL & MD_DIARY_CHANGE_EXTERNAL, ==, 0);
  md_test_rmdir (dir);
}

/* A diary of schema 3 opens: its check-ins gain "not answered" bleeding and no symptoms, and
 * the new tables work. */
static void
test_migrate_v3 (void)
{
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "diary.db", NULL);
  g_autoptr(MdStore) store = NULL;
  g_autoptr(MdCheckin) c = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  md_test_create_diary (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* Back to schema 3. */
  g_assert_cmpint (sqlite3_exec (db,
    "DROP TABLE medicine; DROP TABLE mrs;"
    "ALTER TABLE checkin DROP COLUMN bleeding; ALTER TABLE checkin DROP COLUMN symptoms;"
    "INSERT INTO checkin (day, stress, supplements, updated_utc) VALUES (20000, 4, 'zinc', 1);"
    "PRAGMA user_version = 3;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = md_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (md_store_get_schema_version (store), ==, md_store_latest_schema_version ());
  c = md_store_get_checkin (store, 20000, &error);
  g_assert_nonnull (c);
  g_assert_cmpint (c->stress, ==, 4);
  g_assert_cmpint (c->bleeding, ==, MD_UNKNOWN);
  g_assert_cmpuint (c->n_symptoms, ==, 0);
  {
    g_autoptr(MdMedicine) m = md_medicine_new ("HRT patch", MD_MEDICINE_HRT);
    g_autoptr(MdMrs) mrs = md_mrs_new (20000);

    g_assert_true (md_store_add_medicine (store, m, &error));
    g_assert_true (md_store_put_mrs (store, mrs, &error));
    g_assert_no_error (error);
  }
  md_test_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/menopause/mrs/scores", test_mrs_scores);
  g_test_add_func ("/menopause/checkin/symptoms", test_symptoms);
  g_test_add_func ("/menopause/store/checkin-new-columns", test_store_checkin_new_columns);
  g_test_add_func ("/menopause/store/medicines", test_store_medicines);
  g_test_add_func ("/menopause/medicine/validate", test_medicine_validate);
  g_test_add_func ("/menopause/diary/flags-and-due", test_diary_flags_and_due);
  g_test_add_func ("/menopause/store/migrate-v3", test_migrate_v3);
  return g_test_run ();
}
