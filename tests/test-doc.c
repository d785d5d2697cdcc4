/* test-doc.c: pagination of the document layout (tables split with headers repeated). */
#include "config.h"

#include <cairo.h>
#include <string.h>
#include <gio/gio.h>

#include "md-doc.h"
#include "md-test-utils.h"

static MdDoc *
doc_with_rows (guint n_rows)
{
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);
  MdDoc *doc = md_doc_new (MD_PAPER_A4_WIDTH, MD_PAPER_A4_HEIGHT, style);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[] = { "Date", "Region", "Note", NULL };
  const double widths[] = { 1, 1, 3 };

  md_doc_add_title (doc, "Summary", "For the doctor");
  md_doc_add_heading (doc, "Episodes");
  for (guint i = 0; i < n_rows; i++)
    {
      char **cells = g_new0 (char *, 4);
      cells[0] = g_strdup_printf ("day-%03u", i);
      cells[1] = g_strdup ("eyelid");
      cells[2] = g_strdup ("a note");
      g_ptr_array_add (rows, cells);
    }
  md_doc_add_table (doc, 3, widths, header, rows);
  md_doc_set_footer (doc, "Recorded by the patient.");
  return doc;
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_one_page (void)
{
  g_autoptr(MdDoc) doc = doc_with_rows (5);
  g_autofree char *text = NULL;

  g_assert_cmpuint (md_doc_paginate (doc), ==, 1);
  text = md_doc_get_text (doc);
  g_assert_cmpuint (count (text, "day-"), ==, 5);
  g_assert_cmpuint (count (text, "Date\n"), ==, 1);
}

static void
test_table_splits_with_header (void)
{
  g_autoptr(MdDoc) doc = doc_with_rows (150);
  g_autofree char *text = NULL;
  guint pages = md_doc_paginate (doc);

  g_assert_cmpuint (pages, >=, 2);
  text = md_doc_get_text (doc);
  /* Every row exactly once, and the header again on every page. */
  g_assert_cmpuint (count (text, "day-"), ==, 150);
  g_assert_cmpuint (count (text, "Date\n"), ==, pages);
  g_assert_nonnull (strstr (text, "day-149"));
}

static void
test_heading_kept_with_next (void)
{
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);
  g_autoptr(MdDoc) doc = md_doc_new (MD_PAPER_A4_WIDTH, MD_PAPER_A4_HEIGHT, style);
  g_autofree char *text = NULL;
  char *page2;

  md_doc_add_paragraph (doc, "filler", MD_DOC_TEXT_NORMAL);
  md_doc_add_space (doc, 690);  /* most of the first page */
  md_doc_add_heading (doc, "Lonely heading");
  md_doc_add_paragraph (doc, "First line of the section. Second sentence that wraps a bit further along the page width "
                             "so it is two lines long at least when laid out on A4 paper with margins.",
                        MD_DOC_TEXT_NORMAL);
  g_assert_cmpuint (md_doc_paginate (doc), ==, 2);
  text = md_doc_get_text (doc);
  page2 = strstr (text, "--- page 2 ---");
  g_assert_nonnull (page2);
  g_assert_nonnull (strstr (page2, "Lonely heading"));
}

static void
test_render_and_pdf (void)
{
  g_autoptr(MdDoc) doc = doc_with_rows (150);
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 596, 842);
  cairo_t *cr = cairo_create (surface);
  guint32 *px;
  int stride;
  gboolean ink = FALSE;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  md_doc_render_page (doc, cr, 0);
  cairo_surface_flush (surface);
  px = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  /* The margins stay blank; the text area has ink. */
  for (int y = 0; y < 842; y++)
    for (int x = 0; x < 30; x++)
      g_assert_cmphex (px[y * stride + x] & 0xffffff, ==, 0xffffff);
  for (int y = 42; y < 200 && !ink; y++)
    for (int x = 42; x < 300 && !ink; x++)
      ink = (px[y * stride + x] & 0xffffff) != 0xffffff;
  g_assert_true (ink);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_true (md_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  bytes = md_test_read_file (path);
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  md_test_rmdir (dir);

  g_assert_false (md_doc_write_pdf (doc, "/nonexistent-folder/x.pdf", &error));
  g_assert_nonnull (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/doc/one-page", test_one_page);
  g_test_add_func ("/doc/table-splits-with-header", test_table_splits_with_header);
  g_test_add_func ("/doc/heading-kept-with-next", test_heading_kept_with_next);
  g_test_add_func ("/doc/render-and-pdf", test_render_and_pdf);
  return g_test_run ();
}
