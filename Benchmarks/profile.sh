#!/usr/bin/env bash
# Counts the instructions each function of the load executes (valgrind's callgrind), on a small
# synthetic corpus, so that hot spots can be found and compared before and after a change.
# Instruction counts do not depend on what else runs on the machine, unlike timings.
#
#   Benchmarks/profile.sh [SIZE] [TOP]      e.g. Benchmarks/profile.sh 3MB 30
#
# Builds a release binary with debug info in its own build folder (.build-profile), writes the
# corpus, then loads it under callgrind (about a minute for 3MB) and prints the top functions.
set -euo pipefail
cd "$(dirname "$0")"
size="${1:-3MB}"
top="${2:-30}"
work="${WORK:-${TMPDIR:-/tmp}/warehouse-bench-profile}"
scratch=.build-profile

swift build -c release -Xswiftc -g --scratch-path "$scratch" --product warehouse-bench >&2
bin="$scratch/release/warehouse-bench"
"$bin" --size "$size" --work "$work" --skip-peers --skip-queries >/dev/null
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
    "$bin" --size "$size" --work "$work" --reuse --skip-peers --skip-queries >/dev/null 2>"$work/valgrind.log"

# Drop binary names and folder prefixes so that lines fit; keep the library's functions and SQLite's entry point.
tidy() { swift demangle --simplified | sed -E 's# \[[^]]*\]$##; s#[^ ]*/(Sources|Benchmarks|\.build)/#\1/#'; }
echo "Profile of loading a $size corpus: $work/callgrind.out (open with callgrind_annotate or kcachegrind)"
bytes=$(grep -o '"bytes":[0-9]*' "$work/corpus-${size^^}-seed42.json" | cut -d: -f2)
total=$(callgrind_annotate --auto=no "$work/callgrind.out" | grep "PROGRAM TOTALS" | awk '{gsub(",", "", $1); print $1}')
echo "$total instructions for $bytes bytes of input: $((total / bytes)) per byte"
echo
echo "Inclusive: the function and everything it calls"
callgrind_annotate --inclusive=yes --auto=no "$work/callgrind.out" | tidy \
    | grep -E "PROGRAM TOTALS|WarehouseKit/|sqlite3_step|UnicodeScalarView|_copySequenceContents" | head -n "$top"
echo
echo "Self: instructions in the function's own code"
callgrind_annotate --auto=no "$work/callgrind.out" | tidy | grep -E "^ *[0-9,]+ \(" | head -n "$top"
