/* make-diary.c: writes a generated, realistic diary into a database, for screenshots and
 * trying the app: make-diary DB [DAYS] [EPISODES_PER_DAY] [SEED]. */
#include "config.h"

#include <stdlib.h>

#include "md-bench-data.h"
#include "md-checkin.h"
#include "md-store.h"
#include "md-time.h"

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdStore) store = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  guint days = argc > 2 ? (guint) atoi (argv[2]) : 365;
  double per_day = argc > 3 ? g_ascii_strtod (argv[3], NULL) : 0.8;
  guint32 seed = argc > 4 ? (guint32) atoi (argv[4]) : 7;
  gint64 now = md_time_now ();
  gint64 today = md_time_day_of (now + md_utc_offset_at (NULL, now));

  if (argc < 2)
    {
      g_printerr ("usage: make-diary DB [DAYS] [EPISODES_PER_DAY] [SEED]\n");
      return 2;
    }
  store = md_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  md_bench_generate (today, days, per_day, seed, &episodes, &checkins);
  /* Nothing may start in the future. */
  for (guint i = episodes->len; i > 0; i--)
    if (((MdEpisode *) episodes->pdata[i - 1])->start_utc > now)
      g_ptr_array_remove_index (episodes, i - 1);
  if (!md_store_add_episodes (store, episodes, FALSE, NULL, NULL, &error) ||
      !md_store_put_checkins (store, checkins, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%u episodes, %u check-ins\n", episodes->len, checkins->len);
  return 0;
}
