/* md-cli.h: the headless commands (a contract, documented in README). No display needed. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit statuses of the headless commands. */
#define MD_EXIT_OK        0
#define MD_EXIT_BAD_DATA  1
#define MD_EXIT_USAGE     2

/* Adds the command-line options to @app. */
void md_cli_add_options (GApplication *app);

/* Runs the headless command given in @options, if any. Returns the exit status, or -1 when
 * no headless command was given (the window should open). */
int  md_cli_run         (GVariantDict *options);

G_END_DECLS
