#!/usr/bin/env python3
"""Count real test cases in a meson test log and end with the line 'N passed, N failed'.

meson's own summary counts test programs; this counts the TAP cases inside them. A program
that failed without reporting a failing case (a crash, a time-out) counts as one failure.
Exits 1 when anything failed or nothing ran.
"""
import json
import re
import sys

log = sys.argv[1] if len(sys.argv) > 1 else "build/meson-logs/testlog.json"
passed = failed = skipped = 0
with open(log, encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if not line:
            continue
        t = json.loads(line)
        out = t.get("stdout") or ""
        p = f_ = s = 0
        tap = False
        for l in out.splitlines():
            m = re.match(r"^(not ok|ok)\b(.*)$", l)
            if not m:
                continue
            tap = True
            rest = m.group(2)
            if re.search(r"#\s*SKIP", rest, re.I):
                s += 1
            elif m.group(1) == "ok":
                p += 1
            elif re.search(r"#\s*TODO", rest, re.I):
                s += 1
            else:
                f_ += 1
        result = t.get("result", "")
        if not tap:
            # A plain test (validators): one case, judged by its result.
            if result in ("OK", "EXPECTEDFAIL"):
                p = 1
            elif result == "SKIP":
                s = 1
            else:
                f_ = 1
        elif result not in ("OK", "EXPECTEDFAIL", "SKIP") and f_ == 0:
            f_ = 1
        passed += p
        failed += f_
        skipped += s
if skipped:
    print(f"({skipped} test cases skipped, e.g. screenshot writers without MD_SCREENSHOT_DIR)")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or passed == 0 else 0)
