#!/usr/bin/env python3
"""The translations as TAP: po/POTFILES.in lists every file with translatable text, each
language in po/LINGUAS passes `msgfmt --check` and is 100% translated (no fuzzy, no
untranslated), and it holds every message the sources have now.

Usage: check-po.py SRCDIR
"""
import os
import re
import subprocess
import sys
import tempfile

src = sys.argv[1]
results = []


def check(ok, name, detail=''):
    results.append((ok, name, detail))


def potfiles():
    with open(os.path.join(src, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        return [l.strip() for l in f if l.strip() and not l.startswith('#')]


MARKS = re.compile(r'\b(_|N_|C_|NC_|g_dngettext|ngettext|g_dpgettext2)\s*\(|translatable="yes"')

listed = potfiles()
missing_files = [p for p in listed if not os.path.exists(os.path.join(src, p))]
check(not missing_files, 'every file in POTFILES.in exists', ', '.join(missing_files))

unlisted = []
for top in ('src', 'resources', 'data'):
    for dirpath, _, names in os.walk(os.path.join(src, top)):
        for name in sorted(names):
            path = os.path.relpath(os.path.join(dirpath, name), src)
            if not re.search(r'\.(c|ui|in|xml)$', name) or path.endswith('gresource.xml'):
                continue
            with open(os.path.join(src, path), encoding='utf-8', errors='replace') as f:
                text = f.read()
            translatable = MARKS.search(text) or name.endswith(('.desktop.in.in', '.metainfo.xml.in.in',
                                                                '.gschema.xml'))
            if translatable and path not in listed:
                unlisted.append(path)
check(not unlisted, 'every source file with translatable text is in POTFILES.in', ', '.join(unlisted))

# The messages the sources hold now (the same keywords as meson's glib preset).
with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, 'now.pot')
    args = ['xgettext', '--from-code=UTF-8', '--add-comments', '--keyword=_', '--keyword=N_',
            '--keyword=C_:1c,2', '--keyword=NC_:1c,2', '--keyword=g_dcgettext:2',
            '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3', '--keyword=ngettext:1,2',
            '--directory=' + src, '--files-from=' + os.path.join(src, 'po', 'POTFILES.in'),
            '-o', pot]
    r = subprocess.run(args, capture_output=True, text=True)
    check(r.returncode == 0, 'xgettext reads every listed file', r.stderr.strip())
    now = set()
    if r.returncode == 0:
        r2 = subprocess.run(['msgcat', '--no-wrap', '--no-location', pot], capture_output=True, text=True)
        ctx = None
        for line in r2.stdout.splitlines():
            if line.startswith('msgctxt '):
                ctx = line[8:]
            elif line.startswith('msgid '):
                if line != 'msgid ""' or ctx is not None:
                    now.add((ctx, line[6:]))
                ctx = None

    with open(os.path.join(src, 'po', 'LINGUAS'), encoding='utf-8') as f:
        linguas = [w for l in f for w in l.split('#')[0].split()]
    check('de' in linguas, 'de is in po/LINGUAS')
    for lang in linguas:
        po = os.path.join(src, 'po', lang + '.po')
        r = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po],
                           capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
        check(r.returncode == 0, f'{lang}.po passes msgfmt --check', r.stderr.strip())
        check('fuzzy' not in r.stderr and 'untranslated' not in r.stderr,
              f'{lang}.po is 100% translated', r.stderr.strip())
        check('Plural-Forms: nplurals=2; plural=(n != 1);' in open(po, encoding='utf-8').read()
              or lang != 'de', f'{lang}.po has the German plural forms')
        r3 = subprocess.run(['msgattrib', '--no-obsolete', '--no-wrap', '--no-location', po],
                            capture_output=True, text=True)
        have = set()
        ctx = None
        for line in r3.stdout.splitlines():
            if line.startswith('msgctxt '):
                ctx = line[8:]
            elif line.startswith('msgid '):
                have.add((ctx, line[6:]))
                ctx = None
        lacking = sorted(now - have, key=str)
        check(not lacking, f'{lang}.po has every message of the sources (ninja menodiary-update-po, then translate)',
              '; '.join(m for _, m in lacking[:10]))

print(f'1..{len(results)}')
for i, (ok, name, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok and detail:
        for line in detail.splitlines():
            print('# ' + line)
