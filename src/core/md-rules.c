/* md-rules.c: the red-flag rules of ../shared/rules-reference.md, as a pure function.
 *
 * Everything a clinician may want to review (the thresholds, and for each rule its id, level,
 * title, plain explanation, message template, advice and source) stands at the top of this
 * file. Thresholds marked (J) are product judgements, not published values.
 *
 * The evaluation sorts the episodes once (oldest first; it checks first, so the store's order
 * costs nothing) and then walks them in a single pass; no rule is quadratic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "md-rules.h"
#include "md-time.h"

/* ---- Thresholds ---------------------------------------------------------------------- */

#define HOUR_S (G_GINT64_CONSTANT (3600))
#define DAY_S  (G_GINT64_CONSTANT (86400))

#define FUTURE_TOLERANCE_S        ((gint64) MD_FUTURE_TOLERANCE_S) /* later starts are ignored */
#define RECENT_S                  (24 * HOUR_S)  /* "recent": age at most 24 h */
#define EPISODE_WINDOW_S          (30 * DAY_S)   /* per-episode rules look back 30 days */
#define PATTERN_WINDOW_S          (28 * DAY_S)   /* long-episode, spread-face, one side */
#define LONG_EPISODE_S            (6 * HOUR_S)   /* (J) a "long" episode */
#define NEURO_SIGNS_MANY          2              /* (J) this many N signs at once: emergency */
#define RUN_MAX_GAP_DAYS          7              /* (J) days further apart end a run */
#define RUN_MAX_IDLE_DAYS         7              /* no day logged for longer: no run */
#define PERSISTENT_MIN_SPAN_DAYS  15             /* more than two weeks */
#define PERSISTENT_MIN_RUN_DAYS   4              /* (J) logged days needed in the run */
#define OVER_A_WEEK_MIN_SPAN_DAYS 8              /* more than a week */
#define PROGRESSIVE_WEEK_S        (7 * DAY_S)    /* bucket width */
#define PROGRESSIVE_MIN_HISTORY_S (21 * DAY_S)   /* earliest episode at least this old */
#define PROGRESSIVE_GROWTH        2              /* last week at least twice the oldest */
#define PROGRESSIVE_INTENSITY_UP  2              /* mean intensity up by at least this */
#define SPREAD_FACE_MIN_GROUPS    2              /* face areas (region groups) */
#define ONE_SIDE_MIN_EPISODES     5              /* episodes with a known side */
#define ONE_SIDE_MIN_PERCENT      90             /* (J) share on one single side */
#define UNILATERAL_MIN_GROUPS     2              /* that side's episodes reach this many areas */
#define HIGH_INTENSITY_WINDOW_S   (14 * DAY_S)
#define HIGH_INTENSITY_MIN        8              /* (J) intensity out of 10 */
#define HIGH_INTENSITY_MIN_COUNT  3              /* (J) episodes */

/* ---- Sources ------------------------------------------------------------------------- *
 *
 * Each source by its page title and publisher, so that she (or her doctor) can look it up.
 * FAST (Face, Arms, Speech, Time) is the NHS's and the Stroke Association's; BE FAST (adding
 * Balance and Eyes) is the American variant and is cited as such. */

#define SRC_ARTICLE  "“Facial Twitching During Menopause: Causes, Treatment & When to Worry” (consumer health article)"
#define SRC_FAST     "NHS, “Stroke: symptoms”; NHS, “Transient ischaemic attack (TIA)”; Stroke Association, “What if symptoms pass?” (FAST); NHS, “Bell's palsy”"
#define SRC_NEURO    "NHS, “Transient ischaemic attack (TIA)”; Stroke Association, “What if symptoms pass?”; BE FAST, the American variant of FAST that adds balance and eyesight; " SRC_ARTICLE ", “When to seek medical advice”"
#define SRC_HEAD     "NHS, “Head injury and concussion”"
#define SRC_TWITCH   "NHS, “Twitching eyes and muscles” (reviewed 2023); Mayo Clinic, “Eye twitching: when to see a doctor”"
#define SRC_PAIN     SRC_ARTICLE ", “When to seek medical advice” (severe pain); MSD Manual, “Hemifacial spasm” (usually painless)"
#define SRC_CLOSURE  "Mayo Clinic, “Eye twitching: when to see a doctor”; American Academy of Ophthalmology (EyeSmart), “What is an eyelid spasm or twitching eyelid?”"
#define SRC_LONG     "MSD Manual, “Hemifacial spasm”; NANOS, “Eyelid myokymia” (patient brochure); StatPearls, “Eyelid myokymia”"
#define SRC_DURATION "NHS, “Twitching eyes and muscles” (reviewed 2023); American Academy of Ophthalmology (EyeSmart), “What is an eyelid spasm or twitching eyelid?”; Mayo Clinic, “Eye twitching: when to see a doctor”"
#define SRC_SPREAD   "NHS, “Twitching eyes and muscles” (reviewed 2023); American Academy of Ophthalmology (EyeSmart), “What is an eyelid spasm or twitching eyelid?”; StatPearls, “Eyelid myokymia”"
#define SRC_SIDE     "MSD Manual, “Hemifacial spasm”; NANOS, “Eyelid myokymia” (patient brochure); StatPearls, “Eyelid myokymia”"

/* ---- The rules table ------------------------------------------------------------------ *
 *
 * Message placeholders: {signs} the signs seen ({signs_lower} in lower case), {episodes} "N episodes", {count} a number,
 * {when} local date and time of the latest evidence, {ago} how long before the check (left
 * out, with its brackets, on the clinician's paper: keep it as " ({ago})"),
 * {duration} the longest duration, {days} "N separate days" logged, {span} "N days" covered,
 * {last_day} the last logged day, {changes} what grew week by week, {groups} face areas,
 * {side} left or right, {side_n} / {known_n} / {percent} the one-side share, {reasons}.
 *
 * The advice of an emergency rule is what follows the call itself: the call ("Call 112 now,
 * even if the signs have passed.") comes first, with her own number (md_level_action).
 */

typedef enum {
  R_FACE_WEAKNESS_NOW,
  R_FACE_WEAKNESS_RECENT,
  R_NEURO_SIGNS_NOW,
  R_NEURO_SIGN_NOW,
  R_NEURO_SIGN_RECENT,
  R_HEAD_INJURY_SIGNS,
  R_HEAD_INJURY,
  R_SPREAD_BODY,
  R_PAIN,
  R_EYELID_CLOSURE,
  R_LONG_EPISODE,
  R_PERSISTENT,
  R_OVER_A_WEEK,
  R_PROGRESSIVE,
  R_SPREAD_FACE,
  R_UNILATERAL,
  R_ONE_SIDED,
  R_HIGH_INTENSITY,
  N_RULES
} RuleIndex;

static const MdRuleInfo rules[N_RULES] = {
  [R_FACE_WEAKNESS_NOW] = {
    "face-weakness-now", MD_LEVEL_EMERGENCY,
    N_("Face, arm or speech signs in the last day"),
    N_("You marked a drooping face, weakness in the face, an uneven face, an arm or leg weak, or trouble speaking on an episode in the last 24 hours. These are the signs of FAST (Face, Arms, Speech, Time)."),
    N_("{signs}: logged with {episodes} in the last 24 hours, the latest on {when} ({ago})."),
    N_("This app cannot tell what causes these signs; a doctor needs to see you quickly."),
    SRC_FAST },
  [R_FACE_WEAKNESS_RECENT] = {
    "face-weakness-recent", MD_LEVEL_URGENT,
    N_("Face, arm or speech signs in the last 30 days"),
    N_("You marked a drooping face, weakness in the face, an uneven face, an arm or leg weak, or trouble speaking on an episode between 1 and 30 days ago."),
    N_("{signs}: logged with {episodes} in the last 30 days, the latest on {when} ({ago})."),
    N_("Get medical advice today, even if the signs have passed. If they come back, call the emergency number straight away."),
    SRC_FAST },
  [R_NEURO_SIGNS_NOW] = {
    "neuro-signs-now", MD_LEVEL_EMERGENCY,
    N_("Several nerve-related signs in the last day"),
    N_("You marked two or more of these on one episode in the last 24 hours: a change in vision, dizziness, numbness, a severe headache, trouble swallowing. Two signs is our own threshold."),
    N_("{signs}: logged together with {episodes} in the last 24 hours, the latest on {when} ({ago})."),
    N_("This app cannot tell what causes these signs; a doctor needs to see you quickly."),
    SRC_NEURO },
  [R_NEURO_SIGN_NOW] = {
    "neuro-sign-now", MD_LEVEL_URGENT,
    N_("A nerve-related sign in the last day"),
    N_("You marked one of these on an episode in the last 24 hours: a change in vision, dizziness, numbness, a severe headache, trouble swallowing."),
    N_("{signs}: logged with {episodes} in the last 24 hours, the latest on {when} ({ago})."),
    N_("Get medical advice today. A sudden loss of sight, a sudden loss of balance, numbness down one side of the body or a sudden, very bad headache means calling the emergency number now, even if it has passed. Call too if more signs appear or the face or speech changes."),
    SRC_NEURO },
  [R_NEURO_SIGN_RECENT] = {
    "neuro-sign-recent", MD_LEVEL_SOON,
    N_("A nerve-related sign in the last 30 days"),
    N_("You marked a change in vision, dizziness, numbness, a severe headache or trouble swallowing on an episode between 1 and 30 days ago."),
    N_("{signs}: logged with {episodes} in the last 30 days, the latest on {when} ({ago})."),
    N_("If it came on suddenly and no doctor has checked it yet, get medical advice today. Otherwise book an appointment with your doctor and show them these entries."),
    SRC_NEURO },
  [R_HEAD_INJURY_SIGNS] = {
    "head-injury-signs", MD_LEVEL_EMERGENCY,
    N_("Head injury with other signs in the last day"),
    N_("You marked a recent head injury together with a face, arm, speech or nerve-related sign on an episode in the last 24 hours."),
    N_("A head injury together with {signs_lower}: logged with {episodes} in the last 24 hours, the latest on {when} ({ago})."),
    N_("New signs after a head injury need to be checked straight away."),
    SRC_HEAD },
  [R_HEAD_INJURY] = {
    "head-injury", MD_LEVEL_URGENT,
    N_("Head injury"),
    N_("You marked a recent head injury on an episode in the last 30 days, without face, arm, speech or nerve-related signs in the last 24 hours."),
    N_("A head injury was logged with {episodes} in the last 30 days, the latest on {when} ({ago})."),
    N_("Get medical advice today. Call the emergency number if drowsiness, vomiting, confusion, weakness or vision problems appear."),
    SRC_HEAD },
  [R_SPREAD_BODY] = {
    "spread-body", MD_LEVEL_SOON,
    N_("Twitching elsewhere in the body"),
    N_("You marked twitching elsewhere in the body on an episode in the last 30 days."),
    N_("Twitching elsewhere in the body was logged with {episodes} in the last 30 days, the latest on {when} ({ago})."),
    N_("Book an appointment with your doctor."),
    SRC_TWITCH },
  [R_PAIN] = {
    "pain", MD_LEVEL_SOON,
    N_("Pain with the twitching"),
    N_("You marked pain on an episode in the last 30 days. Harmless twitching usually does not hurt."),
    N_("Pain was logged with {episodes} in the last 30 days, the latest on {when} ({ago})."),
    N_("Book an appointment with your doctor."),
    SRC_PAIN },
  [R_EYELID_CLOSURE] = {
    "eyelid-closure", MD_LEVEL_SOON,
    N_("Eyelid forced shut"),
    N_("You marked the eyelid forced fully shut on an episode in the last 30 days."),
    N_("The eyelid was forced fully shut in {episodes} in the last 30 days, the latest on {when} ({ago})."),
    N_("Book an appointment with your doctor or an eye doctor."),
    SRC_CLOSURE },
  [R_LONG_EPISODE] = {
    "long-episode", MD_LEVEL_SOON,
    N_("Twitching that lasted for hours"),
    N_("An episode in the last 4 weeks lasted 6 hours or more. Six hours is our own threshold for twitching that goes on almost without a break."),
    N_("Episodes lasting 6 hours or more in the last 28 days: {count}. The longest lasted {duration}; the latest started on {when} ({ago})."),
    N_("Book an appointment with your doctor: twitching that goes on almost without a break is worth having checked."),
    SRC_LONG },
  [R_PERSISTENT] = {
    "persistent", MD_LEVEL_SOON,
    N_("Twitching on and off for more than two weeks"),
    N_("You logged twitching on at least 4 days across more than two weeks, with no gap longer than a week, the last of them in the past week. The 4 days and the one-week gap are our own thresholds."),
    N_("Twitching was logged on {days} across {span}, most recently on {last_day}, with no gap longer than a week."),
    N_("Book an appointment with your doctor: twitching that keeps coming back for more than two weeks is worth having checked. If it is around the eye, an eye doctor can check it too."),
    SRC_DURATION },
  [R_OVER_A_WEEK] = {
    "over-a-week", MD_LEVEL_NOTE,
    N_("Twitching on and off for more than a week"),
    N_("You logged twitching on days spread across more than a week, with no gap longer than a week, the last of them in the past week. The one-week gap is our own threshold."),
    N_("Twitching was logged on {days} across {span}, most recently on {last_day}."),
    N_("If it is the eyelid, see an eye doctor: eyelid twitching that lasts more than a week is worth having checked. Otherwise mention it at your next visit, and book an appointment sooner if it goes on for more than two weeks or spreads."),
    SRC_DURATION },
  [R_PROGRESSIVE] = {
    "progressive", MD_LEVEL_SOON,
    N_("Twitching increasing week by week"),
    N_("Over the last three weeks, each week had more episodes, more time twitching, a higher average strength or more areas of the face than the week before, and the last week clearly more than the first. What counts as clearly more (twice as much, or 2 points stronger) is our own threshold."),
    N_("Over the last three weeks, oldest week first, the twitching increased: {changes}."),
    N_("Book an appointment with your doctor and bring the diary."),
    SRC_SPREAD },
  [R_SPREAD_FACE] = {
    "spread-face", MD_LEVEL_SOON,
    N_("Twitching in more than one area of the face"),
    N_("In the last 4 weeks you logged twitching in at least two areas of the face (eye, forehead, mid-face, mouth, chin and jaw). The 4-week window is our own choice."),
    N_("In the last 28 days twitching was logged in more than one area of the face: {groups} ({episodes})."),
    N_("Get it checked promptly: twitching that reaches other parts of the face needs prompt medical attention. Book an appointment with your doctor now rather than at your next routine visit."),
    SRC_SPREAD },
  [R_UNILATERAL] = {
    "unilateral", MD_LEVEL_SOON,
    N_("One-sided twitching that spreads or lasts"),
    N_("At least 5 episodes in the last 4 weeks had a side recorded, at least 9 in 10 of them on the same side, and on that side the twitching also reached a second area of the face, lasted 6 hours or more once, or went on for more than two weeks. The 9 in 10 share is our own threshold."),
    N_("{side_n} of the {known_n} episodes with a known side in the last 28 days were on the {side} side ({percent}%), with {reasons}."),
    N_("Book an appointment with your doctor: twitching on one side that spreads or goes on is the pattern doctors want to see."),
    SRC_SIDE },
  [R_ONE_SIDED] = {
    "one-sided", MD_LEVEL_NOTE,
    N_("Twitching on one side"),
    N_("At least 5 episodes in the last 4 weeks had a side recorded, and at least 9 in 10 of them were on the same side. The 9 in 10 share is our own threshold."),
    N_("{side_n} of the {known_n} episodes with a known side in the last 28 days were on the {side} side ({percent}%)."),
    N_("Mention it at your next visit, and book an appointment sooner if it spreads, lasts for hours or goes on for more than two weeks."),
    SRC_SIDE },
  [R_HIGH_INTENSITY] = {
    "high-intensity", MD_LEVEL_SOON,
    N_("Strong twitching"),
    N_("At least 3 episodes in the last 2 weeks were rated 8 or more out of 10. Both numbers are our own thresholds."),
    N_("Episodes rated 8 or more out of 10 in the last 14 days: {count}. The latest started on {when} ({ago})."),
    N_("Book an appointment with your doctor."),
    SRC_TWITCH },
};

/* The one-sided advice when every episode of the last 28 days was in an eyelid, with no
 * eyelid forced shut: only then is the reassurance true. */
static const char one_sided_eyelid_advice[] =
  N_("Twitching of one eyelid on its own is usually harmless. Mention it at your next visit, and book an appointment sooner if it spreads, lasts for hours or goes on for more than two weeks.");

/* A lower alert about an episode that also raised an emergency alert: one piece of advice. */
static const char defer_advice[] =
  N_("Follow the emergency advice above, and tell the doctor about this too.");

static const char *level_ids[] = { "none", "note", "soon", "urgent", "emergency" };
static const char *level_labels[] = {
  N_("No pattern found in what has been logged"),
  N_("Mention at your next visit"),
  N_("Book an appointment"),
  N_("Get medical advice today"),
  N_("Call the emergency number now"),
};

/* ---- Helpers --------------------------------------------------------------------------- */

typedef struct {
  GArray          *ids;       /* gint64, oldest first */
  const MdEpisode *latest;
  guint32          signs;     /* union of the signs that matter to the rule */
  gint64           longest;
} Evidence;

static void
evidence_add (Evidence        *ev,
              const MdEpisode *ep,
              guint32          signs)
{
  if (ev->ids == NULL)
    ev->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (ev->ids, ep->id);
  ev->latest = ep;
  ev->signs |= signs;
  if (ep->duration_s > ev->longest)
    ev->longest = ep->duration_s;
}

static int
compare_episodes (const void *a,
                  const void *b)
{
  const MdEpisode *x = *(MdEpisode * const *) a;
  const MdEpisode *y = *(MdEpisode * const *) b;

  if (x->start_utc != y->start_utc)
    return x->start_utc < y->start_utc ? -1 : 1;
  if (x->id != y->id)
    return x->id < y->id ? -1 : 1;
  return 0;
}

/* As md_episode_local_day, inlined: the run rules call it for every episode. */
static inline gint64
local_day (const MdEpisode *ep)
{
  gint64 local = ep->start_utc + ep->utc_offset_s;

  return local >= 0 ? local / DAY_S : -((-local + DAY_S - 1) / DAY_S);
}

/* The region bits of each region group, to map a region set to groups in 5 steps. */
static void
group_masks (guint32 masks[MD_N_REGION_GROUPS])
{
  memset (masks, 0, sizeof (guint32) * MD_N_REGION_GROUPS);
  for (guint r = 0; r < MD_N_REGIONS; r++)
    masks[md_region_group (r)] |= MD_BIT (r);
}

static inline guint32
groups_of (const guint32 masks[MD_N_REGION_GROUPS],
           guint32       regions)
{
  guint32 groups = 0;

  for (guint g = 0; g < MD_N_REGION_GROUPS; g++)
    if (regions & masks[g])
      groups |= MD_BIT (g);
  return groups;
}

static int
compare_days (const void *a,
              const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Fills {name} placeholders from @kv (name, value, ..., NULL). */
static char *
expand (const char         *template,
        const char * const *kv)
{
  GString *s = g_string_new (NULL);
  const char *p = template;

  while (*p != '\0')
    {
      const char *close;
      gboolean done = FALSE;

      if (*p != '{' || (close = strchr (p, '}')) == NULL)
        {
          g_string_append_c (s, *p++);
          continue;
        }
      for (guint i = 0; kv[i] != NULL; i += 2)
        if (strlen (kv[i]) == (gsize) (close - p - 1) && strncmp (kv[i], p + 1, close - p - 1) == 0)
          {
            /* A key given without a value is left out, with the brackets around it. */
            if (kv[i + 1] == NULL)
              {
                if (g_str_has_suffix (s->str, " (") && close[1] == ')')
                  {
                    g_string_truncate (s, s->len - 2);
                    close++;
                  }
              }
            else
              g_string_append (s, kv[i + 1]);
            done = TRUE;
            break;
          }
      if (!done)
        g_string_append_len (s, p, close - p + 1);
      p = close + 1;
    }
  return g_string_free (s, FALSE);
}

static char *
format_count (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u episode", "%u episodes", n), n);
}

static char *
format_separate_days (gint64 n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d separate day", "%d separate days", (gulong) n), (int) n);
}

static char *
format_days (gint64 n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", (gulong) n), (int) n);
}

static char *
format_ago (gint64 age)
{
  if (age < 60)
    return g_strdup (_("just now"));
  if (age < HOUR_S)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", age / 60),
                            (int) (age / 60));
  if (age < 48 * HOUR_S)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", age / HOUR_S),
                            (int) (age / HOUR_S));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", age / DAY_S),
                          (int) (age / DAY_S));
}

static char *
format_when (const MdEpisode *ep)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (ep->start_utc + ep->utc_offset_s);

  if (dt == NULL)
    return g_strdup ("?");
  /* Translators: when an episode started, inside an alert's sentence (see g_date_time_format()).
   * German uses "%d.%m.%Y, %H:%M". */
  return g_date_time_format (dt, C_("day and time in a sentence", "%Y-%m-%d %H:%M"));
}

static char *
format_duration (gint64 s)
{
  /* The same wording as everywhere else (rounded to the minute from an hour up). */
  char *text = md_format_duration (MAX (s, 0));

  return text != NULL ? text : g_strdup ("");
}

static char *
format_groups (guint32 groups)
{
  GString *s = g_string_new (NULL);

  for (guint g = 0; g < MD_N_REGION_GROUPS; g++)
    if (groups & MD_BIT (g))
      {
        if (s->len > 0)
          g_string_append (s, ", ");
        g_string_append (s, md_region_group_label (g));
      }
  return g_string_free (s, FALSE);
}

static MdFlag *
flag_new (RuleIndex           r,
          GArray             *ids,   /* taken */
          const char * const *kv)
{
  MdFlag *flag = g_new0 (MdFlag, 1);
  g_autofree const char **kv_without_ago = NULL;
  guint n = 0;

  /* The same message for paper, without "(34 hours ago)". */
  while (kv[n] != NULL)
    n += 2;
  kv_without_ago = g_new0 (const char *, n + 3);
  for (guint i = 0; i < n; i += 2)
    {
      kv_without_ago[i] = kv[i];
      kv_without_ago[i + 1] = g_str_equal (kv[i], "ago") ? NULL : kv[i + 1];
    }
  kv_without_ago[n] = "ago";

  flag->rule = rules[r].rule;
  flag->level = rules[r].level;
  flag->title = _(rules[r].title);
  flag->message = expand (_(rules[r].message), kv);
  flag->record = expand (_(rules[r].message), kv_without_ago);
  flag->advice = _(rules[r].advice);
  flag->source = rules[r].source;
  flag->episodes = ids != NULL ? ids : g_array_new (FALSE, FALSE, sizeof (gint64));
  return flag;
}

/* A flag from per-episode evidence: signs, counts, date and age of the latest. */
static MdFlag *
flag_from_evidence (RuleIndex  r,
                    Evidence  *ev,
                    gint64     now_utc)
{
  g_autofree char *signs = md_signs_to_label (ev->signs);
  g_autofree char *signs_lower = g_utf8_strdown (signs, -1);
  g_autofree char *episodes = format_count (ev->ids->len);
  g_autofree char *count = g_strdup_printf ("%u", ev->ids->len);
  g_autofree char *when = format_when (ev->latest);
  g_autofree char *ago = format_ago (now_utc - ev->latest->start_utc);
  g_autofree char *duration = format_duration (ev->longest);
  const char *kv[] = { "signs", signs, "signs_lower", signs_lower, "episodes", episodes, "count", count, "when", when,
                       "ago", ago, "duration", duration, NULL };

  return flag_new (r, g_steal_pointer (&ev->ids), kv);
}

static GArray *
ids_where (MdEpisode * const *sorted,
           guint              from,
           guint              n,
           gboolean         (*keep) (const MdEpisode *ep, gconstpointer data),
           gconstpointer      data)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = from; i < n; i++)
    if (keep == NULL || keep (sorted[i], data))
      g_array_append_val (ids, sorted[i]->id);
  return ids;
}

static gboolean
known_side_is (const MdEpisode *ep,
               gconstpointer    data)
{
  return ep->side == *(const MdSide *) data;
}

/* Every episode from @from on was in an eyelid only, and none had the lid forced shut. */
static gboolean
eyelid_only (MdEpisode * const *sorted,
             guint              from,
             guint              n)
{
  const guint32 eyelids = MD_BIT (MD_REGION_EYELID_UPPER) | MD_BIT (MD_REGION_EYELID_LOWER);

  for (guint i = from; i < n; i++)
    if ((sorted[i]->regions & ~eyelids) != 0 || (sorted[i]->signs & MD_BIT (MD_SIGN_EYELID_CLOSURE)) != 0)
      return FALSE;
  return from < n;
}

/* A lower per-episode alert that shares an episode with an emergency alert defers to it, so
 * the two never give different advice about the same episode. */
static void
defer_to_emergency (MdFlag *fired[N_RULES])
{
  g_autoptr(GHashTable) urgent_ids = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint r = 0; r < N_RULES; r++)
    if (fired[r] != NULL && fired[r]->level == MD_LEVEL_EMERGENCY)
      for (guint k = 0; k < fired[r]->episodes->len; k++)
        g_hash_table_add (urgent_ids, &g_array_index (fired[r]->episodes, gint64, k));
  if (g_hash_table_size (urgent_ids) == 0)
    return;
  for (guint r = 0; r <= R_LONG_EPISODE; r++)
    if (fired[r] != NULL && fired[r]->level < MD_LEVEL_EMERGENCY)
      for (guint k = 0; k < fired[r]->episodes->len; k++)
        if (g_hash_table_contains (urgent_ids, &g_array_index (fired[r]->episodes, gint64, k)))
          {
            fired[r]->advice = _(defer_advice);
            break;
          }
}

static gboolean
high_intensity (const MdEpisode *ep,
                gconstpointer    data)
{
  return ep->intensity != MD_UNKNOWN && ep->intensity >= HIGH_INTENSITY_MIN;
}

/* ---- Public API ------------------------------------------------------------------------- */

const char *
md_level_id (MdLevel level)
{
  g_return_val_if_fail (level <= MD_LEVEL_EMERGENCY, NULL);
  return level_ids[level];
}

const char *
md_level_label (MdLevel level)
{
  g_return_val_if_fail (level <= MD_LEVEL_EMERGENCY, NULL);
  return _(level_labels[level]);
}

char *
md_level_action (MdLevel     level,
                 const char *number)
{
  if (level != MD_LEVEL_EMERGENCY)
    return NULL;
  if (number == NULL || *number == '\0')
    return g_strdup (_("Call the emergency number now, even if the signs have passed."));
  /* Translators: %s is her emergency phone number, e.g. 112. */
  return g_strdup_printf (_("Call %s now, even if the signs have passed."), number);
}

char *
md_flag_full_advice (const MdFlag *flag,
                     const char   *number)
{
  g_autofree char *action = NULL;

  g_return_val_if_fail (flag != NULL, NULL);

  action = md_level_action (flag->level, number);
  if (action == NULL || flag->advice == NULL || *flag->advice == '\0')
    return action != NULL ? g_steal_pointer (&action) : g_strdup (flag->advice ? flag->advice : "");
  /* Two whole sentences, the call first. */
  return g_strdup_printf ("%s %s", action, flag->advice);
}

void
md_flag_free (MdFlag *flag)
{
  if (flag == NULL)
    return;
  g_free (flag->message);
  g_free (flag->record);
  g_clear_pointer (&flag->episodes, g_array_unref);
  g_free (flag);
}

const MdRuleInfo *
md_rules_table (guint *n_rules)
{
  if (n_rules != NULL)
    *n_rules = N_RULES;
  return rules;
}

const MdRuleInfo *
md_rules_lookup (const char *rule)
{
  for (guint i = 0; rule != NULL && i < N_RULES; i++)
    if (g_str_equal (rules[i].rule, rule))
      return &rules[i];
  return NULL;
}


typedef struct {
  guint   count;
  gint64  duration;     /* sum of known durations */
  gint64  intensity;    /* sum of known intensities */
  guint   n_intensity;
  guint32 groups;
} Bucket;

typedef struct {
  gint64 first, last;   /* local days of the active run */
  guint  n_days;
} Run;

/* Local days in start order are almost sorted (an offset moves a day by at most one or two
 * places), so an insertion sort is linear here; past a budget of moves it falls back to qsort,
 * so odd data cannot make it quadratic. */
static void
sort_days (gint64 *days,
           guint   n)
{
  guint64 budget = 8 * (guint64) n + 64;

  for (guint i = 1; i < n; i++)
    {
      gint64 v = days[i];
      guint j = i;

      while (j > 0 && days[j - 1] > v)
        {
          days[j] = days[j - 1];
          j--;
          if (--budget == 0)
            {
              days[j] = v;
              qsort (days, n, sizeof (gint64), compare_days);
              return;
            }
        }
      days[j] = v;
    }
}

/* The active run of logged days (see persistent / over-a-week). FALSE when there is none. */
static gboolean
find_run (const MdEpisodeKey *older,
          guint               n_older,
          MdEpisode * const  *sorted,
          guint               n_sorted,
          gint64              now_utc,
          Run                *run)
{
  guint n = n_older + n_sorted;
  g_autofree gint64 *days = g_new (gint64, n);
  gboolean ordered = TRUE;
  guint n_days = 0, i;
  gint64 today;

  /* Ten years are some 50 000 episodes on some 3 650 days: a day equal to the one before is
   * not written again, so only the distinct days go on to the sort. */
  for (i = 0; i < n; i++)
    {
      gint64 day = i < n_older ? older[i].local_day : local_day (sorted[i - n_older]);

      if (n_days > 0 && day == days[n_days - 1])
        continue;
      if (n_days > 0 && day < days[n_days - 1])
        ordered = FALSE;
      days[n_days++] = day;
    }
  /* With offsets that change (travel), local days need not follow the instants. */
  if (!ordered)
    {
      guint m = n_days;

      sort_days (days, m);
      n_days = 0;
      for (i = 0; i < m; i++)
        if (n_days == 0 || days[i] != days[n_days - 1])
          days[n_days++] = days[i];
    }

  today = md_time_day_of (now_utc + (n_sorted > 0 ? sorted[n_sorted - 1]->utc_offset_s : older[n_older - 1].utc_offset_s));
  run->last = days[n_days - 1];
  if (today - run->last > RUN_MAX_IDLE_DAYS)
    return FALSE;
  i = n_days - 1;
  while (i > 0 && days[i] - days[i - 1] <= RUN_MAX_GAP_DAYS)
    i--;
  run->first = days[i];
  run->n_days = n_days - i;
  return TRUE;
}

/* The ids of the older keys and the sorted episodes whose local day is at least @first_day. */
static GArray *
ids_from_day (const MdEpisodeKey *older,
              guint               n_older,
              MdEpisode * const  *sorted,
              guint               n_sorted,
              gint64              first_day)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_older + n_sorted);
  gint64 *out;
  guint n = 0;

  /* Written straight into the array: ten years of evidence is every episode. */
  g_array_set_size (ids, n_older + n_sorted);
  out = (gint64 *) ids->data;
  for (guint i = 0; i < n_older; i++)
    if (older[i].local_day >= first_day)
      out[n++] = older[i].id;
  for (guint i = 0; i < n_sorted; i++)
    if (local_day (sorted[i]) >= first_day)
      out[n++] = sorted[i]->id;
  g_array_set_size (ids, n);
  return ids;
}

static void
append_change (GString    *s,
               const char *text)
{
  if (s->len > 0)
    g_string_append (s, "; ");
  g_string_append (s, text);
}

/* What grew week by week, or NULL when the progressive rule does not fire. */
static char *
progressive_changes (const Bucket *b)   /* b[0] = the last week, b[2] = two weeks before */
{
  GString *s = g_string_new (NULL);

  if (b[2].count < b[1].count && b[1].count < b[0].count &&
      b[0].count >= PROGRESSIVE_GROWTH * b[2].count)
    {
      g_autofree char *t = g_strdup_printf (_("episodes per week %u, %u, %u"),
                                            b[2].count, b[1].count, b[0].count);
      append_change (s, t);
    }
  if (b[2].duration > 0 && b[2].duration < b[1].duration && b[1].duration < b[0].duration &&
      b[0].duration >= PROGRESSIVE_GROWTH * b[2].duration)
    {
      g_autofree char *d2 = format_duration (b[2].duration);
      g_autofree char *d1 = format_duration (b[1].duration);
      g_autofree char *d0 = format_duration (b[0].duration);
      g_autofree char *t = g_strdup_printf (_("time twitching per week %s, %s, %s"), d2, d1, d0);
      append_change (s, t);
    }
  if (b[0].n_intensity > 0 && b[1].n_intensity > 0 && b[2].n_intensity > 0)
    {
      /* Means compared exactly: m2 < m1 <=> s2 * n1 < s1 * n2, and so on. */
      gint64 s0 = b[0].intensity, s1 = b[1].intensity, s2 = b[2].intensity;
      gint64 n0 = b[0].n_intensity, n1 = b[1].n_intensity, n2 = b[2].n_intensity;

      if (s2 * n1 < s1 * n2 && s1 * n0 < s0 * n1 &&
          s0 * n2 - s2 * n0 >= PROGRESSIVE_INTENSITY_UP * n0 * n2)
        {
          g_autofree char *t = g_strdup_printf (_("average intensity %.1f, %.1f, %.1f"),
                                                (double) s2 / n2, (double) s1 / n1, (double) s0 / n0);
          append_change (s, t);
        }
    }
  {
    guint g0 = __builtin_popcount (b[0].groups);
    guint g1 = __builtin_popcount (b[1].groups), g2 = __builtin_popcount (b[2].groups);

    if (g2 < g1 && g1 < g0)
      {
        g_autofree char *t = g_strdup_printf (_("face areas %u, %u, %u"), g2, g1, g0);
        append_change (s, t);
      }
  }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

/* The loop below reads more than id, start and offset only within these windows. */
G_STATIC_ASSERT (EPISODE_WINDOW_S < MD_RULES_DETAIL_S && PATTERN_WINDOW_S < MD_RULES_DETAIL_S &&
                 HIGH_INTENSITY_WINDOW_S < MD_RULES_DETAIL_S && 3 * PROGRESSIVE_WEEK_S < MD_RULES_DETAIL_S);

GPtrArray *
md_rules_evaluate (MdEpisode *const *episodes,
                   guint              n_episodes,
                   gint64             now_utc,
                   MdLevel           *overall)
{
  return md_rules_evaluate_keys (NULL, 0, episodes, n_episodes, now_utc, overall);
}

GPtrArray *
md_rules_evaluate_keys (const MdEpisodeKey *older,
                        guint               n_older,
                        MdEpisode *const   *episodes,
                        guint               n_episodes,
                        gint64              now_utc,
                        MdLevel            *overall)
{
  g_autofree MdEpisode **sorted = g_new (MdEpisode *, MAX (n_episodes, 1));
  MdFlag *fired[N_RULES] = { NULL, };
  Evidence ev[N_RULES] = { { NULL, }, };
  Bucket buckets[3] = { { 0, }, };
  guint n = 0, win28 = G_MAXUINT, win14 = G_MAXUINT, win21 = G_MAXUINT;
  guint32 groups28 = 0, side_groups[MD_N_SIDES] = { 0, };
  gint64 side_longest[MD_N_SIDES] = { 0, };
  guint side_count[MD_N_SIDES] = { 0, }, n_high = 0;
  gboolean ordered = TRUE;
  guint32 masks[MD_N_REGION_GROUPS];
  guint first_recent;
  GPtrArray *flags;
  Run run;

  g_return_val_if_fail (episodes != NULL || n_episodes == 0, NULL);
  g_return_val_if_fail (older != NULL || n_older == 0, NULL);

  /* Sort once, oldest first, leaving out starts more than 5 minutes ahead. */
  for (guint i = 0; i < n_episodes; i++)
    {
      if (episodes[i]->start_utc > now_utc + FUTURE_TOLERANCE_S)
        continue;
      if (n > 0 && compare_episodes (&sorted[n - 1], &episodes[i]) > 0)
        ordered = FALSE;
      sorted[n++] = episodes[i];
    }
  if (!ordered)
    qsort (sorted, n, sizeof (MdEpisode *), compare_episodes);

  /* One pass over the last 30 days (a binary search finds where they start): per-episode
   * rules and the sums the patterns need. Every window below is at most 30 days. */
  group_masks (masks);
  {
    guint lo = 0, hi = n;

    while (lo < hi)
      {
        guint mid = lo + (hi - lo) / 2;

        if (now_utc - sorted[mid]->start_utc > EPISODE_WINDOW_S)
          lo = mid + 1;
        else
          hi = mid;
      }
    first_recent = lo;
  }
  for (guint i = first_recent; i < n; i++)
    {
      const MdEpisode *ep = sorted[i];
      gint64 age = now_utc - ep->start_utc;
      gboolean recent = age <= RECENT_S;
      guint32 face = ep->signs & MD_SIGNS_FACE;
      guint32 neuro = ep->signs & MD_SIGNS_NEURO;
      guint n_neuro = __builtin_popcount (neuro);
      guint32 groups = groups_of (masks, ep->regions);
      gboolean is_long = ep->duration_s != MD_UNKNOWN && ep->duration_s >= LONG_EPISODE_S;
      gint64 k = MAX (age, 0) / PROGRESSIVE_WEEK_S;

      if (age <= EPISODE_WINDOW_S)
        {
          if (face != 0)
            evidence_add (&ev[recent ? R_FACE_WEAKNESS_NOW : R_FACE_WEAKNESS_RECENT], ep, face);
          if (recent && n_neuro >= NEURO_SIGNS_MANY)
            evidence_add (&ev[R_NEURO_SIGNS_NOW], ep, neuro);
          else if (recent && n_neuro == 1)
            evidence_add (&ev[R_NEURO_SIGN_NOW], ep, neuro);
          else if (!recent && n_neuro >= 1)
            evidence_add (&ev[R_NEURO_SIGN_RECENT], ep, neuro);
          if (ep->signs & MD_BIT (MD_SIGN_HEAD_INJURY))
            {
              if (recent && (face | neuro) != 0)
                evidence_add (&ev[R_HEAD_INJURY_SIGNS], ep, face | neuro);
              else
                evidence_add (&ev[R_HEAD_INJURY], ep, 0);
            }
          if (ep->signs & MD_BIT (MD_SIGN_SPREAD_BODY))
            evidence_add (&ev[R_SPREAD_BODY], ep, 0);
          if (ep->signs & MD_BIT (MD_SIGN_PAIN))
            evidence_add (&ev[R_PAIN], ep, 0);
          if (ep->signs & MD_BIT (MD_SIGN_EYELID_CLOSURE))
            evidence_add (&ev[R_EYELID_CLOSURE], ep, 0);
        }
      if (age <= PATTERN_WINDOW_S)
        {
          if (win28 == G_MAXUINT)
            win28 = i;
          if (is_long)
            evidence_add (&ev[R_LONG_EPISODE], ep, 0);
          groups28 |= groups;
          if (ep->side != MD_SIDE_UNKNOWN && ep->side < MD_N_SIDES)
            {
              side_count[ep->side]++;
              side_groups[ep->side] |= groups;
              if (is_long)
                side_longest[ep->side] = MAX (side_longest[ep->side], ep->duration_s);
            }
        }
      if (age <= HIGH_INTENSITY_WINDOW_S)
        {
          if (win14 == G_MAXUINT)
            win14 = i;
          if (high_intensity (ep, NULL))
            n_high++;
        }
      if (k < 3)
        {
          Bucket *b = &buckets[k];

          if (win21 == G_MAXUINT)
            win21 = i;
          b->count++;
          if (ep->duration_s != MD_UNKNOWN)
            b->duration += ep->duration_s;
          if (ep->intensity != MD_UNKNOWN)
            {
              b->intensity += ep->intensity;
              b->n_intensity++;
            }
          b->groups |= groups;
        }
    }

  for (guint r = 0; r <= R_LONG_EPISODE; r++)
    if (ev[r].ids != NULL)
      fired[r] = flag_from_evidence (r, &ev[r], now_utc);

  /* Persistent / over a week. */
  if (n_older + n > 0 && find_run (older, n_older, sorted, n, now_utc, &run))
    {
      gint64 span = run.last - run.first + 1;
      RuleIndex r = N_RULES;

      if (span >= PERSISTENT_MIN_SPAN_DAYS && run.n_days >= PERSISTENT_MIN_RUN_DAYS)
        r = R_PERSISTENT;
      else if (span >= OVER_A_WEEK_MIN_SPAN_DAYS)
        r = R_OVER_A_WEEK;
      if (r != N_RULES)
        {
          g_autofree char *days = format_separate_days (run.n_days);
          g_autofree char *span_text = format_days (span);
          g_autofree char *last = md_time_format_day_text (run.last);
          const char *kv[] = { "days", days, "span", span_text, "last_day", last, NULL };

          fired[r] = flag_new (r, ids_from_day (older, n_older, sorted, n, run.first), kv);
        }
    }

  /* Progressive. */
  if (n_older + n > 0 && now_utc - (n_older > 0 ? older[0].start_utc : sorted[0]->start_utc) >= PROGRESSIVE_MIN_HISTORY_S &&
      buckets[2].count > 0)
    {
      g_autofree char *changes = progressive_changes (buckets);

      if (changes != NULL)
        {
          const char *kv[] = { "changes", changes, NULL };

          fired[R_PROGRESSIVE] = flag_new (R_PROGRESSIVE, ids_where ((MdEpisode * const *) sorted, win21, n, NULL, NULL), kv);
        }
    }

  /* Spread over the face. */
  if ((guint) __builtin_popcount (groups28) >= SPREAD_FACE_MIN_GROUPS)
    {
      g_autofree char *groups = format_groups (groups28);
      g_autofree char *count = format_count (n - win28);
      const char *kv[] = { "groups", groups, "episodes", count, NULL };

      fired[R_SPREAD_FACE] = flag_new (R_SPREAD_FACE, ids_where ((MdEpisode * const *) sorted, win28, n, NULL, NULL), kv);
    }

  /* One side. */
  {
    guint known = side_count[MD_SIDE_LEFT] + side_count[MD_SIDE_RIGHT] + side_count[MD_SIDE_BOTH];
    MdSide side = MD_SIDE_UNKNOWN;

    if (known >= ONE_SIDE_MIN_EPISODES)
      {
        if (100 * side_count[MD_SIDE_LEFT] >= ONE_SIDE_MIN_PERCENT * known)
          side = MD_SIDE_LEFT;
        else if (100 * side_count[MD_SIDE_RIGHT] >= ONE_SIDE_MIN_PERCENT * known)
          side = MD_SIDE_RIGHT;
      }
    if (side != MD_SIDE_UNKNOWN)
      {
        GString *reasons = g_string_new (NULL);
        g_autofree char *side_n = g_strdup_printf ("%u", side_count[side]);
        g_autofree char *known_n = g_strdup_printf ("%u", known);
        g_autofree char *percent = g_strdup_printf ("%u", 100 * side_count[side] / known);
        g_autofree char *reasons_text = NULL;
        const char *kv[] = { "side", side == MD_SIDE_LEFT ? _("left") : _("right"),
                             "side_n", side_n, "known_n", known_n, "percent", percent,
                             "reasons", NULL, NULL };

        if (fired[R_PERSISTENT] != NULL)
          append_change (reasons, _("twitching for more than two weeks"));
        if ((guint) __builtin_popcount (side_groups[side]) >= UNILATERAL_MIN_GROUPS)
          {
            g_autofree char *g = format_groups (side_groups[side]);
            g_autofree char *t = g_strdup_printf (_("more than one face area (%s)"), g);
            append_change (reasons, t);
          }
        if (side_longest[side] >= LONG_EPISODE_S)
          {
            g_autofree char *d = format_duration (side_longest[side]);
            g_autofree char *t = g_strdup_printf (_("an episode lasting %s"), d);
            append_change (reasons, t);
          }
        reasons_text = g_string_free (reasons, FALSE);
        kv[9] = reasons_text;
        {
          RuleIndex r = *reasons_text != '\0' ? R_UNILATERAL : R_ONE_SIDED;

          fired[r] = flag_new (r, ids_where ((MdEpisode * const *) sorted, win28, n, known_side_is, &side), kv);
          if (r == R_ONE_SIDED && eyelid_only (sorted, win28, n))
            fired[r]->advice = _(one_sided_eyelid_advice);
        }
      }
  }

  /* Strong episodes. */
  if (n_high >= HIGH_INTENSITY_MIN_COUNT)
    {
      Evidence high = { NULL, };

      for (guint i = win14; i < n; i++)
        if (high_intensity (sorted[i], NULL))
          evidence_add (&high, sorted[i], 0);
      fired[R_HIGH_INTENSITY] = flag_from_evidence (R_HIGH_INTENSITY, &high, now_utc);
    }

  defer_to_emergency (fired);

  /* Highest level first, then table order. */
  flags = g_ptr_array_new_with_free_func ((GDestroyNotify) md_flag_free);
  *overall = MD_LEVEL_NONE;
  for (int level = MD_LEVEL_EMERGENCY; level > MD_LEVEL_NONE; level--)
    for (guint r = 0; r < N_RULES; r++)
      if (fired[r] != NULL && (int) fired[r]->level == level)
        {
          fired[r]->at_utc = now_utc;
          g_ptr_array_add (flags, fired[r]);
          if (*overall == MD_LEVEL_NONE)
            *overall = level;
        }
  return flags;
}

static void
append_json_string (GString    *s,
                    const char *text)
{
  g_string_append_c (s, '"');
  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (s, "\\\""); break;
        case '\\': g_string_append (s, "\\\\"); break;
        case '\n': g_string_append (s, "\\n"); break;
        case '\r': g_string_append (s, "\\r"); break;
        case '\t': g_string_append (s, "\\t"); break;
        case '\b': g_string_append (s, "\\b"); break;
        case '\f': g_string_append (s, "\\f"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (s, "\\u%04x", *p);
          else
            g_string_append_c (s, (char) *p);
        }
    }
  g_string_append_c (s, '"');
}

/* The ids as decimal digits straight into @s, ", " between them: the persistent rule's
 * evidence can be every episode of ten years (one printf each was a tenth of --flags --json,
 * one append call per separator still a twentieth). */
static void
append_ids (GString      *s,
            const gint64 *ids,
            guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      char buf[24];
      char *p = buf + sizeof buf;
      gint64 value = ids[i];
      guint64 u = value < 0 ? -(guint64) value : (guint64) value;
      gsize len;

      do
        *--p = (char) ('0' + u % 10);
      while ((u /= 10) != 0);
      if (value < 0)
        *--p = '-';
      if (i > 0)
        {
          *--p = ' ';
          *--p = ',';
        }
      len = buf + sizeof buf - p;
      if (s->len + len < s->allocated_len)
        {
          memcpy (s->str + s->len, p, len);
          s->len += len;
        }
      else
        g_string_append_len (s, p, len);
    }
  s->str[s->len] = '\0';
}

/* Written by hand so the bytes follow the documented contract exactly:
 * {"as_of": "…", "level": "…", "flags": [{"rule": "…", "level": "…", "title": "…",
 * "message": "…", "episodes": [3, 7], "advice": "…"}]} on one line. "advice" came later and
 * is last, so nothing before it moved. */
char *
md_rules_to_json (GPtrArray *flags,
                  MdLevel    overall,
                  gint64     as_of_utc)
{
  GString *s;
  g_autofree char *as_of = md_time_format_iso8601 (as_of_utc, 0, TRUE);
  gsize size = 4096;

  /* Sized once: ten years of evidence is a few hundred kilobytes of ids. */
  for (guint i = 0; flags != NULL && i < flags->len; i++)
    size += 1024 + 10 * ((const MdFlag *) g_ptr_array_index (flags, i))->episodes->len;
  s = g_string_sized_new (size);
  g_string_append (s, "{\"as_of\": ");

  append_json_string (s, as_of);
  g_string_append (s, ", \"level\": ");
  append_json_string (s, md_level_id (overall));
  g_string_append (s, ", \"flags\": [");
  for (guint i = 0; flags != NULL && i < flags->len; i++)
    {
      const MdFlag *flag = g_ptr_array_index (flags, i);

      g_string_append (s, i > 0 ? ", {\"rule\": " : "{\"rule\": ");
      append_json_string (s, flag->rule);
      g_string_append (s, ", \"level\": ");
      append_json_string (s, md_level_id (flag->level));
      g_string_append (s, ", \"title\": ");
      append_json_string (s, flag->title);
      g_string_append (s, ", \"message\": ");
      append_json_string (s, flag->message);
      g_string_append (s, ", \"episodes\": [");
      append_ids (s, (const gint64 *) flag->episodes->data, flag->episodes->len);
      g_string_append (s, "], \"advice\": ");
      {
        g_autofree char *advice = md_flag_full_advice (flag, NULL);
        append_json_string (s, advice);
      }
      g_string_append (s, "}");
    }
  g_string_append (s, "]}\n");
  return g_string_free (s, FALSE);
}

char *
md_rules_to_text (GPtrArray  *flags,
                  MdLevel     overall,
                  const char *emergency_number)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; flags != NULL && i < flags->len; i++)
    {
      const MdFlag *flag = g_ptr_array_index (flags, i);
      g_autofree char *action = md_level_action (flag->level, emergency_number);
      const char *mark = !flag->discussed ? ""
                         : flag->level == MD_LEVEL_EMERGENCY ? _(" (marked as checked)")
                         : _(" (discussed with doctor)");

      /* An emergency leads with the call, then what was logged. */
      if (action != NULL)
        g_string_append_printf (s, "%s  %s  %s: %s %s %s%s\n", md_level_id (flag->level), flag->rule,
                                flag->title, action, flag->message, flag->advice, mark);
      else
        g_string_append_printf (s, "%s  %s  %s: %s %s%s\n", md_level_id (flag->level), flag->rule,
                                flag->title, flag->message, flag->advice, mark);
    }
  if (flags == NULL || flags->len == 0)
    g_string_append_printf (s, "%s\n",
                            _("No warning pattern was found in what has been logged. This is not a medical check: if something worries you, see a doctor."));
  g_string_append_printf (s, "level: %s\n", md_level_id (overall));
  return g_string_free (s, FALSE);
}
