/* md-draw-style.c: default colours and fonts for drawings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-draw-style.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

MdDrawStyle *
md_draw_style_new_default (gboolean dark)
{
  /* GNOME palette: blue 3 / purple / orange, readable on white paper and on dark grey. */
  static const MdDrawStyle light = {
    .foreground = RGB (0x241f31), .background = RGB (0xffffff), .muted = RGB (0x9a9996),
    .accent = RGB (0x3584e4), .accent_fg = RGB (0xffffff), .warning = RGB (0xc01c28),
    .left = RGB (0x1c71d8), .right = RGB (0xc64600), .both = RGB (0x813d9c),
  };
  static const MdDrawStyle night = {
    .foreground = RGB (0xffffff), .background = RGB (0x242424), .muted = RGB (0x77767b),
    .accent = RGB (0x78aeed), .accent_fg = RGB (0x241f31), .warning = RGB (0xff7b63),
    .left = RGB (0x62a0ea), .right = RGB (0xffa348), .both = RGB (0xdc8add),
  };
  MdDrawStyle *self = g_new (MdDrawStyle, 1);

  *self = dark ? night : light;
  self->font_family = g_strdup ("Sans");
  self->font_size = 11.0;
  self->dark = dark;
  return self;
}

MdDrawStyle *
md_draw_style_copy (const MdDrawStyle *self)
{
  MdDrawStyle *copy = g_new (MdDrawStyle, 1);

  *copy = *self;
  copy->font_family = g_strdup (self->font_family);
  return copy;
}

void
md_draw_style_free (MdDrawStyle *self)
{
  if (self == NULL)
    return;
  g_free (self->font_family);
  g_free (self);
}
