#!/bin/sh
# One action of the async-lint Bazel aspect (async_lint.bzl): lints one source
# file with its target's compiler arguments.
#
#   run_async_lint.sh ASYNC_LINT CONFIG JSON TEXT SOURCE -- ARGS...
#
# Writes the findings as text, with paths relative to the execution root,
# and as JSON (for async-lint merge), prints the text on stderr (Bazel shows
# it in the build log), and exits 0 on findings (failing on them is another
# action's job). A source that cannot be analysed, or bad input, fails the
# action with async-lint's status and its messages. The analysis runs once:
# the JSON is replayed from a result cache that lives only for this action.
set -u
tool=$1 config=$2 json=$3 text=$4 source=$5
shift 5
cache="$json.cache.d"
relative() {
  sed "s|$PWD/||g" "$1"
  rm -f "$1"
}
lint() {
  "$tool" "$source" --quiet --cache-dir="$cache" --config-file="$config" "$@"
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
rm -rf "$cache"
if [ -s "$text" ]; then
  cat "$text" >&2
fi
[ "$status" -le 1 ] || exit "$status"
exit 0
