/* fuzz-driver.c: runs a libFuzzer entry point without libFuzzer, for the normal test suite
 * (any compiler): every file of the seed corpus, then random mutations of them (bytes flipped,
 * inserted, deleted, spliced, CSV punctuation) for MD_FUZZ_SECONDS seconds (default 10) from a
 * fixed seed, printing the number of executions. The long runs use libFuzzer (`make fuzz`).
 *
 * Usage: fuzz-driver CORPUS_DIR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The input being run, written out when a check aborts, so a finding can be reproduced. */
static const guint8 *current;
static gsize current_len;

static void
dump_input_cb (int sig)
{
  static const char hex[] = "0123456789abcdef";
  char buf[4];

  write (STDERR_FILENO, "\nfuzz-driver: crashing input (hex): ", 36);
  for (gsize i = 0; i < current_len; i++)
    {
      buf[0] = hex[current[i] >> 4];
      buf[1] = hex[current[i] & 15];
      write (STDERR_FILENO, buf, 2);
    }
  write (STDERR_FILENO, "\n", 1);
  signal (sig, SIG_DFL);
  raise (sig);
}

static void
run_one (const guint8 *data,
         gsize         len)
{
  current = data;
  current_len = len;
  LLVMFuzzerTestOneInput (data, len);
}

static const char interesting[] = ",\"\r\n;:-+TZ0123456789 \xef\xbb\xbf\xff";

static GBytes *
mutate (GRand   *rand,
        GBytes  *seed,
        GBytes  *other)
{
  gsize len = 0, other_len = 0;
  const guint8 *data = g_bytes_get_data (seed, &len);
  const guint8 *other_data = g_bytes_get_data (other, &other_len);
  GByteArray *out = g_byte_array_new ();
  guint n = g_rand_int_range (rand, 1, 8);

  /* MIN () evaluates its arguments twice: every random number is drawn into a variable first. */

  g_byte_array_append (out, data, len);
  for (guint i = 0; i < n; i++)
    {
      guint pos = out->len > 0 ? g_rand_int_range (rand, 0, out->len) : 0;
      guint r16 = g_rand_int_range (rand, 1, 16), r32 = g_rand_int_range (rand, 1, 32), r64 = g_rand_int_range (rand, 1, 64);
      guint8 c = g_rand_boolean (rand) ? (guint8) interesting[g_rand_int_range (rand, 0, sizeof interesting - 1)]
                                       : (guint8) g_rand_int_range (rand, 0, 256);

      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0:
          if (out->len > 0)
            out->data[pos] = c;
          break;
        case 1:
          g_byte_array_append (out, &c, 1);
          memmove (out->data + pos + 1, out->data + pos, out->len - 1 - pos);
          out->data[pos] = c;
          break;
        case 2:
          if (out->len > 0)
            g_byte_array_remove_range (out, pos, MIN (out->len - pos, r16));
          break;
        case 3:
          if (other_len > 0)
            {
              guint from = g_rand_int_range (rand, 0, other_len);
              guint take = MIN (other_len - from, r64);

              g_byte_array_set_size (out, MIN (out->len, pos));
              g_byte_array_append (out, other_data + from, take);
            }
          break;
        default:
          if (out->len > 0)
            {
              guint from = g_rand_int_range (rand, 0, out->len);
              guint take = MIN (out->len - from, r32);
              g_autofree guint8 *copy = g_memdup2 (out->data + from, take);

              g_byte_array_prepend (out, copy, take);
            }
          break;
        }
    }
  return g_byte_array_free_to_bytes (out);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) seeds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250331);
  const char *name;
  const char *env = g_getenv ("MD_FUZZ_SECONDS");
  double seconds = env != NULL ? g_ascii_strtod (env, NULL) : 10;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint64 runs = 0;

  if (argc != 2 || (dir = g_dir_open (argv[1], 0, NULL)) == NULL)
    {
      g_printerr ("usage: %s CORPUS_DIR\n", argv[0]);
      return 2;
    }
  printf ("1..1\n");
  fflush (stdout);
  signal (SIGABRT, dump_input_cb);
  signal (SIGSEGV, dump_input_cb);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (argv[1], name, NULL);
      char *contents = NULL;
      gsize len = 0;

      if (g_file_get_contents (path, &contents, &len, NULL))
        g_ptr_array_add (seeds, g_bytes_new_take (contents, len));
    }
  g_ptr_array_add (seeds, g_bytes_new_static ("", 0));
  for (guint i = 0; i < seeds->len; i++, runs++)
    {
      gsize len;
      const guint8 *data = g_bytes_get_data (seeds->pdata[i], &len);

      run_one (data, len);
    }
  while (g_timer_elapsed (timer, NULL) < seconds)
    {
      GBytes *seed = seeds->pdata[g_rand_int_range (rand, 0, seeds->len)];
      GBytes *other = seeds->pdata[g_rand_int_range (rand, 0, seeds->len)];
      g_autoptr(GBytes) input = mutate (rand, seed, other);
      gsize len;
      const guint8 *data = g_bytes_get_data (input, &len);

      run_one (data, len);
      runs++;
      /* Keep some mutants as seeds, so that changes pile up. */
      if (runs % 64 == 0 && seeds->len < 4096)
        g_ptr_array_add (seeds, g_bytes_ref (input));
    }
  {
    g_autofree char *corpus = g_path_get_basename (argv[1]);

    printf ("ok 1 /fuzz/%s %" G_GUINT64_FORMAT " executions in %.0f s, no finding\n",
            corpus, runs, g_timer_elapsed (timer, NULL));
  }
  return 0;
}
