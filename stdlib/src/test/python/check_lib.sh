#!/usr/bin/env bash
# Runs every golden program of tests/golden/stdlib under CPython with Gilt's Python stdlib modules
# in place of CPython's (pyrun.py) and compares with the recorded CPython output.
# Usage: check_lib.sh [--gilt] [NAME...]   (default: all; --gilt runs bin/gilt instead of CPython)
here=$(cd "$(dirname "$0")" && pwd)
runner=(python3 "$here/pyrun.py")
if [ "${1:-}" = "--gilt" ]; then runner=("$here/../../../../bin/gilt"); shift; fi
gold=$(cd "$here/../../../../tests/golden/stdlib" && pwd)
cd "$gold"
names=("$@")
if [ ${#names[@]} -eq 0 ]; then for f in *.py; do names+=("${f%.py}"); done; fi
fail=0
for n in "${names[@]}"; do
    grep -q '^# pyrun: no$' "$n.py" && continue
    out=$("${runner[@]}" "$n.py" 2>/tmp/pyrun.err < /dev/null)
    status=$?
    exp_status=0; [ -f "$n.exit" ] && exp_status=$(cat "$n.exit")
    if [ "$out" != "$(cat "$n.out")" ] || [ "$status" != "$exp_status" ]; then
        echo "FAIL $n (exit $status, expected $exp_status)"
        diff <(echo "$out") "$n.out" | head -20
        head -20 /tmp/pyrun.err
        fail=1
    else
        echo "ok   $n"
    fi
done
exit $fail
