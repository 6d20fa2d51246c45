#!/usr/bin/env bash
# Sets up a Debian 12 machine for async-lint, builds it, and then either
# lints the bundled example project or runs every test.
#
#   utils/bootstrap.sh example   # install what is missing, build, lint examples/
#   utils/bootstrap.sh test      # install what is missing, build, run all tests
set -euo pipefail

mode=${1:-}
case "$mode" in
  example|test) ;;
  *) echo "usage: $0 example|test" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."

packages=(
  clang-22 clang-tidy-22 clang-tools-22 clang-format-22 clangd-22
  libclang-22-dev llvm-22-dev
  llvm-22-tools
  libgrpc++-dev libprotobuf-dev protobuf-compiler-grpc cmake ninja-build
  python3 git libgtest-dev
  # the real-world suite and the pre-commit integration
  libboost1.81-dev libboost1.81-doc libasio-dev pre-commit
)
# the HTML report's rendering test, libFuzzer for the fuzzing test, the
# Debian package's tests (dpkg-shlibdeps, man), the Bazel aspect's test, and
# Debian 12's own LLVM 14, into which both plugins must refuse to load, and
# ccache for the compiler plugin's cache test (test/prerequisites.py maps
# each to the tests that need it)
[ "$mode" = test ] && packages+=(chromium libclang-rt-22-dev dpkg-dev man-db
  bazel-bootstrap bazel-platforms clang-14 clang-tidy-14 ccache)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
    missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends "${missing[@]}"
fi

build=${ASYNC_LINT_BUILD_DIR:-build}
# Configured again on every run, even where an earlier run (the example
# mode, say) configured it before the test mode's packages were there:
# CMake asks again for what it did not find (tools/CMakeLists.txt).
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-22 \
  -DCMAKE_BUILD_TYPE=Release
cmake --build "$build"

if [ "$mode" = example ]; then
  cmake -S examples -B examples/build -G Ninja \
    -DCMAKE_CXX_COMPILER=clang++-22 >/dev/null
  echo "+ async-lint -p examples/build examples/src/*.cpp"
  status=0
  "$build/bin/async-lint" -p examples/build examples/src/*.cpp || status=$?
  # 1 means findings, which is what the example project is for.
  [ "$status" -eq 1 ] || { echo "unexpected exit status $status" >&2; exit 1; }
  exit 0
fi

cd "$build"
# Every optional prerequisite is installed now, so a test that still cannot
# run fails instead of being reported unsupported (test/lit.cfg.py).
ASYNC_LINT_REQUIRE_ALL=1 ctest --output-on-failure
