#!/usr/bin/env bash
# Differential check against real CPython: random guarded-gather programs from generate.py run
# through this machine's CPython (on looptime's virtual clock, as record.py records them) and
# through `lesson run --json`, compared field by field (stdout, stderr's last line, exit status,
# deadlock, virtual time). Fails on any disagreement; refusals are reported, not failures.
#
# Uses pyenv's CPython 3.10–3.13 when installed; otherwise installs Debian's python3 (apt-get)
# and looptime (pip, in a virtual environment) and checks that one version. Never skips: fails
# when it cannot install what it needs.
# Usage: Tests/Corpus/check_cpython.sh [COUNT] [SEED]      (defaults: 150 programs, seed 20261125)
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-150}
seed=${2:-20261125}
fail() { echo "check_cpython: FAIL: $*" >&2; exit 1; }
step() { echo "check_cpython: $*"; }

versions=""
if [ -d "${PYENV_ROOT:-$HOME/.pyenv}/versions" ] && ls "${PYENV_ROOT:-$HOME/.pyenv}/versions" | grep -q '^3\.1[0-3]\.'; then
  for v in 3.10 3.11 3.12 3.13; do
    if ls "${PYENV_ROOT:-$HOME/.pyenv}/versions" | grep -q "^$v\."; then versions="$versions,$v"; fi
  done
  versions=${versions#,}
  step "pyenv's CPython $versions"
  for v in ${versions//,/ }; do
    full=$(ls "${PYENV_ROOT:-$HOME/.pyenv}/versions" | grep "^$v\." | sort -t. -k3 -n | tail -1)
    python="${PYENV_ROOT:-$HOME/.pyenv}/versions/$full/bin/python"
    if ! "$python" -c 'import looptime' >/dev/null 2>&1; then
      step "installing looptime in CPython $full"
      "$python" -m pip install -q looptime >/dev/null 2>&1 || fail "'pip install looptime' failed for CPython $full"
    fi
  done
else
  if ! command -v python3 >/dev/null 2>&1; then
    step "installing python3"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y python3 python3-venv; } >/dev/null 2>&1 \
      || fail "python3 is not installed and 'apt-get install -y python3 python3-venv' failed"
  fi
  version=$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
  case "$version" in 3.10|3.11|3.12|3.13) ;; *) fail "python3 is $version; lesson models 3.10 to 3.13" ;; esac
  venv=$(mktemp -d)/venv
  if ! python3 -m venv "$venv" >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y python3-venv; } >/dev/null 2>&1 \
      || fail "cannot make a virtual environment (apt-get install -y python3-venv failed)"
    python3 -m venv "$venv" || fail "cannot make a virtual environment"
  fi
  "$venv/bin/pip" install -q looptime >/dev/null 2>&1 || fail "'pip install looptime' failed"
  export PATH="$venv/bin:$PATH"
  export PYENV_ROOT=/nonexistent
  versions=$version
  step "CPython $version from Debian, looptime from PyPI"
fi

swift build -c release --product lesson >/dev/null
lesson="$(swift build -c release --show-bin-path)/lesson"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Tests/Corpus/compare.py --seed "$seed" --count "$count" --versions "$versions" --lesson "$lesson" --keep "$work" \
  || fail "lesson and CPython disagree (above)"
step "ok: $count programs under $versions agree (or are refused, as listed)"
