/* main.c: the menodiary executable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "md-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MdApplication) app = NULL;
  const char *localedir = g_getenv ("MENODIARY_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Set once, here: the diary is opened in a thread while GTK starts (md-application.c). */
  gtk_disable_setlocale ();
  /* Tests point this at the translations built in the build folder. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = md_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
