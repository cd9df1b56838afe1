#!/usr/bin/env bash
# Renders a fixture class's HTML report (`lesson grade --format html`) in headless Chromium and
# checks what a person would see: the learners, the pass rates, the mistakes, the timeline SVG,
# the feedback links, sorting by a click, a screenshot and a printed PDF, and that the page asks
# nothing of the network (Chromium runs behind a proxy that refuses every connection, and its
# network log must hold no request other than the page's own file).
#
# Installs Debian's `chromium` when it is missing; fails (never skips) when it cannot.
# Usage: Tests/Browser/check_report.sh            (set ARTIFACTS=DIR to keep the page, PNG and PDF)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

fail() { echo "check_report: FAIL: $*" >&2; exit 1; }
step() { echo "check_report: $*"; }

if ! command -v chromium >/dev/null 2>&1; then
  step "installing chromium"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium; } >/dev/null 2>&1 \
    || fail "chromium is not installed and 'apt-get install -y chromium' failed; install Debian's chromium package"
  command -v chromium >/dev/null 2>&1 || fail "chromium is still not on PATH after installing it"
fi

swift build --product lesson >/dev/null
lesson="$(swift build --show-bin-path)/lesson"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
class=$work/class
mkdir -p "$class/cy" "$work/report"
solution=solutions/03_more_tools/more_tools3.json
cp "$solution" "$class/bob.json"                                   # passes
cp lessons/03_more_tools/more_tools3.json "$class/amy.json"         # the starter: fails
sed 's/"timeout": 0.15,/"timeout": 0.15, "timeoutScope": "queue",/' "$solution" > "$class/cy/more_tools3.json"
sed 's/"timeout": 0.15,/"timeout": 0.15, "timeoutScope": "queue",/' "$solution" > "$class/dan.json"
sed 's/"limit": 3/"limit": 8/' "$solution" > "$class/eve.json"
printf '{"limit": 3, "calls": [' > "$class/fay.json"                  # not JSON: an error
printf 'amy\nbob\ncy\ndan\neve\nfay\ngus\n' > "$work/roster.txt"      # gus handed in nothing

set +e
"$lesson" grade 3 "$class" --course "$root" --roster "$work/roster.txt" --feedback "$work/feedback" \
  --output "$work/report/class.html"
code=$?
set -e
[ "$code" -eq 1 ] || fail "lesson grade exited $code; expected 1 (some learners fail)"
page=$work/report/class.html
[ -s "$page" ] || fail "$page was not written"

# The page itself names nothing outside it: no scripts, styles, images or fonts to fetch.
if grep -Eio '(src=|<link|@import|url\(|https?://)[^"]*' "$page" | grep -v 'http://www.w3.org/' ; then
  fail "$page refers to something outside the page (above)"
fi

chrome() {
  chromium --headless --no-sandbox --disable-gpu --no-first-run --no-default-browser-check \
    --disable-background-networking --disable-component-update --disable-sync --disable-extensions \
    --proxy-server=127.0.0.1:9 --user-data-dir="$work/profile" "$@" 2>>"$work/chromium.log"
}

step "rendering $page"
chrome --dump-dom --log-net-log="$work/netlog.json" "file://$page" > "$work/dom.html" \
  || fail "chromium could not load the page (see the log below)"$'\n'"$(tail -5 "$work/chromium.log")"
chrome --screenshot="$work/report.png" --window-size=1280,2400 --hide-scrollbars "file://$page" >/dev/null
chrome --print-to-pdf="$work/report.pdf" --no-pdf-header-footer "file://$page" >/dev/null

dom=$work/dom.html
expect() { grep -qF -- "$1" "$dom" || fail "the rendered page does not show: $1"; }
for learner in amy bob cy dan eve fay gus; do expect "data-learner=\"$learner\""; done
expect "1/7 (14%)"                      # only bob passes lesson 3 (gus is missing, fay an error)
expect '<svg xmlns="http://www.w3.org/2000/svg" class="timeline"'
expect 'class="running timeout"'
expect 'class="waiting"'
expect 'href="../feedback/amy.md"'
expect 'Missing (on the roster, nothing handed in): gus'
expect 'Notes to review'
grep -qE '<tr data-mistake="[a-z-]+">' "$dom" || fail "the rendered page shows no mistake histogram"
bars=$(grep -o '<g class="call"' "$dom" | wc -l)
[ "$bars" -eq 8 ] || fail "the timeline has $bars calls; expected 8 (one bar per call of lesson 3)"

# Nothing but the page itself was requested: every request the page made (those Chromium files
# under the page's own file:// network isolation key; Chromium's background requests for updates
# and accounts have other keys) is for a file:// URL. The proxy refused them all anyway, and the
# content was checked above, so the page does not need the network to show everything.
page_requests() {
  grep '"network_isolation_key":"file://' "$1" | grep -oE '"url":"[a-z-]+:[^"]*"' \
    | grep -vE '"url":"(file|data|about|chrome):' || true
}
[ -s "$work/netlog.json" ] || fail "chromium wrote no network log"
requests=$(page_requests "$work/netlog.json")
[ -z "$requests" ] || fail "the page made network requests: $requests"
# The detector itself: a page with one remote image must be caught.
echo '<html><body><img src="http://example.invalid/x.png"/></body></html>' > "$work/probe.html"
chrome --dump-dom --log-net-log="$work/probe-netlog.json" "file://$work/probe.html" >/dev/null
page_requests "$work/probe-netlog.json" | grep -q 'example.invalid' \
  || fail "the network check did not catch a page that loads a remote image"

# Sorting: a copy of the page that clicks the learner column twice (descending), then the L3 column.
sed 's#</body>#<script>var h = document.querySelectorAll("\#learner-table th"); h[0].click(); h[0].click(); document.body.setAttribute("data-first", document.querySelector("\#learner-table tbody tr").getAttribute("data-learner")); h[1].click(); document.body.setAttribute("data-lowest", document.querySelector("\#learner-table tbody tr").getAttribute("data-learner"));</script></body>#' \
  "$page" > "$work/report/sorted.html"
chrome --dump-dom "file://$work/report/sorted.html" > "$work/sorted.html"
grep -q 'data-first="gus"' "$work/sorted.html" || fail "clicking 'learner' twice did not sort the learners from z to a"
grep -qE 'data-lowest="(fay|gus)"' "$work/sorted.html" || fail "clicking 'L3' did not put a learner scoring 0 first"
grep -q 'aria-sort="ascending"' "$work/sorted.html" || fail "the sorted column is not marked aria-sort"

# The screenshot and the PDF exist and are not blank.
[ "$(head -c 8 "$work/report.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "no PNG screenshot"
[ "$(stat -c %s "$work/report.png")" -gt 20000 ] || fail "the screenshot is nearly empty"
[ "$(head -c 5 "$work/report.pdf")" = "%PDF-" ] || fail "printing to PDF failed"
[ "$(stat -c %s "$work/report.pdf")" -gt 10000 ] || fail "the printed PDF is nearly empty"

if [ -n "${ARTIFACTS:-}" ]; then
  mkdir -p "$ARTIFACTS"
  cp "$page" "$work/report.png" "$work/report.pdf" "$dom" "$ARTIFACTS/"
  step "kept the page, screenshot and PDF in $ARTIFACTS"
fi
step "ok: the report renders offline with every learner, the pass rates, the histogram, a timeline and sorting"
