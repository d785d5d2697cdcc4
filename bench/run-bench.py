#!/usr/bin/env python3
"""run-bench.py BUILD_DIR [--runs N]: issue 11's figures on ten years of diary, one table.

Every figure is measured next to its floor in the same run (medians of several runs,
interleaved so that a busy machine slows both alike); the ratio is figure / floor. The window
figures come from build/bench/bench-window under one Xvfb (the script starts itself again
under xvfb-run when there is no display).
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

XVFB_ARGS = ['xvfb-run', '-a', '-s', '-screen 0 1280x1024x24 -nolisten tcp']


def run_keyed(cmd, env):
    """Runs a probe, returns its key=value lines as a dict of floats."""
    env = dict(env, BENCH_T0_US=str(time.monotonic_ns() // 1000))
    try:
        out = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             check=False, timeout=180)
    except subprocess.TimeoutExpired:
        sys.stderr.write('bench: %s took more than 180 s\n' % ' '.join(cmd))
        return {}
    values = {}
    for line in out.stdout.splitlines():
        if '=' in line:
            k, v = line.split('=', 1)
            values[k] = float(v)
    if out.returncode != 0 or not values:
        sys.stderr.write('bench: %s failed (%d):\n%s\n' % (' '.join(cmd), out.returncode, out.stderr[-2000:]))
    return values


def wall_ms(cmd, env, stdin=None):
    t = time.perf_counter()
    out = subprocess.run(cmd, env=env, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    ms = (time.perf_counter() - t) * 1000
    if out.returncode != 0:
        sys.stderr.write('bench: %s failed: %s\n' % (' '.join(cmd), out.stderr.decode()[-500:]))
    return ms


def med(xs):
    return statistics.median(xs) if xs else float('nan')


def main():
    build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else 'build')
    runs = int(sys.argv[sys.argv.index('--runs') + 1]) if '--runs' in sys.argv else 5
    if not os.environ.get('DISPLAY'):
        os.execvp(XVFB_ARGS[0], XVFB_ARGS + [sys.executable, os.path.abspath(__file__)] + sys.argv[1:])

    probe = os.path.join(build, 'bench', 'bench-window')
    app = os.path.join(build, 'src', 'menodiary')
    make_diary = os.path.join(build, 'bench', 'make-diary')
    env = dict(os.environ, GSETTINGS_BACKEND='memory', GSETTINGS_SCHEMA_DIR=os.path.join(build, 'data'),
               GTK_A11Y='none', NO_AT_BRIDGE='1')
    env.pop('GSK_RENDERER', None)
    cairo_env = dict(env, GSK_RENDERER='cairo')
    tmp = tempfile.mkdtemp(prefix='md-bench-')
    try:
        # Ten years of realistic data: about 53 500 episodes and 2 900 check-ins.
        ten = os.path.join(tmp, 'ten.db')
        subprocess.run([make_diary, ten, '3650', '11.3', '7'], env=env, check=True, stdout=subprocess.DEVNULL)
        csv = os.path.join(tmp, 'ten.csv')
        subprocess.run([app, '--db', ten, '--export', csv], env=env, check=True)

        def copy(name):
            dst = os.path.join(tmp, name)
            for suffix in ('-wal', '-shm'):
                if os.path.exists(dst + suffix):
                    os.remove(dst + suffix)
            shutil.copyfile(ten, dst)
            return dst

        rows = []
        # Which renderer the app picks by itself here (cairo where OpenGL is software, see
        # src/ui/md-renderer.c): the "default" figures are what she gets; the other renderer,
        # forced, is measured too.
        chose_cairo = run_keyed([probe, 'app', copy('app.db')], env).get('renderer_cairo', 0) == 1
        gl_env = dict(env, GSK_RENDERER='gl')
        other_key, other_env = ('gl', gl_env) if chose_cairo else ('cairo', cairo_env)
        default_name = 'default (the app chose cairo: OpenGL is software)' if chose_cairo else 'default (OpenGL)'

        # First frame and peak RSS, the app and the empty window alternating; at least 11 runs:
        # on a shared machine one start can take half as long again as the next.
        starts = [('empty', [probe, 'empty'], env), ('app', [probe, 'app'], env),
                  ('empty_cairo', [probe, 'empty'], cairo_env), ('app_cairo', [probe, 'app'], cairo_env)]
        if chose_cairo:
            starts.append(('app_gl', [probe, 'app'], gl_env))
        ff = {k: [] for k, _, _ in starts}
        rss = {k: [] for k in ff}
        cpu = {k: [] for k in ff}
        for _ in range(max(runs, 11)):
            for key, cmd, e in starts:
                v = run_keyed(cmd + ([copy('app.db')] if cmd[1] == 'app' else []), e)
                if 'first_frame_ms' in v and 'rss_kb' in v:
                    ff[key].append(v['first_frame_ms'])
                    cpu[key].append(v['first_frame_cpu_ms'])
                    rss[key].append(v['rss_kb'] / 1024)
        floor_name = 'empty AdwApplicationWindow (GTK default: OpenGL)'
        rows.append(('first frame, %s' % default_name, med(ff['app']), floor_name, med(ff['empty']), 'ms', '<= 1.3x'))
        rows.append(('first frame, both GSK_RENDERER=cairo', med(ff['app_cairo']), 'empty AdwApplicationWindow', med(ff['empty_cairo']), 'ms', '<= 1.3x'))
        if chose_cairo:
            rows.append(('first frame, OpenGL forced (GSK_RENDERER=gl)', med(ff['app_gl']), floor_name, med(ff['empty']), 'ms', 'info'))
            # What asking OpenGL for its name costs: the app as shipped against cairo forced.
            rows.append(('first frame, default (the OpenGL check included)', med(ff['app']), 'the app, GSK_RENDERER=cairo', med(ff['app_cairo']), 'ms', 'info'))
        # CPU time of all threads (the icon theme is read in a second one): beside the goal, not it.
        rows.append(('first frame, process CPU time, default', med(cpu['app']), floor_name, med(cpu['empty']), 'ms', 'info'))
        rows.append(('first frame, process CPU time, both cairo', med(cpu['app_cairo']), 'empty AdwApplicationWindow', med(cpu['empty_cairo']), 'ms', 'info'))
        rows.append(('peak RSS, %s' % default_name, med(rss['app']), floor_name, med(rss['empty']), 'MB', '<= +15 MB'))
        rows.append(('peak RSS, both cairo', med(rss['app_cairo']), 'empty AdwApplicationWindow', med(rss['empty_cairo']), 'MB', '<= +15 MB'))
        if chose_cairo:
            rows.append(('peak RSS, OpenGL forced (GSK_RENDERER=gl)', med(rss['app_gl']), floor_name, med(rss['empty']), 'MB', 'info'))
            rows.append(('peak RSS, default (the OpenGL check included)', med(rss['app']), 'the app, GSK_RENDERER=cairo', med(rss['app_cairo']), 'MB', 'info'))

        # Saving one episode through the editor until the window has painted it.
        saves, saves_cairo, actions, inserts = [], [], [], []
        for _ in range(max(1, runs // 2)):
            v = run_keyed([probe, 'insert', copy('insert.db'), '15'], env)
            inserts += [v['insert_ms']] if 'insert_ms' in v else []
            v = run_keyed([probe, 'save', copy('save.db'), '15'], env)
            saves += [v['save_ms']] if 'save_ms' in v else []
            actions += [v['save_action_ms']] if 'save_action_ms' in v else []
            v = run_keyed([probe, 'save', copy('save.db'), '15'], other_env)
            saves_cairo += [v['save_ms']] if 'save_ms' in v else []
        rows.append(('save one episode, to painted (default)', med(saves), 'md_store_add_episode alone', med(inserts), 'ms', '< 8 ms'))
        rows.append(('save one episode, to painted (%s forced)' % other_key, med(saves_cairo), 'md_store_add_episode alone', med(inserts), 'ms',
                     'info' if chose_cairo else '< 8 ms'))
        rows.append(('save one episode, the save action alone', med(actions), 'md_store_add_episode alone', med(inserts), 'ms', '< 8 ms'))

        # Import of the ten-year CSV against the sqlite3 shell's .import into a plain table.
        imp, raw = [], []
        for i in range(3):
            db = os.path.join(tmp, 'imp%d.db' % i)
            imp.append(wall_ms([app, '--db', db, '--import', csv], env))
            plain = os.path.join(tmp, 'plain%d.db' % i)
            raw.append(wall_ms(['sqlite3', plain, '.mode csv', '.import %s t' % csv], env))
        rows.append(('--import of the 10-year CSV', med(imp), 'sqlite3 shell .import', med(raw), 'ms', '<= 1.5x'))

        # Large imports: 100 000 and 1 000 000 generated rows from a file (bench-import), against
        # the goal of linear time (1 000 000 rows under 20 s).
        out = subprocess.run([os.path.join(build, 'bench', 'bench-import'), app, '100000', '1000000'], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=False).stdout
        for line in out.splitlines():
            if '(file, new diary' in line:
                n = int(line.split()[1])
                secs = float(line.split(':', 1)[1].split()[0])
                rows.append(('--import of %d generated rows' % n, secs * 1000, 'budget (linear, 1 000 000 under 20 s)',
                             20000.0 * n / 1000000, 'ms', 'linear'))

        # --flags --json against --version of the same binary.
        fl, ver = [], []
        for _ in range(7):
            ver.append(wall_ms([app, '--version'], env))
            fl.append(wall_ms([app, '--db', ten, '--flags', '--json'], env))
        rows.append(('--flags --json', med(fl), '--version, same binary', med(ver), 'ms', '<= 2x'))

        # Trends "All" and scrolling: against the frame budget.
        tr, tr_cold, tr_cold_frame, tr_again, sc, sc_floor = {}, {}, {}, {}, {}, {}
        for _ in range(max(1, runs // 2)):
            for key, e in (('default', env), (other_key, other_env)):
                v = run_keyed([probe, 'trends', copy('trends.db'), '5', '300'], e)
                tr.setdefault(key, []).extend([v['trends_all_first_ms']] if 'trends_all_first_ms' in v else [])
                tr_again.setdefault(key, []).extend([v['trends_all_again_ms']] if 'trends_all_again_ms' in v else [])
                v = run_keyed([probe, 'trends', copy('trends.db'), '2', '0'], e)
                tr_cold.setdefault(key, []).extend([v['trends_all_first_ms']] if 'trends_all_first_ms' in v else [])
                tr_cold_frame.setdefault(key, []).extend([v['trends_all_first_frame_ms']] if 'trends_all_first_frame_ms' in v else [])
            for key, e in (('default', env), (other_key, other_env)):
                for mode, store in (('scroll', sc), ('scroll-floor', sc_floor)):
                    v = run_keyed([probe, mode, copy('scroll.db')], e)
                    for k in ('scroll_worst_ms', 'scroll_p90_ms', 'scroll_cpu_worst_ms', 'scroll_cpu_p90_ms'):
                        if k in v:
                            store.setdefault((key, k), []).append(v[k])
        goal = lambda key, g: 'info' if key == 'gl' else g
        for key in ('default', other_key):
            rows.append(('Trends "All", first switch 0.3 s after Trends shown (%s)' % key, med(tr.get(key, [])), 'budget', 16.0, 'ms', goal(key, '< 16 ms')))
            rows.append(('Trends "All", first switch at once, to its charts (%s)' % key, med(tr_cold.get(key, [])), 'budget', 16.0, 'ms', goal(key, '< 16 ms')))
            rows.append(('Trends "All", first switch at once, the frame that shows the choice (%s)' % key,
                         med(tr_cold_frame.get(key, [])), 'budget', 16.0, 'ms', goal(key, '< 16 ms')))
            rows.append(('Trends "All", switched to again (%s)' % key, med(tr_again.get(key, [])), 'budget', 16.0, 'ms', goal(key, '< 16 ms')))
        for key in ('default', other_key):
            for k, what in (('scroll_worst_ms', 'worst'), ('scroll_p90_ms', '90th percentile'),
                            ('scroll_cpu_worst_ms', 'worst, main-thread CPU')):
                rows.append(('scroll frame, %s (%s renderer)' % (what, key), med(sc.get((key, k), [])),
                             'same, 1 px a frame', med(sc_floor.get((key, k), [])), 'ms', goal(key, '< 16.7 ms')))

        n_ep = subprocess.run(['sqlite3', ten, 'SELECT count(*) FROM episode'], stdout=subprocess.PIPE, text=True).stdout.strip()
        cpu_model = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), '?')
        print('Menodiary issue 11 figures: ten years, %s episodes; medians of %d runs (first frame and RSS: %d); ratio = figure / floor' % (n_ep, runs, max(runs, 11)))
        print('machine: %s, %d cores, load average %.1f at the end; Xvfb, GTK %s' % (
            cpu_model, os.cpu_count(), os.getloadavg()[0],
            subprocess.run(['pkg-config', '--modversion', 'gtk4'], stdout=subprocess.PIPE, text=True).stdout.strip()))
        print('| figure | value | floor (same run) | floor value | ratio | goal |')
        print('| --- | ---: | --- | ---: | ---: | --- |')
        for name, value, floor_name, floor, unit, goal in rows:
            if unit == 'MB':
                ratio = '%+.1f MB' % (value - floor)
            else:
                ratio = '%.2fx' % (value / floor) if floor else '-'
            print('| %s | %.1f %s | %s | %.1f %s | %s | %s |' % (name, value, unit, floor_name, floor, unit, ratio, goal))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
