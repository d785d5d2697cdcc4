"""Helpers for the end-to-end tests: the real menodiary binary in a real X server (Xvfb), on a
private D-Bus session with the accessibility bus, driven as a screen reader or a keyboard user
would drive it. Nothing here touches the user's own desktop or data."""
import os
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402


def reexec_in_session():
    """Runs this script again inside its own D-Bus session (once)."""
    if os.environ.get('MD_E2E_INNER') == '1':
        return
    env = dict(os.environ, MD_E2E_INNER='1')
    for var in ('GTK_A11Y', 'NO_AT_BRIDGE', 'DBUS_SESSION_BUS_ADDRESS'):
        env.pop(var, None)
    os.execvpe('dbus-run-session', ['dbus-run-session', '--', sys.executable] + sys.argv, env)


class Session:
    """An X server, the app on a fresh diary, and the accessibility tree."""

    def __init__(self, lang=None):
        self.dir = tempfile.mkdtemp(prefix='menodiary-e2e-')
        self.db = os.path.join(self.dir, 'diary.db')
        self.xvfb = None
        self.app = None
        # Under load an X server can vanish between its start and the app's (another test
        # program's server taking over the display): start both again, a few times at most.
        for _ in range(5):
            if not self._start_x():
                continue
            self._start_app(lang)
            try:
                self.app.wait(1.0)
            except subprocess.TimeoutExpired:
                break
            err = self.app.stderr.read().decode()
            if 'cannot open display' not in err:
                raise AssertionError('menodiary exited with %d: %s' % (self.app.returncode, err))
            self.xvfb.kill()
            self.xvfb.wait()
        else:
            raise AssertionError('no X server could be started')
        Atspi.init()
        try:
            self.root = self.wait(self.find_app, 'the application on the accessibility bus', 90.0)
        except AssertionError:
            self.close()
            raise

    def _start_app(self, lang):
        # Without this, AT-SPI's bus cannot reach the X server.
        subprocess.run(['dbus-update-activation-environment', 'DISPLAY'], check=True)
        env = dict(os.environ, XDG_DATA_HOME=self.dir, XDG_CONFIG_HOME=self.dir,
                   GSETTINGS_BACKEND='memory', GTK_A11Y='atspi')
        env.pop('G_DEBUG', None)
        if lang:
            env['LANGUAGE'] = lang
            env['LC_ALL'] = lang + '.UTF-8'
        self.app = subprocess.Popen([os.environ['MENODIARY_BIN'], '--db', self.db], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def _start_x(self):
        """Starts Xvfb on a free display and checks that a client can connect (with several
        test programs starting servers at once, a display can be taken in between)."""
        r, w = os.pipe()
        self.xvfb = subprocess.Popen(['Xvfb', '-displayfd', str(w), '-screen', '0', '1280x1024x24',
                                      '-nolisten', 'tcp'], pass_fds=[w], stderr=subprocess.DEVNULL)
        os.close(w)
        display = b''
        while not display.endswith(b'\n'):
            chunk = os.read(r, 64)
            if not chunk:
                break
            display += chunk
        os.close(r)
        name = ':' + display.decode().strip()
        ok = bool(display.strip()) and subprocess.run(['xdpyinfo', '-display', name], stdout=subprocess.DEVNULL,
                                                      stderr=subprocess.DEVNULL).returncode == 0
        if not ok:
            self.xvfb.kill()
            self.xvfb.wait()
            return False
        os.environ['DISPLAY'] = name
        return True

    def close(self):
        if self.app.poll() is not None and self.app.returncode != 0:
            print('# menodiary exited with %d' % self.app.returncode)
        self.app.terminate()
        try:
            self.app.wait(10)
        except subprocess.TimeoutExpired:
            self.app.kill()
        self.xvfb.terminate()
        self.xvfb.wait(10)
        subprocess.run(['rm', '-rf', self.dir])

    def find_app(self):
        if self.app.poll() is not None:
            raise AssertionError('menodiary exited with %d: %s' % (self.app.returncode,
                                                                   self.app.stderr.read().decode()))
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            if child is not None and child.get_name() == 'menodiary':
                return child
        return None

    @staticmethod
    def wait(fn, what, timeout=20.0):
        """Polls @fn until it returns something; the accessibility bus has no event to wait on
        for "the tree now holds X", so this is the one place that polls (with a deadline)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            value = fn()
            if value:
                return value
            time.sleep(0.05)
        raise AssertionError('timed out waiting for ' + what)

    def find(self, role, name, root=None, showing=False):
        """The first node of @role whose name is @name (or starts with it, for GTK 4.8's
        doubled mnemonic names), breadth first."""
        queue = [root or self.root]
        while queue:
            node = queue.pop(0)
            try:
                if node.get_role() == role:
                    n = node.get_name() or ''
                    if n == name or n.startswith(name + ' '):
                        if not showing or node.get_state_set().contains(Atspi.StateType.SHOWING):
                            return node
                for i in range(node.get_child_count()):
                    child = node.get_child_at_index(i)
                    if child is not None:
                        queue.append(child)
            except gi.repository.GLib.GError:
                continue
        return None

    def window(self, title):
        """The top-level window named @title (GTK 4.8 sometimes gives a window the role "filler"
        instead of "frame" on the bus, so only the name is compared)."""
        def look():
            for i in range(self.root.get_child_count()):
                child = self.root.get_child_at_index(i)
                if child is not None and child.get_name() == title:
                    return child
            return None
        return self.wait(look, 'the window "%s"' % title)

    def wait_find(self, role, name, root=None):
        return self.wait(lambda: self.find(role, name, root), '%s "%s"' % (role.value_nick, name))

    @staticmethod
    def act(node, action=0):
        assert Atspi.Action.do_action(node, action)

    @staticmethod
    def checked(node):
        return node.get_state_set().contains(Atspi.StateType.CHECKED)

    def rows(self, sql):
        import sqlite3
        con = sqlite3.connect('file:%s?mode=ro' % self.db, uri=True)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()


class Tap:
    def __init__(self):
        self.results = []

    def check(self, name, fn):
        try:
            fn()
            self.results.append((name, True, ''))
        except Exception as e:  # noqa: BLE001 - a failed check is reported, not raised
            import traceback
            self.results.append((name, False, traceback.format_exc()))

    def finish(self):
        print('1..%d' % len(self.results))
        for i, (name, ok, detail) in enumerate(self.results, 1):
            print('%s %d %s' % ('ok' if ok else 'not ok', i, name))
            for line in detail.splitlines():
                print('# ' + line)
        sys.stdout.flush()
        return 0 if all(ok for _, ok, _ in self.results) else 1


def focused(root):
    """The node that has the keyboard focus under @root, or None."""
    queue = [root]
    while queue:
        node = queue.pop(0)
        try:
            if node.get_state_set().contains(Atspi.StateType.FOCUSED):
                return node
            for i in range(node.get_child_count()):
                child = node.get_child_at_index(i)
                if child is not None:
                    queue.append(child)
        except gi.repository.GLib.GError:
            continue
    return None


class Keyboard:
    """Key presses through the X server (xdotool), counted."""

    def __init__(self):
        self.count = 0

    def focus_window(self, title):
        """Gives the keyboard focus to the visible window titled @title. Without a window manager
        nothing gives a new window the focus (a WM would); this is not counted as a key."""
        def find():
            out = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', '^%s$' % title],
                                 capture_output=True, text=True, timeout=10)
            ids = out.stdout.split()
            return ids[-1] if ids else None
        wid = Session.wait(find, 'the X window "%s"' % title)
        subprocess.run(['xdotool', 'windowfocus', wid], check=True, timeout=10)

    def press(self, *keys):
        for key in keys:
            subprocess.run(['xdotool', 'key', '--clearmodifiers', key], check=True)
            self.count += 1
