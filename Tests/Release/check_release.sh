#!/usr/bin/env bash
# The course archive as a student gets it: unpacked in an empty folder, run with a PATH that has
# no Swift toolchain (and no other environment), `./lesson list` and `./lesson check 1` work; the
# starter fails with its explanation and the reference solution passes. The archive holds no
# solutions.
# Usage: Tests/Release/check_release.sh [ARCHIVE]     (the default is dist/lesson-course.tar.gz)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
archive=${1:-dist/lesson-course.tar.gz}
fail() { echo "check_release: FAIL: $*" >&2; exit 1; }
[ -f "$archive" ] || fail "$archive does not exist; run .ci/release first"
archive=$(cd "$(dirname "$archive")" && pwd)/$(basename "$archive")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
course=$work/lesson-course
[ -x "$course/lesson" ] || fail "the archive has no executable lesson-course/lesson"
[ -f "$course/README.md" ] || fail "the archive has no README.md for students"
[ -f "$course/lessons/index.json" ] || fail "the archive has no lessons/index.json"
[ ! -e "$course/solutions" ] || fail "the archive holds solutions/; they are kept out for students"
if tar -tzf "$archive" | grep -q '/solutions/'; then fail "the archive lists files under solutions/"; fi

# A student's shell: no toolchain on PATH, nothing else set.
student() { (cd "$course" && env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 "$@"); }
student sh -c 'command -v swift' >/dev/null 2>&1 && fail "swift is on the student's PATH; the check would prove nothing"

set +e
student ./lesson list > "$work/list.txt" 2>&1; list=$?
student ./lesson check 1 > "$work/check.txt" 2>&1; check=$?
set -e
[ "$list" -eq 0 ] || fail "./lesson list exited $list: $(head -3 "$work/list.txt")"
grep -q 'gather: let the waits overlap' "$work/list.txt" || fail "./lesson list does not list lesson 1"
[ "$check" -eq 1 ] || fail "./lesson check 1 on the starter exited $check; expected 1: $(head -3 "$work/check.txt")"
grep -q '^FAIL' "$work/check.txt" || fail "./lesson check 1 printed no FAIL verdict"
starter=$(ls "$course"/workspace/01_*/*.json 2>/dev/null | head -n 1)
[ -n "$starter" ] || fail "./lesson check 1 made no copy in workspace/"

# The reference solution, put where the student works, passes.
cp "$root"/solutions/01_*/"$(basename "$starter")" "$starter"
set +e
student ./lesson check 1 > "$work/pass.txt" 2>&1; pass=$?
set -e
[ "$pass" -eq 0 ] || fail "./lesson check 1 on the solution exited $pass: $(tail -3 "$work/pass.txt")"
# The same binary packed as a Gradescope autograder: no warning (it needs no Swift library), and
# run_autograder grades a submission in Gradescope's layout with nothing but /usr/bin and /bin.
student ./lesson autograder gradescope 3 --binary ./lesson --output "$work/autograder.zip" 2> "$work/pack.txt" \
  || fail "lesson autograder gradescope 3 failed: $(cat "$work/pack.txt")"
if grep -q warning "$work/pack.txt"; then fail "packing the release binary warned: $(cat "$work/pack.txt")"; fi
gs=$work/gradescope/autograder
mkdir -p "$gs/source" "$gs/submission" "$gs/results"
if command -v unzip >/dev/null 2>&1; then
  unzip -q "$work/autograder.zip" -d "$gs/source"
elif command -v python3 >/dev/null 2>&1; then
  python3 -m zipfile -e "$work/autograder.zip" "$gs/source" && chmod +x "$gs/source/lesson" "$gs/source/setup.sh" "$gs/source/run_autograder"
else
  fail "neither unzip nor python3 is installed to unpack the autograder zip"
fi
cp "$root/solutions/03_more_tools/more_tools3.json" "$gs/submission/"
printf '{"users": [{"email": "ada@uni.edu", "name": "Ada", "id": 1}]}\n' > "$gs/submission_metadata.json"
env -i PATH=/usr/bin:/bin HOME="$work" AUTOGRADER_ROOT="$work/gradescope" bash "$gs/source/setup.sh" \
  || fail "the autograder's setup.sh failed"
env -i PATH=/usr/bin:/bin HOME="$work" AUTOGRADER_ROOT="$work/gradescope" bash "$gs/source/run_autograder" 2>/dev/null \
  || fail "the autograder's run_autograder failed"
grep -qE '"score" *: *7,' "$gs/results/results.json" && grep -qE '"max_score" *: *7,' "$gs/results/results.json" \
  || fail "results.json does not give the solution 7 of 7: $(head -c 300 "$gs/results/results.json")"
echo "check_release: ok: the archive runs with no toolchain (list, check 1 fails on the starter, passes on the solution; a Gradescope autograder made from it grades the solution 7/7)"
