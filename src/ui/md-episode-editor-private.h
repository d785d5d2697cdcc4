/* md-episode-editor-private.h: the editor's insides, for the window tests. */
#pragma once

#include "md-episode-editor.h"
#include "md-episode-form.h"
#include "md-face-picker.h"

G_BEGIN_DECLS

struct _MdEpisodeEditor
{
  AdwWindow        parent_instance;

  MdDiary         *diary;
  MdEpisode       *original;       /* NULL when logging a new one */
  MdEpisode       *initial;        /* the form as opened, to tell whether she changed it */
  MdFaceSelection  selection;
  int              year, month, day;
  gboolean         time_touched;
  gboolean         syncing;
  gboolean         touched;
  gboolean         closing;        /* saved, hidden, torn down in an idle: acts no more */
  guint            timer_id;
  gint64           timer_start;    /* monotonic, µs */

  AdwWindowTitle  *window_title;
  GtkWidget       *save_button;
  GtkWidget       *cancel_button;
  GtkWidget       *delete_button;
  GtkLabel        *form_error;
  GtkToggleButton *today_button;
  GtkToggleButton *yesterday_button;
  GtkMenuButton   *date_button;
  GtkPopover      *date_popover;
  GtkCalendar     *calendar;
  GtkSpinButton   *hour_spin;
  GtkSpinButton   *minute_spin;
  GtkLabel        *when_error;
  MdFacePicker    *face_picker;
  GtkFlowBox      *regions_box;
  GtkLabel        *where_error;
  AdwComboRow     *side_row;
  GtkSpinButton   *duration_spin;
  GtkDropDown     *unit_dropdown;
  GtkLabel        *timer_label;
  GtkButton       *timer_button;
  GtkScale        *intensity_scale;
  GtkCheckButton  *intensity_unset;
  GtkLabel        *how_error;
  AdwPreferencesGroup *signs_group;
  AdwActionRow    *call_row;         /* first in the signs: the FAST signs mean calling now */
  GtkFlowBox      *triggers_box;
  GtkTextView     *notes_view;
  GtkLabel        *notes_count;
  GtkLabel        *notes_error;

  GtkCheckButton  *region_checks[MD_N_REGIONS];
  GtkCheckButton  *sign_checks[MD_N_SIGNS];
  GtkToggleButton *trigger_toggles[MD_N_TRIGGERS];
};

/* The episode the form describes now (not validated), for tests. */
MdEpisode *md_episode_editor_build_episode (MdEpisodeEditor *self) G_GNUC_WARN_UNUSED_RESULT;
/* Whether she changed anything since the form opened. */
gboolean   md_episode_editor_has_changes   (MdEpisodeEditor *self);
/* Whether Save is possible now. */
gboolean   md_episode_editor_is_valid      (MdEpisodeEditor *self);

G_END_DECLS
