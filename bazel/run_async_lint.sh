#!/bin/sh
# One action of the async-lint Bazel aspect (async_lint.bzl): lints one source
# file with its target's compiler arguments, reading the summaries of the
# units of the target's dependencies.
#
#   run_async_lint.sh ASYNC_LINT CONFIG JSON TEXT SUMMARY SOURCE \
#       [DEPENDENCY_SUMMARY...] -- ARGS...
#
# Writes the findings as text, with paths relative to the execution root,
# and as JSON (for async-lint merge), prints the text on stderr (Bazel shows
# it in the build log), and exits 0 on findings (failing on them is another
# action's job). A source that cannot be analysed, or bad input, fails the
# action with async-lint's status and its messages. The analysis runs once:
# the JSON is replayed from a result cache that lives only for this action.
#
# SUMMARY is the unit's own summaries (docs/summaries.md; one file per fact, one after the other), with paths relative
# to the execution root, so that it is the same in every sandbox and on
# every machine (the action stays cacheable); the dependencies' summaries
# are copied into a scratch directory that --summaries reads.
set -u
tool=$1 config=$2 json=$3 text=$4 summary=$5 source=$6
shift 6
cache="$json.cache.d"
summaries="$json.summaries.d"
rm -rf "$summaries"
mkdir -p "$summaries"
n=0
while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
  n=$((n + 1))
  # A unit's summary output holds one summary file per fact, one after the
  # other (see below): split again at each file's first line.
  awk -v prefix="$summaries/dependency-$n-" \
    '/^async-lint-summaries /{k++} k{print > (prefix k ".summary")}' "$1"
  shift
done
relative() {
  sed "s|$PWD/||g" "$1"
  rm -f "$1"
}
lint() {
  "$tool" "$source" --quiet --cache-dir="$cache" --config-file="$config" \
    --summaries="$summaries" "$@"
}
lint "$@" >"$text.out" 2>"$text.err"
status=$?
relative "$text.out" >"$text"
relative "$text.err" >&2
if [ "$status" -le 1 ]; then
  lint --format=json --output="$json" "$@"
  replayed=$?
  [ "$replayed" -le 1 ] || status=$replayed
fi
# The unit's own summaries: the files of the directory not copied in, one
# per fact (none when the unit defines no function), one after the other.
: >"$summary"
for file in "$summaries"/*.summary; do
  case "${file##*/}" in
  dependency-*) ;;
  *) [ -f "$file" ] && relative "$file" >>"$summary" ;;
  esac
done
rm -rf "$cache" "$summaries"
if [ -s "$text" ]; then
  cat "$text" >&2
fi
[ "$status" -le 1 ] || exit "$status"
exit 0
