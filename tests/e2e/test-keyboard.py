#!/usr/bin/python3
"""A keyboard user logs an episode along the shortest path, and it takes at most 15 keys:
Ctrl+N (the form opens on the face map), Space (marks the region under focus: the side follows),
Alt+U (Duration), 4 5, Tab to the first sign, Space, Ctrl+S. Real key presses through the X
server; the diary is checked afterwards."""
import sys

from md_e2e import Atspi, Keyboard, Session, Tap, reexec_in_session

reexec_in_session()
tap = Tap()
s = Session()
kb = Keyboard()
MAX_KEYS = 15
TABS_TO_FIRST_SIGN = 6   # duration unit, timer, intensity, not rated, the call-now text, first sign


def log_by_keyboard():
    s.wait_find(Atspi.Role.PUSH_BUTTON, 'Log Episode')
    kb.focus_window('Menodiary')
    kb.press('ctrl+n')
    form = s.window('Log Episode')
    kb.focus_window('Log Episode')
    part = s.wait_find(Atspi.Role.CHECK_BOX, 'Upper eyelid, your left', form)
    kb.press('space')
    s.wait(lambda: s.checked(part), 'Space to mark the region under focus')
    kb.press('alt+u', '4', '5')
    kb.press(*(['Tab'] * TABS_TO_FIRST_SIGN))
    kb.press('space', 'ctrl+s')
    rows = s.wait(lambda: s.rows('SELECT regions, side, duration_s, signs FROM episode'), 'the saved episode')
    assert kb.count <= MAX_KEYS, '%d keys' % kb.count
    assert len(rows) == 1, rows
    regions, side, duration_s, signs = rows[0]
    assert side == 'left', rows
    assert duration_s == 45, rows
    assert regions != 0, rows
    assert signs != 0, rows
    print('# %d keys' % kb.count)


try:
    tap.check('log an episode with at most %d keys' % MAX_KEYS, log_by_keyboard)
finally:
    s.close()
sys.exit(tap.finish())
