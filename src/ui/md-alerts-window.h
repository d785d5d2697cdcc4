/* md-alerts-window.h: "About These Alerts": every rule in plain words, with its source. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MD_TYPE_ALERTS_WINDOW (md_alerts_window_get_type ())
G_DECLARE_FINAL_TYPE (MdAlertsWindow, md_alerts_window, MD, ALERTS_WINDOW, AdwWindow)

GtkWidget *md_alerts_window_new (GtkWindow *parent);

G_END_DECLS
