#!/usr/bin/python3
"""A screen-reader user logs an episode: the real window driven only through AT-SPI (no mouse
event, no key event): open the form, mark a region on the face map, set the duration, tick a
sign, save; then the diary holds exactly that."""
import sys

from md_e2e import Atspi, Session, Tap, reexec_in_session

reexec_in_session()
tap = Tap()
s = Session()


def log_episode():
    s.act(s.wait_find(Atspi.Role.PUSH_BUTTON, 'Log Episode'))
    form = s.window('Log Episode')
    part = s.wait_find(Atspi.Role.CHECK_BOX, 'Lower eyelid, your left', form)
    s.act(part)
    s.wait(lambda: s.checked(part), 'the region to be marked')
    duration = s.wait_find(Atspi.Role.SPIN_BUTTON, 'Duration', form)
    assert Atspi.Value.set_current_value(duration, 45)
    sign = s.wait_find(Atspi.Role.CHECK_BOX, 'Pain', form)
    s.act(sign)
    s.wait(lambda: s.checked(sign), 'the sign to be ticked')
    s.act(s.wait_find(Atspi.Role.PUSH_BUTTON, 'Save', form))
    rows = s.wait(lambda: s.rows('SELECT regions, side, duration_s, signs FROM episode'), 'the saved episode')
    assert len(rows) == 1, rows
    regions, side, duration_s, signs = rows[0]
    assert side == 'left', rows
    assert duration_s == 45, rows
    assert regions != 0 and signs != 0, rows


try:
    tap.check('log an episode through AT-SPI only', log_episode)
finally:
    s.close()
sys.exit(tap.finish())
