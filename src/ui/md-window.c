/* md-window.c: the main window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-window"

#include "config.h"

#include <glib/gi18n.h>

#include "md-window.h"

struct _MdWindow
{
  AdwApplicationWindow  parent_instance;

  MdStore              *store;
};

G_DEFINE_FINAL_TYPE (MdWindow, md_window, ADW_TYPE_APPLICATION_WINDOW)

static void
md_window_dispose (GObject *object)
{
  MdWindow *self = MD_WINDOW (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_WINDOW);

  G_OBJECT_CLASS (md_window_parent_class)->dispose (object);
}

static void
md_window_class_init (MdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/menodiary/Menodiary/ui/md-window.ui");
}

static void
md_window_init (MdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MdWindow *
md_window_new (MdApplication *app,
               MdStore       *store)
{
  MdWindow *self = g_object_new (MD_TYPE_WINDOW, "application", app, NULL);

  self->store = g_object_ref (store);
  return self;
}

void
md_window_set_accels (GtkApplication *app)
{
}
