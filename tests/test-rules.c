/* test-rules.c: the red-flag rules, case by case, at every boundary of the reference.
 *
 * Each case lists episodes by their age before `now` (default 2025-03-31T12:00:00Z) and the
 * differences from the default episode (eyelid-lower, left, 60 s, intensity 3, +00:00). Ids are
 * 1, 2, 3... in the order the episodes are listed (a `rep` entry expands to several).
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include <string.h>

#include "md-rules.h"
#include "md-test-utils.h"
#include "md-time.h"

#define NOW   G_GINT64_CONSTANT (1743422400)   /* 2025-03-31T12:00:00Z */
#define MIN_S G_GINT64_CONSTANT (60)
#define H     G_GINT64_CONSTANT (3600)
#define DAY   G_GINT64_CONSTANT (86400)
#define D(n)  ((gint64) (n) * DAY + 3 * H)    /* dN: N days before, at 09:00Z */

/* Side codes ('\0' = the default, left). */
#define SL 'l'
#define SR 'r'
#define SB 'b'
#define SU 'u'
#define UNK (-1)          /* unknown duration or intensity */
#define I0  (-2)          /* intensity 0 */

#define F_DROOP   MD_BIT (MD_SIGN_DROOPING)
#define F_WEAK    MD_BIT (MD_SIGN_WEAKNESS)
#define F_SPEECH  MD_BIT (MD_SIGN_SPEECH_DIFFICULTY)
#define N_VISION  MD_BIT (MD_SIGN_VISION_CHANGE)
#define N_DIZZY   MD_BIT (MD_SIGN_DIZZINESS)
#define N_NUMB    MD_BIT (MD_SIGN_NUMBNESS)
#define N_HEAD    MD_BIT (MD_SIGN_SEVERE_HEADACHE)
#define O_INJURY  MD_BIT (MD_SIGN_HEAD_INJURY)
#define O_BODY    MD_BIT (MD_SIGN_SPREAD_BODY)
#define O_PAIN    MD_BIT (MD_SIGN_PAIN)
#define O_CLOSURE MD_BIT (MD_SIGN_EYELID_CLOSURE)

#define R_UPPER   MD_BIT (MD_REGION_EYELID_UPPER)
#define R_AROUND  MD_BIT (MD_REGION_AROUND_EYE)
#define R_CHEEK   MD_BIT (MD_REGION_CHEEK)
#define R_LIPS    MD_BIT (MD_REGION_LIPS)
#define R_JAW     MD_BIT (MD_REGION_JAW)
#define R_FOREHEAD MD_BIT (MD_REGION_FOREHEAD)

typedef struct {
  gint64  ago;       /* start = now - ago; G_MININT64 ends the list */
  guint   rep;       /* this many episodes (0 = 1) ... */
  gint64  step;      /* ... each this much later than the one before */
  gint32  off;       /* UTC offset, seconds */
  guint32 regions;   /* 0 = eyelid-lower */
  char    side;
  gint64  dur;       /* 0 = 60 s; UNK = unknown */
  int     inten;     /* 0 = 3; UNK = unknown; I0 = 0 */
  guint32 signs;
  gint64  at;        /* when not 0: the absolute start (Unix seconds) instead of ago */
} Ep;

#define END { G_MININT64 }

typedef struct {
  const char *path;
  const Ep   *eps;
  gint64      now;          /* 0 = NOW */
  const char *fired;        /* exact, space-separated, in output order; NULL = not checked */
  const char *level;        /* NULL = not checked */
  const char *has;          /* rules that must be among the flags */
  const char *lacks;        /* rules that must not be */
  const char *rule;         /* the flag whose details are checked below */
  const char *evidence;     /* its episode ids, e.g. "1,2,3" */
  const char *contains;     /* "|"-separated substrings of its message */
  gboolean    reversed;     /* hand the episodes over newest first */
} Case;

#define EPS(...) ((const Ep[]) { __VA_ARGS__, END })

static const Case cases[] = {
  /* The reference examples. */
  { "/rules/reference/1-one-episode", EPS ({ D (0) }), 0, "", "none" },
  { "/rules/reference/2-daily-two-weeks", EPS ({ D (13), 14, DAY, .side = SB }), 0,
    "over-a-week", "note", .rule = "over-a-week", .evidence = "1,2,3,4,5,6,7,8,9,10,11,12,13,14",
    .contains = "on 14 separate days across 14 days, most recently on 2025-03-31" },
  { "/rules/reference/3-every-second-day", EPS ({ D (14), 8, 2 * DAY, .side = SB }), 0,
    "persistent", "soon", .rule = "persistent", .evidence = "1,2,3,4,5,6,7,8",
    .contains = "Twitching was logged on 8 separate days across 15 days, most recently on 2025-03-31" },
  { "/rules/reference/4-gap-of-eight", EPS ({ D (14), 4, DAY, .side = SB }, { D (3), 4, DAY, .side = SB }), 0,
    "", "none" },
  { "/rules/reference/5-drooping-23h", EPS ({ 23 * H, .signs = F_DROOP }), 0,
    "face-weakness-now", "emergency", .rule = "face-weakness-now", .evidence = "1",
    .contains = "Drooping eyelid or face|1 episode in the last 24 hours|2025-03-30 13:00|23 hours ago" },
  { "/rules/reference/5-drooping-25h", EPS ({ 25 * H, .signs = F_DROOP }), 0,
    "face-weakness-recent", "urgent", .rule = "face-weakness-recent", .evidence = "1",
    .contains = "25 hours ago|2025-03-30 11:00" },
  { "/rules/reference/5-drooping-d31", EPS ({ D (31), .signs = F_DROOP }), 0, "", "none" },
  { "/rules/reference/6-vision-change", EPS ({ 2 * H, .signs = N_VISION }), 0,
    "neuro-sign-now", "urgent", .rule = "neuro-sign-now", .evidence = "1",
    .contains = "Change in vision|2 hours ago" },
  { "/rules/reference/6-vision-and-dizziness", EPS ({ 2 * H, .signs = N_VISION | N_DIZZY }), 0,
    "neuro-signs-now", "emergency", .rule = "neuro-signs-now", .contains = "Change in vision, Dizziness" },
  { "/rules/reference/7-head-injury", EPS ({ 5 * H, .signs = O_INJURY }), 0,
    "head-injury", "urgent", .rule = "head-injury", .evidence = "1", .contains = "5 hours ago" },
  { "/rules/reference/7-head-injury-headache", EPS ({ 5 * H, .signs = O_INJURY | N_HEAD }), 0,
    "head-injury-signs neuro-sign-now", "emergency", .rule = "head-injury-signs", .evidence = "1", .contains = "A head injury together with severe headache" },
  { "/rules/reference/8-left-eyelid-five", EPS ({ D (9) }, { D (7) }, { D (5) }, { D (2) }, { D (0) }), 0,
    "over-a-week one-sided", "note", .rule = "one-sided", .evidence = "1,2,3,4,5",
    .contains = "5 of the 5 episodes|left side (100%)" },
  { "/rules/reference/8-left-eyelid-four", EPS ({ D (9) }, { D (7) }, { D (5) }, { D (2) }), 0,
    "over-a-week", "note", .rule = "over-a-week", .contains = "on 4 separate days across 8 days, most recently on 2025-03-29" },
  { "/rules/reference/9-six-hours", EPS ({ D (1), .dur = 6 * H }), 0,
    "long-episode", "soon", .rule = "long-episode", .evidence = "1", .contains = ": 1.|lasted 6 h;" },
  { "/rules/reference/9-five-hours-59", EPS ({ D (1), .dur = 6 * H - 60 }), 0, "", "none" },
  { "/rules/reference/10-spread-body-pain", EPS ({ D (3), .signs = O_BODY | O_PAIN }), 0,
    "spread-body pain", "soon", .rule = "pain", .evidence = "1", .contains = "3 days ago" },

  /* Recent: 24 h in real seconds. */
  { "/rules/recent/face-24h", EPS ({ 24 * H, .signs = F_WEAK }), 0, "face-weakness-now", "emergency" },
  { "/rules/recent/face-24h-plus-1s", EPS ({ 24 * H + 1, .signs = F_WEAK }), 0, "face-weakness-recent", "urgent" },
  { "/rules/recent/neuro-24h", EPS ({ 24 * H, .signs = N_NUMB }), 0, "neuro-sign-now", "urgent" },
  { "/rules/recent/neuro-24h-plus-1s", EPS ({ 24 * H + 1, .signs = N_NUMB }), 0, "neuro-sign-recent", "soon" },
  { "/rules/recent/two-neuro-24h-plus-1s", EPS ({ 24 * H + 1, .signs = N_NUMB | N_HEAD }), 0, "neuro-sign-recent", "soon" },
  { "/rules/recent/three-neuro-now", EPS ({ H, .signs = N_NUMB | N_HEAD | N_VISION }), 0, "neuro-signs-now", "emergency" },
  { "/rules/recent/head-injury-face-now", EPS ({ H, .signs = O_INJURY | F_SPEECH }), 0,
    "face-weakness-now head-injury-signs", "emergency" },
  { "/rules/recent/head-injury-neuro-25h", EPS ({ 25 * H, .signs = O_INJURY | N_DIZZY }), 0,
    "head-injury neuro-sign-recent", "urgent" },
  /* A day across the spring change: 23 h on the wall clock, 24 h in real time. */
  { "/rules/recent/dst-wall-clock-23h", EPS ({ 24 * H, .off = 3600, .signs = F_DROOP }), 0, "face-weakness-now", "emergency" },
  { "/rules/recent/dst-real-24h-plus-1s", EPS ({ 24 * H + 1, .off = 3600, .signs = F_DROOP }), 0, "face-weakness-recent", "urgent" },

  /* The 30-day window of the per-episode rules. */
  { "/rules/window/face-30d", EPS ({ 30 * DAY, .signs = F_DROOP }), 0, "face-weakness-recent", "urgent" },
  { "/rules/window/face-30d-plus-1s", EPS ({ 30 * DAY + 1, .signs = F_DROOP }), 0, "", "none" },
  { "/rules/window/neuro-30d-plus-1s", EPS ({ 30 * DAY + 1, .signs = N_VISION }), 0, "", "none" },
  { "/rules/window/head-injury-30d", EPS ({ 30 * DAY, .signs = O_INJURY }), 0, "head-injury", "urgent" },
  { "/rules/window/pain-30d", EPS ({ 30 * DAY, .signs = O_PAIN }), 0, "pain", "soon" },
  { "/rules/window/closure-30d-plus-1s", EPS ({ 30 * DAY + 1, .signs = O_CLOSURE }), 0, "", "none" },
  { "/rules/window/closure-d3", EPS ({ D (3), .signs = O_CLOSURE }), 0, "eyelid-closure", "soon" },
  { "/rules/window/body-two-episodes", EPS ({ D (20), .signs = O_BODY }, { D (3), .signs = O_BODY }, { D (2) }), 0,
    "spread-body", "soon", .rule = "spread-body", .evidence = "1,2", .contains = "2 episodes|2025-03-28 09:00" },

  /* Long episodes: 6 h, 28 days. */
  { "/rules/long/six-hours-28d", EPS ({ 28 * DAY, .dur = 6 * H }), 0, "long-episode", "soon" },
  { "/rules/long/six-hours-28d-plus-1s", EPS ({ 28 * DAY + 1, .dur = 6 * H }), 0, "", "none" },
  { "/rules/long/six-hours-minus-1s", EPS ({ D (2), .dur = 6 * H - 1 }), 0, "", "none" },
  { "/rules/long/six-hours-plus-1s", EPS ({ D (2), .dur = 6 * H + 1 }), 0, "long-episode", "soon" },
  { "/rules/long/unknown-duration", EPS ({ D (2), .dur = UNK }), 0, "", "none" },
  { "/rules/long/two-longest", EPS ({ D (10), .dur = 8 * H + 30 * MIN_S, .side = SU }, { D (2), .dur = 7 * H, .side = SU }), 0,
    "long-episode", "soon", .rule = "long-episode", .evidence = "1,2",
    .contains = ": 2.|longest lasted 8 h 30 min|2025-03-29 09:00" },

  /* High intensity: 3 episodes of 8+ within 14 days. */
  { "/rules/intensity/three-at-8", EPS ({ D (5), 3, DAY, .inten = 8, .side = SU }), 0,
    "high-intensity", "soon", .rule = "high-intensity", .evidence = "1,2,3", .contains = "14 days: 3.|2025-03-28 09:00" },
  { "/rules/intensity/two-at-8", EPS ({ D (5), 2, DAY, .inten = 8, .side = SU }), 0, "", "none" },
  { "/rules/intensity/three-at-7", EPS ({ D (5), 3, DAY, .inten = 7, .side = SU }), 0, "", "none" },
  { "/rules/intensity/one-at-14d", EPS ({ 14 * DAY, .inten = 10, .side = SU }, { D (1), 2, H, .inten = 9, .side = SU }), 0,
    "high-intensity", "soon", .rule = "high-intensity", .evidence = "1,2,3" },
  { "/rules/intensity/one-at-14d-plus-1s", EPS ({ 14 * DAY + 1, .inten = 10, .side = SU }, { D (1), 2, H, .inten = 9, .side = SU }), 0,
    "", "none" },
  { "/rules/intensity/unknown", EPS ({ D (3), 3, H, .inten = UNK, .side = SU }, { D (2), 2, H, .inten = 8, .side = SU }), 0,
    "", "none" },
  { "/rules/intensity/zero-is-known", EPS ({ D (3), 3, H, .inten = I0, .side = SU }), 0, "", "none" },

  /* Persistent and over a week. */
  { "/rules/run/span-15-four-days", EPS ({ D (14), .side = SB }, { D (10), .side = SB }, { D (5), .side = SB }, { D (0), .side = SB }), 0,
    "persistent", "soon", .rule = "persistent", .contains = "on 4 separate days across 15 days" },
  { "/rules/run/span-14-four-days", EPS ({ D (13), .side = SB }, { D (9), .side = SB }, { D (5), .side = SB }, { D (0), .side = SB }), 0,
    "over-a-week", "note", .rule = "over-a-week", .contains = "on 4 separate days across 14 days" },
  { "/rules/run/span-15-three-days", EPS ({ D (14), .side = SB }, { D (7), .side = SB }, { D (0), .side = SB }), 0,
    "over-a-week", "note", .rule = "over-a-week", .contains = "on 3 separate days across 15 days" },
  { "/rules/run/span-8", EPS ({ D (7), .side = SB }, { D (0), .side = SB }), 0,
    "over-a-week", "note", .rule = "over-a-week", .evidence = "1,2", .contains = "on 2 separate days across 8 days" },
  { "/rules/run/span-7", EPS ({ D (6), .side = SB }, { D (0), .side = SB }), 0, "", "none" },
  { "/rules/run/gap-8-ends-run", EPS ({ D (8), .side = SB }, { D (0), .side = SB }), 0, "", "none" },
  { "/rules/run/gap-7-joins", EPS ({ D (15), .side = SB }, { D (8), .side = SB }, { D (4), .side = SB }, { D (0), .side = SB }), 0,
    "persistent", "soon", .rule = "persistent", .evidence = "1,2,3,4", .contains = "on 4 separate days across 16 days" },
  { "/rules/run/gap-8-splits", EPS ({ D (16), .side = SB }, { D (8), .side = SB }, { D (4), .side = SB }, { D (0), .side = SB }), 0,
    "over-a-week", "note", .rule = "over-a-week", .evidence = "2,3,4", .contains = "on 3 separate days across 9 days" },
  { "/rules/run/idle-7", EPS ({ D (21), 15, DAY, .side = SB }), 0,
    "persistent", "soon", .rule = "persistent", .contains = "on 15 separate days across 15 days, most recently on 2025-03-24" },
  { "/rules/run/idle-8", EPS ({ D (22), 15, DAY, .side = SB }), 0, "", "none" },
  { "/rules/run/many-on-one-day", EPS ({ D (0), 6, MIN_S, .side = SB }), 0, "", "none" },
  { "/rules/run/duplicates-count-one-day", EPS ({ D (7), .side = SB }, { D (0), .side = SB }, { D (0), .side = SB }), 0,
    "over-a-week", "note", .rule = "over-a-week", .evidence = "1,2,3", .contains = "on 2 separate days across 8 days" },
  { "/rules/run/backdated-years", EPS ({ 5 * 365 * DAY, 30, DAY, .side = SB, .signs = F_DROOP }, { D (0), .side = SB }), 0, "", "none" },
  { "/rules/run/reversed-input", EPS ({ D (14), 8, 2 * DAY, .side = SB }), 0,
    "persistent", "soon", .rule = "persistent", .evidence = "1,2,3,4,5,6,7,8", .reversed = TRUE },

  /* Daylight saving: each episode keeps its own offset. Spring 2025-03-30 01:00Z (+01 -> +02). */
  { "/rules/dst/spring-late-evening-moves-day",
    EPS ({ .at = 1742855400 /* 2025-03-24T22:30Z = 23:30+01 */, .off = 3600, .side = SB },
         { .at = 1743373800 /* 2025-03-30T22:30Z = 00:30+02 on the 31st */, .off = 7200, .side = SB }), 0,
    "over-a-week", "note", .rule = "over-a-week", .contains = "on 2 separate days across 8 days, most recently on 2025-03-31" },
  { "/rules/dst/spring-span-7",
    EPS ({ .at = 1742772600 /* 2025-03-23T23:30Z = 00:30+01 on the 24th */, .off = 3600, .side = SB },
         { .at = 1743370200 /* 2025-03-30T21:30Z = 23:30+02 */, .off = 7200, .side = SB }), 0, "", "none" },
  /* Autumn 2024-10-27 01:00Z (+02 -> +01); now 2024-11-03T12:00Z. */
  { "/rules/dst/autumn-span-7",
    EPS ({ .at = 1729981800 /* 2024-10-26T22:30Z = 00:30+02 on the 27th */, .off = 7200, .side = SB },
         { .at = 1730586600 /* 2024-11-02T22:30Z = 23:30+01 */, .off = 3600, .side = SB }), 1730635200, "", "none" },
  { "/rules/dst/autumn-late-evening-moves-day",
    EPS ({ .at = 1730064600 /* 2024-10-27T21:30Z = 22:30+01 */, .off = 3600, .side = SB },
         { .at = 1730590200 /* 2024-11-02T23:30Z = 00:30+01 on the 3rd */, .off = 3600, .side = SB }), 1730635200,
    "over-a-week", "note", .rule = "over-a-week", .contains = "on 2 separate days across 8 days, most recently on 2024-11-03" },

  /* Travel: local days out of order with the instants; today from the latest episode's offset. */
  { "/rules/travel/tokyo-then-new-york",
    EPS ({ .at = 1742832000 /* 2025-03-24T16:00Z = 03-25 01:00+09 */, .off = 9 * 3600, .side = SB },
         { .at = 1742871600 /* 2025-03-25T03:00Z = 03-24 22:00-05 */, .off = -5 * 3600, .side = SB },
         { .at = 1743400800 /* 2025-03-31T06:00Z = 03-31 01:00-05 */, .off = -5 * 3600, .side = SB }), 0,
    "over-a-week", "note", .rule = "over-a-week", .evidence = "1,2,3",
    .contains = "on 3 separate days across 8 days, most recently on 2025-03-31" },
  { "/rules/travel/new-york-today-7",
    EPS ({ .at = 1741510800 /* 2025-03-09T09:00Z */, .rep = 14, .step = DAY, .side = SB },
         { .at = 1742760000 /* 2025-03-23T20:00Z = 15:00-05 */, .off = -5 * 3600, .side = SB }), 1743390000,
    "persistent", "soon", .rule = "persistent", .contains = "on 15 separate days across 15 days, most recently on 2025-03-23" },
  { "/rules/travel/tokyo-today-8",
    EPS ({ .at = 1741510800 /* 2025-03-09T09:00Z */, .rep = 14, .step = DAY, .side = SB },
         { .at = 1742738400 /* 2025-03-23T14:00Z = 23:00+09 */, .off = 9 * 3600, .side = SB }), 1743390000,
    "", "none" },

  /* Future-dated and unknown fields. */
  { "/rules/future/300s-counted", EPS ({ -300, .signs = F_DROOP }), 0, "face-weakness-now", "emergency",
    .rule = "face-weakness-now", .contains = "just now" },
  { "/rules/future/301s-ignored", EPS ({ -301, .signs = F_DROOP }), 0, "", "none" },
  { "/rules/future/ignored-in-run", EPS ({ D (8), .side = SB }, { -301, .side = SB }, { D (1), .side = SB }), 0,
    "over-a-week", "note", .rule = "over-a-week", .evidence = "1,3", .contains = "on 2 separate days across 8 days" },
  { "/rules/unknown/side-not-counted", EPS ({ D (2), 5, H, .side = SU }), 0, "", "none" },
  { "/rules/empty", EPS ({ G_MININT64 }), 0, "", "none" },

  /* One side: at least 5 with a known side, 90% on one. */
  { "/rules/side/five-left", EPS ({ D (2), 5, H }), 0, "one-sided", "note", .rule = "one-sided", .evidence = "1,2,3,4,5" },
  { "/rules/side/four-left", EPS ({ D (2), 4, H }), 0, "", "none" },
  { "/rules/side/four-left-three-unknown", EPS ({ D (2), 4, H }, { D (1), 3, H, .side = SU }), 0, "", "none" },
  { "/rules/side/five-left-three-unknown", EPS ({ D (2), 5, H }, { D (1), 3, H, .side = SU }), 0, "one-sided", "note",
    .rule = "one-sided", .evidence = "1,2,3,4,5", .contains = "5 of the 5" },
  { "/rules/side/nine-left-one-right", EPS ({ D (2), 9, H }, { D (1), .side = SR }), 0, "one-sided", "note",
    .rule = "one-sided", .contains = "9 of the 10|left side (90%)" },
  { "/rules/side/eight-left-one-right", EPS ({ D (2), 8, H }, { D (1), .side = SR }), 0, "", "none" },
  { "/rules/side/nine-left-one-both", EPS ({ D (2), 9, H }, { D (1), .side = SB }), 0, "one-sided", "note" },
  { "/rules/side/eight-left-one-both", EPS ({ D (2), 8, H }, { D (1), .side = SB }), 0, "", "none" },
  { "/rules/side/89-of-100", EPS ({ D (2), 89, 5 * MIN_S }, { D (1), 11, MIN_S, .side = SR }), 0, "", "none" },
  { "/rules/side/90-of-100", EPS ({ D (2), 90, 5 * MIN_S }, { D (1), 10, MIN_S, .side = SR }), 0, "one-sided", "note",
    .rule = "one-sided", .contains = "90 of the 100|left side (90%)" },
  { "/rules/side/five-right", EPS ({ D (2), 5, H, .side = SR }), 0, "one-sided", "note",
    .rule = "one-sided", .contains = "right side (100%)" },
  { "/rules/side/one-at-28d", EPS ({ 28 * DAY }, { D (2), 4, H }), 0, "one-sided", "note", .rule = "one-sided", .evidence = "1,2,3,4,5" },
  { "/rules/side/one-at-28d-plus-1s", EPS ({ 28 * DAY + 1 }, { D (2), 4, H }), 0, "", "none" },
  { "/rules/side/unilateral-spread", EPS ({ D (2), 4, H }, { D (1), .regions = R_CHEEK }), 0,
    "spread-face unilateral", "soon", .rule = "unilateral", .contains = "5 of the 5|left side (100%)|more than one face area (Eye, Mid-face)" },
  { "/rules/side/unilateral-long", EPS ({ D (2), 4, H }, { D (1), .dur = 6 * H }), 0,
    "long-episode unilateral", "soon", .rule = "unilateral", .contains = "an episode lasting 6 h" },
  { "/rules/side/other-side-long", EPS ({ D (2), 9, H }, { D (1), .side = SR, .dur = 6 * H }), 0,
    "long-episode one-sided", "soon" },
  { "/rules/side/unilateral-persistent", EPS ({ D (14) }, { D (10) }, { D (5) }, { D (2) }, { D (0) }), 0,
    "persistent unilateral", "soon", .rule = "unilateral", .contains = "twitching for more than two weeks" },

  /* Spread over the face (28 days). */
  { "/rules/spread/one-episode-two-groups", EPS ({ D (2), .regions = R_UPPER | R_LIPS, .side = SU }), 0,
    "spread-face", "soon", .rule = "spread-face", .evidence = "1", .contains = "Eye, Mouth|1 episode" },
  { "/rules/spread/same-group", EPS ({ D (2), .regions = R_UPPER | R_AROUND, .side = SU }), 0, "", "none" },
  { "/rules/spread/two-episodes", EPS ({ 28 * DAY, .side = SU }, { D (2), .regions = R_JAW, .side = SU }), 0,
    "spread-face", "soon", .rule = "spread-face", .evidence = "1,2", .contains = "Eye, Chin and jaw" },
  { "/rules/spread/outside-window", EPS ({ 28 * DAY + 1, .side = SU }, { D (2), .regions = R_JAW, .side = SU }), 0, "", "none" },

  /* Progressive: buckets of 7 days, earliest at least 21 days old, bucket 2 not empty. */
  { "/rules/progressive/counts-1-2-3", EPS ({ 21 * DAY, .side = SB, .dur = UNK }, { 15 * DAY, .side = SB, .dur = UNK },
                                            { D (8), 2, H, .side = SB, .dur = UNK }, { D (1), 3, H, .side = SB, .dur = UNK }), 0,
    .has = "progressive", .rule = "progressive", .evidence = "2,3,4,5,6,7", .contains = "episodes per week 1, 2, 3" },
  { "/rules/progressive/earliest-21d-minus-1s", EPS ({ 21 * DAY - 1, .side = SB }, { D (8), 2, H, .side = SB }, { D (1), 3, H, .side = SB }), 0,
    .lacks = "progressive" },
  { "/rules/progressive/earliest-21d", EPS ({ 21 * DAY, .side = SB }, { 21 * DAY - 1, .side = SB }, { D (8), 2, H, .side = SB }, { D (1), 3, H, .side = SB }), 0,
    .has = "progressive" },
  { "/rules/progressive/earliest-15d", EPS ({ 15 * DAY, .side = SB }, { D (8), 2, H, .side = SB }, { D (1), 3, H, .side = SB }), 0,
    .lacks = "progressive" },
  { "/rules/progressive/bucket-2-empty", EPS ({ 22 * DAY, .side = SB }, { D (8), 2, H, .side = SB }, { D (1), 3, H, .side = SB }), 0,
    .lacks = "progressive" },
  { "/rules/progressive/counts-2-3-4", EPS ({ 21 * DAY, .side = SB, .dur = UNK }, { 15 * DAY, 2, H, .side = SB, .dur = UNK },
                                            { D (8), 3, H, .side = SB, .dur = UNK }, { D (1), 4, H, .side = SB, .dur = UNK }), 0,
    .has = "progressive", .rule = "progressive", .contains = "episodes per week 2, 3, 4" },
  { "/rules/progressive/counts-3-4-5", EPS ({ 21 * DAY, .side = SB }, { 15 * DAY, 3, H, .side = SB },
                                            { D (8), 4, H, .side = SB }, { D (1), 5, H, .side = SB }), 0,
    .lacks = "progressive" },
  { "/rules/progressive/duration-doubles", EPS ({ 21 * DAY, .side = SB }, { 15 * DAY, .side = SB, .dur = 60 },
                                               { D (8), .side = SB, .dur = 90 }, { D (1), .side = SB, .dur = 120 }), 0,
    .has = "progressive", .rule = "progressive", .contains = "time twitching per week 1 min, 1 min 30 s, 2 min" },
  { "/rules/progressive/duration-short-of-double", EPS ({ 21 * DAY, .side = SB }, { 15 * DAY, .side = SB, .dur = 60 },
                                                        { D (8), .side = SB, .dur = 90 }, { D (1), .side = SB, .dur = 119 }), 0,
    .lacks = "progressive" },
  { "/rules/progressive/duration-bucket-2-unknown", EPS ({ 21 * DAY, .side = SB }, { 15 * DAY, .side = SB, .dur = UNK },
                                                         { D (8), .side = SB, .dur = 90 }, { D (1), .side = SB, .dur = 600 }), 0,
    .lacks = "progressive" },
  { "/rules/progressive/intensity-up-2", EPS ({ 21 * DAY, .side = SB }, { 15 * DAY, .side = SB, .inten = 3 },
                                             { D (8), .side = SB, .inten = 4 }, { D (1), .side = SB, .inten = 5 }), 0,
    .has = "progressive", .rule = "progressive", .contains = "average intensity 3.0, 4.0, 5.0" },
  { "/rules/progressive/intensity-up-1-5", EPS ({ 21 * DAY, .side = SB }, { 15 * DAY, 2, H, .side = SB, .inten = 3, .dur = UNK },
                                                { D (8), 2, H, .side = SB, .inten = 4, .dur = UNK }, { D (1), .side = SB, .inten = 4, .dur = UNK },
                                                { D (1) + H, .side = SB, .inten = 5, .dur = UNK }), 0,
    .lacks = "progressive" },
  { "/rules/progressive/intensity-bucket-unknown", EPS ({ 21 * DAY, .side = SB }, { 15 * DAY, .side = SB, .inten = UNK },
                                                        { D (8), .side = SB, .inten = 4 }, { D (1), .side = SB, .inten = 9 }), 0,
    .lacks = "progressive" },
  { "/rules/progressive/groups-1-2-3", EPS ({ 21 * DAY, .side = SB }, { 15 * DAY, .side = SB },
                                            { D (8), .side = SB, .regions = R_UPPER | R_LIPS },
                                            { D (1), .side = SB, .regions = R_UPPER | R_LIPS | R_FOREHEAD }), 0,
    .has = "progressive spread-face", .rule = "progressive", .contains = "face areas 1, 2, 3" },
  { "/rules/progressive/future-in-bucket-0", EPS ({ 21 * DAY, .side = SB, .dur = UNK }, { 15 * DAY, .side = SB, .dur = UNK },
                                                  { D (8), 2, H, .side = SB, .dur = UNK }, { D (1), 2, H, .side = SB, .dur = UNK },
                                                  { -300, .side = SB, .dur = UNK }), 0,
    .has = "progressive", .rule = "progressive", .contains = "episodes per week 1, 2, 3" },
};

static MdEpisode *
make_episode (const Ep *e,
              gint64    now,
              guint     k,
              gint64    id)
{
  MdEpisode *ep = md_test_episode (e->at != 0 ? e->at + k * e->step : now - e->ago + k * e->step);

  ep->id = id;
  ep->utc_offset_s = e->off;
  if (e->regions != 0)
    ep->regions = e->regions;
  switch (e->side)
    {
    case SR: ep->side = MD_SIDE_RIGHT; break;
    case SB: ep->side = MD_SIDE_BOTH; break;
    case SU: ep->side = MD_SIDE_UNKNOWN; break;
    default: ep->side = MD_SIDE_LEFT; break;
    }
  if (e->dur != 0)
    ep->duration_s = e->dur;
  if (e->inten == I0)
    ep->intensity = 0;
  else if (e->inten != 0)
    ep->intensity = e->inten;
  ep->signs = e->signs;
  return ep;
}

static GPtrArray *
make_episodes (const Case *c,
               gint64      now)
{
  GPtrArray *eps = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);

  for (const Ep *e = c->eps; e->ago != G_MININT64; e++)
    for (guint k = 0; k < MAX (e->rep, 1); k++)
      g_ptr_array_add (eps, make_episode (e, now, k, eps->len + 1));
  if (c->reversed)
    for (guint i = 0; i < eps->len / 2; i++)
      {
        gpointer t = eps->pdata[i];

        eps->pdata[i] = eps->pdata[eps->len - 1 - i];
        eps->pdata[eps->len - 1 - i] = t;
      }
  return eps;
}

static char *
flag_rules (GPtrArray *flags)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < flags->len; i++)
    {
      const MdFlag *f = g_ptr_array_index (flags, i);
      g_string_append_printf (s, "%s%s", i > 0 ? " " : "", f->rule);
    }
  return g_string_free (s, FALSE);
}

static const MdFlag *
find_flag (GPtrArray  *flags,
           const char *rule)
{
  for (guint i = 0; i < flags->len; i++)
    {
      const MdFlag *f = g_ptr_array_index (flags, i);
      if (g_str_equal (f->rule, rule))
        return f;
    }
  return NULL;
}

static void
check_flag_sanity (GPtrArray *flags,
                   MdLevel    overall)
{
  MdLevel prev = MD_LEVEL_EMERGENCY;

  g_assert_cmpint (overall, ==, flags->len > 0 ? ((MdFlag *) flags->pdata[0])->level : MD_LEVEL_NONE);
  for (guint i = 0; i < flags->len; i++)
    {
      const MdFlag *f = g_ptr_array_index (flags, i);

      g_assert_cmpint (f->level, <=, prev);
      prev = f->level;
      g_assert_nonnull (md_rules_lookup (f->rule));
      g_assert_cmpint (md_rules_lookup (f->rule)->level, ==, f->level);
      g_assert_cmpstr (f->title, !=, "");
      g_assert_cmpstr (f->advice, !=, "");
      g_assert_cmpstr (f->source, !=, "");
      g_assert_null (strchr (f->message, '{'));
      g_assert_cmpuint (f->episodes->len, >, 0);
    }
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  gint64 now = c->now != 0 ? c->now : NOW;
  g_autoptr(GPtrArray) eps = make_episodes (c, now);
  g_autoptr(GPtrArray) flags = NULL;
  g_autofree char *got = NULL;
  MdLevel overall = MD_LEVEL_EMERGENCY;

  flags = md_rules_evaluate ((MdEpisode * const *) eps->pdata, eps->len, now, &overall);
  got = flag_rules (flags);
  g_test_message ("fired: [%s]", got);
  check_flag_sanity (flags, overall);

  if (c->fired != NULL)
    g_assert_cmpstr (got, ==, c->fired);
  if (c->level != NULL)
    g_assert_cmpstr (md_level_id (overall), ==, c->level);
  if (c->has != NULL)
    {
      g_auto(GStrv) want = g_strsplit (c->has, " ", -1);
      for (guint i = 0; want[i] != NULL; i++)
        g_assert_nonnull (find_flag (flags, want[i]));
    }
  if (c->lacks != NULL)
    {
      g_auto(GStrv) unwanted = g_strsplit (c->lacks, " ", -1);
      for (guint i = 0; unwanted[i] != NULL; i++)
        g_assert_null (find_flag (flags, unwanted[i]));
    }
  if (c->rule != NULL)
    {
      const MdFlag *f = find_flag (flags, c->rule);

      g_assert_nonnull (f);
      g_test_message ("%s: %s", f->rule, f->message);
      if (c->evidence != NULL)
        {
          GString *ids = g_string_new (NULL);
          g_autofree char *ids_text = NULL;

          for (guint i = 0; i < f->episodes->len; i++)
            g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                                    g_array_index (f->episodes, gint64, i));
          ids_text = g_string_free (ids, FALSE);
          g_assert_cmpstr (ids_text, ==, c->evidence);
        }
      if (c->contains != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (c->contains, "|", -1);
          for (guint i = 0; parts[i] != NULL; i++)
            if (strstr (f->message, parts[i]) == NULL)
              g_error ("“%s” not in “%s”", parts[i], f->message);
        }
    }
}

/* The flags do not depend on the order the episodes come in. */
static void
test_order_independent (void)
{
  g_autoptr(GPtrArray) eps = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  MdLevel la, lb;
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 300; i++)
    {
      MdEpisode *ep = md_test_episode (NOW - g_rand_int_range (rand, -300, 40 * DAY));

      ep->id = i + 1;
      ep->utc_offset_s = g_rand_int_range (rand, -10, 11) * 3600;
      ep->regions = MD_BIT (g_rand_int_range (rand, 0, MD_N_REGIONS));
      ep->side = g_rand_int_range (rand, 0, MD_N_SIDES);
      ep->intensity = g_rand_int_range (rand, -1, 11);
      ep->signs = g_rand_int_range (rand, 0, 20) == 0 ? MD_BIT (g_rand_int_range (rand, 0, MD_N_SIGNS)) : 0;
      g_ptr_array_add (eps, ep);
    }
  a = md_rules_evaluate ((MdEpisode * const *) eps->pdata, eps->len, NOW, &la);
  for (guint i = eps->len - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      gpointer t = eps->pdata[i];
      eps->pdata[i] = eps->pdata[j];
      eps->pdata[j] = t;
    }
  b = md_rules_evaluate ((MdEpisode * const *) eps->pdata, eps->len, NOW, &lb);
  g_rand_free (rand);
  ta = md_rules_to_json (a, la, NOW);
  tb = md_rules_to_json (b, lb, NOW);
  g_assert_cmpstr (ta, ==, tb);
  g_assert_cmpuint (a->len, >, 3);
}

static int
by_start (gconstpointer a,
          gconstpointer b)
{
  const MdEpisode *x = *(MdEpisode * const *) a, *y = *(MdEpisode * const *) b;

  if (x->start_utc != y->start_utc)
    return x->start_utc < y->start_utc ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Episodes older than MD_RULES_DETAIL_S given as keys (what the diary keeps of ten years):
 * the same flags, evidence and words as the whole episodes, over a year of daily twitching
 * in changing offsets with a gap, so the persistent run starts among the keys. */
static void
test_keys_same_as_episodes (void)
{
  g_autoptr(GPtrArray) eps = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (MdEpisodeKey));
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;
  GRand *rand = g_rand_new_with_seed (7);
  guint n_older = 0;
  MdLevel la, lb;

  for (guint i = 0; i < 2000; i++)
    {
      gint64 ago = g_rand_int_range (rand, 0, 400 * DAY);
      MdEpisode *ep;

      if (ago > 60 * DAY && ago < 70 * DAY)
        continue;   /* a gap of ten days: an earlier run ends there */
      ep = md_test_episode (NOW - ago);
      ep->id = i + 1;
      ep->utc_offset_s = g_rand_int_range (rand, -12, 15) * 3600;
      ep->regions = MD_BIT (g_rand_int_range (rand, 0, MD_N_REGIONS));
      ep->side = g_rand_int_range (rand, 0, MD_N_SIDES);
      ep->signs = g_rand_int_range (rand, 0, 30) == 0 ? MD_BIT (g_rand_int_range (rand, 0, MD_N_SIGNS)) : 0;
      g_ptr_array_add (eps, ep);
    }
  g_rand_free (rand);
  g_ptr_array_sort (eps, by_start);
  for (; n_older < eps->len; n_older++)
    {
      const MdEpisode *ep = eps->pdata[n_older];
      MdEpisodeKey key;

      if (ep->start_utc >= NOW - MD_RULES_DETAIL_S)
        break;
      md_episode_key_init (&key, ep->id, ep->start_utc, ep->utc_offset_s);
      g_array_append_val (keys, key);
    }
  g_assert_cmpuint (n_older, >, 1000);

  a = md_rules_evaluate ((MdEpisode * const *) eps->pdata, eps->len, NOW, &la);
  b = md_rules_evaluate_keys ((const MdEpisodeKey *) keys->data, n_older,
                              (MdEpisode * const *) eps->pdata + n_older, eps->len - n_older, NOW, &lb);
  ta = md_rules_to_json (a, la, NOW);
  tb = md_rules_to_json (b, lb, NOW);
  g_assert_cmpstr (ta, ==, tb);
  g_assert_nonnull (strstr (ta, "\"persistent\""));
}

/* Many episodes an hour apart in alternating far offsets: the local days are far from sorted,
 * which takes the sort's fallback path; the run must still be right. */
static void
test_many_offsets (void)
{
  g_autoptr(GPtrArray) eps = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  g_autoptr(GPtrArray) flags = NULL;
  const MdFlag *f;
  MdLevel overall;

  for (guint i = 0; i < 3000; i++)
    {
      MdEpisode *ep = md_test_episode (NOW - D (8) + i * 10);

      ep->id = i + 1;
      ep->side = MD_SIDE_BOTH;
      ep->utc_offset_s = i % 2 == 0 ? 14 * 3600 : -12 * 3600;
      g_ptr_array_add (eps, ep);
    }
  g_ptr_array_add (eps, md_test_episode (NOW - D (0)));
  ((MdEpisode *) eps->pdata[3000])->id = 3001;
  ((MdEpisode *) eps->pdata[3000])->side = MD_SIDE_BOTH;

  flags = md_rules_evaluate ((MdEpisode * const *) eps->pdata, eps->len, NOW, &overall);
  g_assert_cmpuint (flags->len, ==, 1);
  f = g_ptr_array_index (flags, 0);
  g_assert_cmpstr (f->rule, ==, "over-a-week");
  /* Local days 03-22, 03-23, 03-24 and 03-31. */
  g_assert_nonnull (strstr (f->message, "on 4 separate days across 10 days, most recently on 2025-03-31"));
  g_assert_cmpuint (f->episodes->len, ==, 3001);
}

static void
test_text_empty (void)
{
  g_autoptr(GPtrArray) flags = NULL;
  g_autofree char *text = NULL;
  MdLevel overall;

  flags = md_rules_evaluate (NULL, 0, NOW, &overall);
  g_assert_cmpint (overall, ==, MD_LEVEL_NONE);
  text = md_rules_to_text (flags, overall, "112");
  g_assert_nonnull (strstr (text, "No warning pattern was found in what has been logged"));
  g_assert_null (strstr (text, "all clear"));
  g_assert_true (g_str_has_suffix (text, "\nlevel: none\n"));
}

static void
test_text_lines (void)
{
  g_autoptr(MdEpisode) a = md_test_episode (NOW - 2 * H);
  g_autoptr(MdEpisode) b = md_test_episode (NOW - D (3));
  MdEpisode *eps[2] = { b, a };
  g_autoptr(GPtrArray) flags = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  MdLevel overall;

  a->id = 2;
  a->signs = N_VISION;
  b->id = 1;
  b->signs = O_PAIN;
  flags = md_rules_evaluate (eps, 2, NOW, &overall);
  ((MdFlag *) flags->pdata[1])->discussed = TRUE;
  text = md_rules_to_text (flags, overall, "112");
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "urgent  neuro-sign-now  A nerve-related sign in the last day: "));
  g_assert_true (g_str_has_prefix (lines[1], "soon  pain  Pain with the twitching: Pain was logged with 1 episode"));
  g_assert_true (g_str_has_suffix (lines[1], "(discussed with doctor)"));
  g_assert_false (g_str_has_suffix (lines[0], "(discussed with doctor)"));
  g_assert_cmpstr (lines[2], ==, "level: urgent");
  g_assert_cmpstr (lines[3], ==, "");
}

static void
test_table (void)
{
  guint n = 0;
  const MdRuleInfo *t = md_rules_table (&n);
  const char *ids[] = { "face-weakness-now", "face-weakness-recent", "neuro-signs-now", "neuro-sign-now",
                        "neuro-sign-recent", "head-injury-signs", "head-injury", "spread-body", "pain",
                        "eyelid-closure", "long-episode", "persistent", "over-a-week", "progressive",
                        "spread-face", "unilateral", "one-sided", "high-intensity" };
  const MdLevel levels[] = { MD_LEVEL_EMERGENCY, MD_LEVEL_URGENT, MD_LEVEL_EMERGENCY, MD_LEVEL_URGENT,
                             MD_LEVEL_SOON, MD_LEVEL_EMERGENCY, MD_LEVEL_URGENT, MD_LEVEL_SOON, MD_LEVEL_SOON,
                             MD_LEVEL_SOON, MD_LEVEL_SOON, MD_LEVEL_SOON, MD_LEVEL_NOTE, MD_LEVEL_SOON,
                             MD_LEVEL_SOON, MD_LEVEL_SOON, MD_LEVEL_NOTE, MD_LEVEL_SOON };

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (t[i].rule, ==, ids[i]);
      g_assert_cmpint (t[i].level, ==, levels[i]);
      g_assert_true (t[i].title && t[i].explanation && t[i].message && t[i].advice && t[i].source);
      g_assert_true (md_rules_lookup (ids[i]) == &t[i]);
      /* Medical wording: never a reassurance that everything is fine. */
      g_assert_null (strstr (t[i].message, "all clear"));
    }
  g_assert_null (md_rules_lookup ("nope"));
  g_assert_cmpstr (md_level_id (MD_LEVEL_NONE), ==, "none");
  g_assert_cmpstr (md_level_id (MD_LEVEL_EMERGENCY), ==, "emergency");
}

static void
test_json_bytes (void)
{
  g_autoptr(GPtrArray) flags = g_ptr_array_new_with_free_func ((GDestroyNotify) md_flag_free);
  MdFlag *flag = g_new0 (MdFlag, 1);
  gint64 ids[] = { 3, 7 };
  g_autofree char *json = NULL;
  g_autofree char *empty = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  flag->rule = "persistent";
  flag->level = MD_LEVEL_SOON;
  flag->title = "Twitching \"for\" weeks";
  flag->message = g_strdup ("Line one\nline two \\ tab\t\x01 é");
  flag->advice = "Book \"an\" appointment.";
  flag->episodes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (flag->episodes, ids, 2);
  g_ptr_array_add (flags, flag);

  /* Exactly the documented shape, spacing included, on one line. */
  json = md_rules_to_json (flags, MD_LEVEL_SOON, NOW);
  g_assert_cmpstr (json, ==,
                   "{\"as_of\": \"2025-03-31T12:00:00Z\", \"level\": \"soon\", \"flags\": [{\"rule\": \"persistent\", "
                   "\"level\": \"soon\", \"title\": \"Twitching \\\"for\\\" weeks\", "
                   "\"message\": \"Line one\\nline two \\\\ tab\\t\\u0001 é\", \"episodes\": [3, 7], "
                   "\"advice\": \"Book \\\"an\\\" appointment.\"}]}\n");
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "flags"), 0),
                     "message"), ==, flag->message);
  empty = md_rules_to_json (NULL, MD_LEVEL_NONE, NOW);
  g_assert_cmpstr (empty, ==, "{\"as_of\": \"2025-03-31T12:00:00Z\", \"level\": \"none\", \"flags\": []}\n");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], test_case);
  g_test_add_func ("/rules/order-independent", test_order_independent);
  g_test_add_func ("/rules/keys-same-as-episodes", test_keys_same_as_episodes);
  g_test_add_func ("/rules/travel/many-offsets", test_many_offsets);
  g_test_add_func ("/rules/text/empty", test_text_empty);
  g_test_add_func ("/rules/text/lines", test_text_lines);
  g_test_add_func ("/rules/table", test_table);
  g_test_add_func ("/rules/json/bytes", test_json_bytes);
  return g_test_run ();
}
