/* md-renderer.c: GTK's renderer, chosen for the graphics the machine really has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-renderer"

#include "config.h"

#include <epoxy/gl.h>

#include "md-renderer.h"

gboolean
md_renderer_is_software_gl (const char *gl_renderer)
{
  /* Mesa's (also under zink), Google's, and WSL's WARP ("D3D12 (Microsoft Basic Render Driver)"). */
  static const char *const software[] = { "llvmpipe", "softpipe", "swrast", "software rasterizer",
                                          "swiftshader", "basic render driver" };
  g_autofree char *name = NULL;

  if (gl_renderer == NULL)
    return FALSE;
  name = g_ascii_strdown (gl_renderer, -1);
  for (gsize i = 0; i < G_N_ELEMENTS (software); i++)
    if (strstr (name, software[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The name of @display's OpenGL renderer, or NULL when OpenGL cannot be used. GTK keeps the
 * display's own context that this makes, so a GL renderer made later reuses it. */
static char *
gl_renderer_name (GdkDisplay *display)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkGLContext) context = gdk_display_create_gl_context (display, &error);
  char *name;

  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("OpenGL is not available: %s", error ? error->message : "no context");
      return NULL;
    }
  gdk_gl_context_make_current (context);
  name = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();
  return name;
}

const char *
md_renderer_choose (GdkDisplay *display)
{
  g_autofree char *gl = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (g_getenv ("GSK_RENDERER") != NULL || g_object_get_data (G_OBJECT (display), "gsk-renderer") != NULL)
    return NULL;
  gl = gl_renderer_name (display);
  if (!md_renderer_is_software_gl (gl))
    return NULL;
  g_debug ("OpenGL is software (%s): drawing with cairo", gl);
  /* GTK reads this (after GSK_RENDERER) when it makes each window's renderer. It is not public
   * API but has been read since GTK 4.0 (its inspector sets it the same way); should a later
   * GTK stop reading it, nothing breaks (GTK chooses as before) and the test
   * /app/renderer-for-gl fails. */
  g_object_set_data (G_OBJECT (display), "gsk-renderer", (gpointer) "cairo");
  return "cairo";
}
