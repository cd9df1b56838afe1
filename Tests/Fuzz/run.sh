#!/usr/bin/env bash
# Builds the libFuzzer target for the loaders, the Python parser and the interpreter, and runs it.
#   Tests/Fuzz/run.sh [SECONDS]      (default 600)
# Crashes are written to .build-fuzz/crashes/; keep each as a regression test in
# Tests/LessonKitTests/Fixtures/hostile/ (see HostileInputTests).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=.build-fuzz
mkdir -p "$out/corpus" "$out/crashes"
flags=(-parse-as-library -O -sanitize=fuzzer,address -swift-version 6 -package-name lesson -I "$out")
swiftc "${flags[@]}" -emit-library -static -module-name AsyncioModel -emit-module-path "$out/AsyncioModel.swiftmodule" \
  $(find Sources/AsyncioModel -name '*.swift') -o "$out/libAsyncioModel.a"
swiftc "${flags[@]}" -emit-library -static -module-name GuardedGather -emit-module-path "$out/GuardedGather.swiftmodule" \
  Sources/GuardedGather/*.swift -o "$out/libGuardedGather.a"
swiftc "${flags[@]}" -emit-library -static -module-name PythonSyntax -emit-module-path "$out/PythonSyntax.swiftmodule" \
  $(find Sources/PythonSyntax -name '*.swift') -o "$out/libPythonSyntax.a"
swiftc "${flags[@]}" -emit-library -static -module-name PythonValues -emit-module-path "$out/PythonValues.swiftmodule" \
  $(find Sources/PythonValues -name '*.swift') -o "$out/libPythonValues.a"
swiftc "${flags[@]}" -emit-library -static -module-name PythonInterpreter -emit-module-path "$out/PythonInterpreter.swiftmodule" \
  $(find Sources/PythonInterpreter -name '*.swift') -o "$out/libPythonInterpreter.a"
swiftc "${flags[@]}" -emit-library -static -module-name LessonKit -emit-module-path "$out/LessonKit.swiftmodule" \
  $(find Sources/LessonKit -name '*.swift') -o "$out/libLessonKit.a"
swiftc "${flags[@]}" -L "$out" -lLessonKit -lPythonInterpreter -lPythonValues -lPythonSyntax -lGuardedGather -lAsyncioModel Tests/Fuzz/FuzzLoaders.swift \
  -o "$out/fuzz-loaders"
# Seed corpus: every configuration and card that ships, and the hostile fixtures.
cp lessons/*/*.json solutions/*/*.json "$out/corpus/" 2>/dev/null || true
cp Tests/LessonKitTests/Fixtures/hostile/* "$out/corpus/" 2>/dev/null || true
cp lessons/*/*.py solutions/*/*.py Tests/LessonKitTests/Fixtures/programs/*.py Tests/Corpus/programs/*.py \
  "$out/corpus/" 2>/dev/null || true
"$out/fuzz-loaders" "$out/corpus" -max_total_time="${1:-600}" -max_len=65536 -timeout=5 \
  -artifact_prefix="$out/crashes/" -print_final_stats=1
