/* md-renderer.h: GTK's renderer, chosen for the graphics the machine really has (GTK 4.8). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* TRUE when @gl_renderer (OpenGL's GL_RENDERER string) names a rasterizer that runs on the
 * processor (Mesa's llvmpipe, softpipe or swrast, SwiftShader, WSL's Basic Render Driver), not
 * a graphics card. */
gboolean md_renderer_is_software_gl (const char *gl_renderer);

/* GTK 4.8 draws with OpenGL wherever OpenGL exists, even when OpenGL is itself software (no
 * graphics driver, a virtual machine, a remote desktop). There its cairo renderer paints the
 * same pixels several times faster and in less memory, so this asks @display's OpenGL for its
 * renderer's name (a context made once: 15-25 ms and about 3 MB, kept by GTK) and, when it is
 * software, tells GTK to use cairo for every window of @display (through the display's
 * "gsk-renderer" data, which GTK reads but does not document). Nothing changes when
 * GSK_RENDERER is set (GTK reads it first) or OpenGL fails (GTK falls back to cairo by
 * itself). Call it once, before the first window is shown. Returns the renderer GTK was told
 * to use ("cairo"), or NULL when GTK was left to choose. */
const char *md_renderer_choose (GdkDisplay *display);

G_END_DECLS
