#!/usr/bin/env bash
# Builds the libFuzzer target for the loaders and runs it.
#   Tests/Fuzz/run.sh [SECONDS]      (default 600)
# Crashes are written to .build-fuzz/crashes/; keep each as a regression test in
# Tests/LessonKitTests/Fixtures/hostile/ (see HostileInputTests).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=.build-fuzz
mkdir -p "$out/corpus" "$out/crashes"
flags=(-parse-as-library -O -sanitize=fuzzer,address -swift-version 6 -I "$out")
swiftc "${flags[@]}" -enable-upcoming-feature NonisolatedNonsendingByDefault -emit-library -static \
  -module-name GuardedGather -emit-module-path "$out/GuardedGather.swiftmodule" \
  Sources/GuardedGather/*.swift -o "$out/libGuardedGather.a"
swiftc "${flags[@]}" -emit-library -static -module-name LessonKit -emit-module-path "$out/LessonKit.swiftmodule" \
  $(find Sources/LessonKit -name '*.swift') -o "$out/libLessonKit.a"
swiftc "${flags[@]}" -L "$out" -lLessonKit -lGuardedGather Tests/Fuzz/FuzzLoaders.swift -o "$out/fuzz-loaders"
# Seed corpus: every configuration and card that ships, and the hostile fixtures.
cp lessons/*/*.json solutions/*/*.json "$out/corpus/" 2>/dev/null || true
cp Tests/LessonKitTests/Fixtures/hostile/* "$out/corpus/" 2>/dev/null || true
cp lessons/*/*.py solutions/*/*.py Tests/LessonKitTests/Fixtures/programs/*.py "$out/corpus/" 2>/dev/null || true
"$out/fuzz-loaders" "$out/corpus" -max_total_time="${1:-600}" -max_len=65536 -timeout=5 \
  -artifact_prefix="$out/crashes/" -print_final_stats=1
