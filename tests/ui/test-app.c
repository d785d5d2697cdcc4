/* test-app.c: the application as a user starts it, twice: "menodiary --db OTHER" while a window
 * is open must show OTHER (or refuse), never the diary already open; and the window must notice
 * what another process writes to its diary.
 *
 * The first instance runs in this process on a private D-Bus session bus (GTestDBus); the
 * second is the real binary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <epoxy/gl.h>
#include <glib/gstdio.h>
#include <string.h>

#include "md-application.h"
#include "md-csv.h"
#include "md-diary.h"
#include "md-renderer.h"
#include "md-test-utils.h"
#include "md-ui-test-utils.h"
#include "md-window-private.h"

typedef struct {
  char          *dir;
  char          *db_a;
  char          *db_b;
  MdApplication *app;
} Fixture;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @cond holds or 20 s pass; events, not sleeps, wake it. */
static gboolean
wait_until (gboolean (*cond) (gpointer), gpointer data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, timeout_cb, &timed_out);

  while (!cond (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return cond (data);
}

/* One first instance for the whole program: its name stays on the bus until it is gone. */
static MdApplication *first_app;
static char *first_dir;

static void
setup (Fixture *f, gconstpointer data)
{
  f->app = first_app;
  f->dir = g_strdup (first_dir);
  f->db_a = g_build_filename (f->dir, "a.db", NULL);
  f->db_b = g_build_filename (f->dir, "b.db", NULL);
  g_remove (f->db_b);
  g_application_activate (G_APPLICATION (f->app));
  g_assert_nonnull (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
}

static void
teardown (Fixture *f, gconstpointer data)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (f->app))) != NULL)
    gtk_window_destroy (windows->data);
  g_free (f->dir);
  g_free (f->db_a);
  g_free (f->db_b);
}

typedef struct {
  GSubprocess *proc;
  gboolean     done;
  char        *err;
} Run;

static void
communicate_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Run *run = data;
  g_autoptr(GBytes) err = NULL;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result, NULL, &err, NULL);
  run->err = err ? g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err)) : g_strdup ("");
  run->done = TRUE;
}

static gboolean
run_done (gpointer data)
{
  return ((Run *) data)->done;
}

/* Runs the real binary while this process keeps serving its windows. */
static int
run_binary (const char * const *args,
            char              **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  Run run = { 0 };
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MENODIARY_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  run.proc = g_subprocess_newv ((const char * const *) argv->pdata,
                                G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_async (run.proc, NULL, NULL, communicate_cb, &run);
  g_assert_true (wait_until (run_done, &run));
  if (!g_subprocess_get_if_exited (run.proc))
    g_error ("menodiary did not exit normally: %s", run.err);
  status = g_subprocess_get_exit_status (run.proc);
  g_object_unref (run.proc);
  if (err != NULL)
    *err = run.err;
  else
    g_free (run.err);
  return status;
}

typedef struct {
  MdApplication *app;
  const char    *path;
} Lookup;

static MdWindow *
window_for (MdApplication *app,
            const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (MD_IS_WINDOW (l->data) && g_strcmp0 (md_diary_get_path (md_window_get_diary (l->data)), path) == 0)
      return l->data;
  return NULL;
}

static gboolean
has_window_for (gpointer data)
{
  Lookup *lookup = data;

  return window_for (lookup->app, lookup->path) != NULL;
}

/* The second start asks for another diary: a window on it opens, the first one stays. */
static void
test_db_while_running (Fixture *f, gconstpointer data)
{
  Lookup lookup = { f->app, f->db_b };
  g_autofree char *err = NULL;
  int status;

  g_assert_nonnull (window_for (f->app, f->db_a));
  g_assert_null (window_for (f->app, f->db_b));

  status = run_binary ((const char *[]) { "--db", f->db_b, NULL }, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (wait_until (has_window_for, &lookup));
  g_assert_nonnull (window_for (f->app, f->db_a));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (f->app))), ==, 2);

  /* Asking again for B brings its window forward; no third window. */
  status = run_binary ((const char *[]) { "--db", f->db_b, NULL }, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (f->app))), ==, 2);
}

/* A diary that cannot be used is refused by the second start, naming it, with exit 1. */
static void
test_db_while_running_bad (Fixture *f, gconstpointer data)
{
  g_autofree char *err = NULL;
  g_autofree char *junk = g_build_filename (f->dir, "junk.db", NULL);
  int status;

  g_assert_true (g_file_set_contents (junk, "this is not a diary, just some text that is long enough", -1, NULL));
  status = run_binary ((const char *[]) { "--db", junk, NULL }, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, junk));
  g_assert_null (window_for (f->app, junk));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (f->app))), ==, 1);
}

static gboolean
history_has_one (gpointer data)
{
  MdWindow *window = data;

  return g_list_model_get_n_items (G_LIST_MODEL (window->model)) == 1;
}

/* An import from the command line while the window is open shows up in it, without a restart. */
static void
test_sees_outside_import (Fixture *f, gconstpointer data)
{
  MdWindow *window = window_for (f->app, f->db_a);
  g_autofree char *csv = g_build_filename (f->dir, "one.csv", NULL);
  g_autofree char *err = NULL;
  int status;

  g_assert_nonnull (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->model)), ==, 0);
  g_assert_true (g_file_set_contents (csv, MD_CSV_HEADER "\n2024-05-01T10:00:00+02:00,eyelid-lower,left,30,2,,,\n", -1, NULL));
  status = run_binary ((const char *[]) { "--db", f->db_a, "--import", csv, NULL }, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (wait_until (history_has_one, window));
}

/* Every action with a keyboard shortcut is listed in the shortcuts window, and so are the forms'
 * own keys (Ctrl+S, Escape). */
static void
test_shortcuts_listed (Fixture *f, gconstpointer data)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/menodiary/Menodiary/ui/md-shortcuts.ui");
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (f->app));
  GSList *objects = gtk_builder_get_objects (builder);
  guint n_with_accels = 0;

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *action = NULL;
        g_autofree char *accel = NULL;

        g_object_get (l->data, "action-name", &action, "accelerator", &accel, NULL);
        if (action != NULL)
          {
            g_autofree char *base = NULL;
            g_autoptr(GVariant) target = NULL;

            /* "win.export::episodes" lists the action "win.export" too. */
            if (g_action_parse_detailed_name (action, &base, &target, NULL))
              g_hash_table_add (listed, g_steal_pointer (&base));
            g_hash_table_add (listed, g_steal_pointer (&action));
          }
        if (accel != NULL)
          g_hash_table_add (listed, g_steal_pointer (&accel));
      }
  g_slist_free (objects);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app), actions[i]);
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;

      if (accels[0] == NULL)
        continue;
      n_with_accels++;
      g_assert_true (g_action_parse_detailed_name (actions[i], &name, &target, NULL));
      if (!g_hash_table_contains (listed, name))
        g_test_fail_printf ("%s (%s) is not in the shortcuts window", actions[i], accels[0]);
    }
  g_assert_cmpuint (n_with_accels, >=, 6);
  g_assert_true (g_hash_table_contains (listed, "<Control>s"));
  g_assert_true (g_hash_table_contains (listed, "Escape"));
}

/* Names OpenGL drivers really report: software rasterizers are told from graphics cards. */
static void
test_software_gl_names (Fixture *f, gconstpointer data)
{
  static const char *const software[] = { "llvmpipe (LLVM 15.0.6, 256 bits)", "softpipe",
                                          "Software Rasterizer", "swrast", "zink (llvmpipe (LLVM 15.0.6))",
                                          "Google SwiftShader" };
  static const char *const hardware[] = { "Mesa Intel(R) UHD Graphics 620 (KBL GT2)", "AMD Radeon RX 580 Series (polaris10, LLVM 15.0.6, DRM 3.49)",
                                          "NVIDIA GeForce GTX 1050/PCIe/SSE2", "SVGA3D; build: RELEASE; LLVM;",
                                          "virgl (Intel(R) UHD Graphics)", "D3D12 (Intel(R) UHD Graphics 620)", "" };
  GdkDisplay *display = gdk_display_get_default ();

  for (gsize i = 0; i < G_N_ELEMENTS (software); i++)
    g_assert_true (md_renderer_is_software_gl (software[i]));
  g_assert_true (md_renderer_is_software_gl ("D3D12 (Microsoft Basic Render Driver)"));
  for (gsize i = 0; i < G_N_ELEMENTS (hardware); i++)
    g_assert_false (md_renderer_is_software_gl (hardware[i]));
  g_assert_false (md_renderer_is_software_gl (NULL));

  /* A renderer already chosen (here: for the display by someone else) is left alone. */
  if (g_getenv ("GSK_RENDERER") == NULL)
    {
      const char *before = g_object_get_data (G_OBJECT (display), "gsk-renderer");

      g_object_set_data (G_OBJECT (display), "gsk-renderer", (gpointer) "gl");
      g_assert_null (md_renderer_choose (display));
      g_assert_cmpstr (g_object_get_data (G_OBJECT (display), "gsk-renderer"), ==, "gl");
      g_object_set_data (G_OBJECT (display), "gsk-renderer", (gpointer) before);
    }
}

/* The window draws with cairo where OpenGL is software (as under Xvfb), with OpenGL where it is
 * a graphics card. The OpenGL renderer's name is read here on its own, not through the app. */
static void
test_renderer_for_gl (Fixture *f, gconstpointer data)
{
  GdkDisplay *display = gdk_display_get_default ();
  MdWindow *window = window_for (f->app, f->db_a);
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gl = NULL;
  GskRenderer *renderer;

  if (g_getenv ("GSK_RENDERER") != NULL)
    {
      g_test_skip ("GSK_RENDERER is set: GTK uses it, whatever OpenGL is");
      return;
    }
  context = gdk_display_create_gl_context (display, &error);
  if (context != NULL && gdk_gl_context_realize (context, &error))
    {
      gdk_gl_context_make_current (context);
      gl = g_strdup ((const char *) glGetString (GL_RENDERER));
      gdk_gl_context_clear_current ();
    }
  g_assert_nonnull (window);
  gtk_widget_realize (GTK_WIDGET (window));
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_assert_nonnull (renderer);
  g_test_message ("OpenGL: %s; window renderer: %s", gl ? gl : "(none)", G_OBJECT_TYPE_NAME (renderer));
  /* The same kinds as md-renderer.c's list, written out again here. */
  if (gl == NULL || strstr (gl, "llvmpipe") != NULL || strstr (gl, "softpipe") != NULL ||
      strstr (gl, "swrast") != NULL || g_ascii_strncasecmp (gl, "Software Rasterizer", 19) == 0 ||
      strstr (gl, "SwiftShader") != NULL || strstr (gl, "Basic Render Driver") != NULL)
    g_assert_cmpstr (G_OBJECT_TYPE_NAME (renderer), ==, "GskCairoRenderer");
  else
    g_assert_cmpstr (G_OBJECT_TYPE_NAME (renderer), !=, "GskCairoRenderer");
}

int
main (int argc, char **argv)
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  GTestDBus *bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  int status;

  /* A private session bus, up before GTK could connect (or autolaunch) another one. GTestDBus
   * unsets DISPLAY against autolaunching; the windows need it back. */
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  md_ui_test_init (&argc, &argv);
  adw_init ();

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *db = NULL;

    first_dir = md_test_mkdtemp ();
    db = g_build_filename (first_dir, "a.db", NULL);
    first_app = md_application_new ();
    md_application_set_db_path (first_app, db);
    g_assert_true (g_application_register (G_APPLICATION (first_app), NULL, &error));
    g_assert_no_error (error);
    g_assert_false (g_application_get_is_remote (G_APPLICATION (first_app)));
    g_application_hold (G_APPLICATION (first_app));
  }

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/app/db-while-running", test_db_while_running);
  ADD ("/app/db-while-running-bad", test_db_while_running_bad);
  ADD ("/app/sees-outside-import", test_sees_outside_import);
  ADD ("/app/shortcuts-listed", test_shortcuts_listed);
  ADD ("/app/software-gl-names", test_software_gl_names);
  ADD ("/app/renderer-for-gl", test_renderer_for_gl);
#undef ADD

  status = g_test_run ();
  g_application_release (G_APPLICATION (first_app));
  g_clear_object (&first_app);
  md_test_rmdir (first_dir);
  g_free (first_dir);
  /* Stop the bus without waiting for every reference to its connection to go (GTestDBus's
   * down and finalize would wait 30 s for the connection GTK still holds). */
  g_test_dbus_stop (bus);
  return status;
}
