#!/usr/bin/env python3
"""Packaging checks, run as meson tests (TAP):
- `meson install` compiles the settings schema and refreshes the icon and desktop caches
  (gnome.post_install), seen in a dry run of the real build;
- the Flatpak manifest targets the GNOME runtime that ships GTK 4.8 and libadwaita 1.2
  (GNOME 43), runs the app, and asks for no network."""
import json
import subprocess
import sys

src, build, meson = sys.argv[1], sys.argv[2], sys.argv[3:]
results = []


def check(name, ok, detail=''):
    results.append((name, ok, detail))


out = subprocess.run(meson + ['install', '-C', build, '--dry-run', '--no-rebuild'],
                     capture_output=True, text=True)
scripts = [line for line in out.stdout.splitlines() if 'install script' in line]
check('post-install compiles schemas', any('glib-compile-schemas' in s for s in scripts), out.stderr[-400:])
check('post-install updates icon cache', any('gtk-update-icon-cache' in s for s in scripts))
check('post-install updates desktop database', any('update-desktop-database' in s for s in scripts))

with open(src + '/build-aux/io.github.menodiary.Menodiary.json') as f:
    manifest = json.load(f)
check('flatpak id', manifest.get('id') == 'io.github.menodiary.Menodiary')
check('flatpak runtime GNOME 43 (GTK 4.8, libadwaita 1.2)',
      manifest.get('runtime') == 'org.gnome.Platform' and manifest.get('runtime-version') == '43'
      and manifest.get('sdk') == 'org.gnome.Sdk')
check('flatpak command', manifest.get('command') == 'menodiary')
args = manifest.get('finish-args', [])
check('flatpak asks for no network', not any('network' in a for a in args))
check('flatpak has no home or host file access',
      not any(a.startswith('--filesystem=') and a.split('=', 1)[1].split(':')[0] in ('home', 'host', 'host-os')
              for a in args))
check('flatpak builds with meson', manifest['modules'][-1].get('buildsystem') == 'meson')

print('1..%d' % len(results))
for i, (name, ok, detail) in enumerate(results, 1):
    print('%s %d %s' % ('ok' if ok else 'not ok', i, name))
    if not ok and detail:
        for line in detail.splitlines():
            print('# ' + line)
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
