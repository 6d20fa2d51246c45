#!/usr/bin/env bash
# Lays out a holdout code base measured from outside (issue #23, stop 21):
# luncliff/coroutine (C++ coroutine helpers: return types, generators, channels,
# epoll/pthread awaitables, socket I/O awaitables), with its tests, at a pinned
# commit, and a compile_commands.json of its Linux units that have a coroutine.
#
#   prepare-luncliff.sh OUT GITDIR_LUNCLIFF
#
# Only the Linux parts: the units for Windows, macOS/BSD and libdispatch
# (src/windows.cpp, io_windows.cpp, darwin.cpp, io_darwin.cpp, kqueue.cpp,
# gcd.cpp, test/windows_*.cpp, test/unix_kqueue_*.cpp, test/test_libdispatch.cpp,
# and test/channel_race_condition.cpp, which includes coroutine/windows.h)
# cannot compile here and are left out by name.
# The project was built with clang <= 13, libc++ and -fcoroutines-ts; with
# clang 22 its own <coroutine/frame.h> (a Coroutines-TS <coroutine> for Linux)
# cannot work, so the units take the project's own switch
# -DUSE_EXPERIMENTAL_COROUTINE, which makes return.h and channel.hpp use
# <experimental/coroutine>, and OUT/luncliff-stubs provides that header over
# C++20 <coroutine>. The stubs (written for linting only, declarations where
# the code only calls) also stand in for the submodules missing from the
# snapshot (ms-gsl, luncliff/latch, ssf's socket.hpp) and for Catch2 and spdlog;
# libcxx-transitive.h is force-included for the standard headers libc++ 13
# brought in transitively. Units are kept when their preprocessed text has
# co_await, co_return or co_yield on a line of a project file; units that
# clang++-22 cannot parse are listed and left out. Then (one core):
#   async-lint -p OUT/luncliff-db -j1 --no-cache --format=json --output=luncliff.json \
#     --header-filter='OUT/luncliff.*' $(cat OUT/luncliff-files.txt)
set -euo pipefail
[ $# -eq 2 ] || { sed -n 2,27p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
d="$2"; [ -d "$d/.git" ] && d="$d/.git"
sha=7edc9624d74436457a66f652aea87719e01a8746
git --git-dir="$d" cat-file -e "$sha^{commit}" 2>/dev/null || { echo "luncliff: commit $sha not in $d" >&2; exit 1; }
root="$out/luncliff"
rm -rf "$root" && mkdir -p "$root"
git --git-dir="$d" archive "$sha" | tar -x -C "$root"
st="$out/luncliff-stubs"
rm -rf "$st" && mkdir -p "$st/gsl" "$st/catch2" "$st/spdlog" "$st/experimental"
# clang's resource directory has an MSVC-only <yvals_core.h> wrapper that frame.h
# finds with __has_include; an empty one here keeps it out.
: > "$st/yvals_core.h"
cat > "$st/gsl/gsl" <<'STUB'
// Declarations of the Guidelines Support Library parts luncliff/coroutine uses,
// written for linting only (the ms-gsl submodule is not in the snapshot).
#pragma once
#include <cstddef>
#include <span>
#include <utility>
namespace gsl {
template <class T, std::size_t E = std::dynamic_extent> using span = std::span<T, E>;
using index = std::ptrdiff_t;
using czstring = const char *;
template <class C, std::size_t N = std::dynamic_extent> using basic_zstring = C *;
template <class T, class U> constexpr T narrow_cast(U &&u) noexcept { return static_cast<T>(std::forward<U>(u)); }
template <class F> class final_action {
  F f_;
public:
  explicit final_action(F f) noexcept : f_(std::move(f)) {}
  ~final_action() noexcept { f_(); }
};
template <class F> final_action<F> finally(F f) noexcept { return final_action<F>(std::move(f)); }
} // namespace gsl
#ifndef GSL_SUPPRESS
#define GSL_SUPPRESS(x)
#endif
STUB
cat > "$st/latch.h" <<'STUB'
// Declarations of luncliff/latch (a submodule not in the snapshot), written for
// linting only: a countdown latch like std::latch, in the global namespace.
#pragma once
#include <cstddef>
class latch {
public:
  explicit latch(std::ptrdiff_t count) noexcept(false);
  ~latch() noexcept;
  latch(const latch &) = delete;
  latch &operator=(const latch &) = delete;
  void count_down(std::ptrdiff_t n = 1) noexcept(false);
  bool try_wait() const noexcept;
  void wait() noexcept(false);
  void arrive_and_wait(std::ptrdiff_t n = 1) noexcept(false);
};
STUB
cat > "$st/socket.hpp" <<'STUB'
// Declarations of luncliff/ssf's socket helpers (a submodule not in the
// snapshot) as the tests call them, written for linting only.
#pragma once
#include <cstdint>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
uint32_t socket_recent() noexcept;
void socket_setup() noexcept(false);
void socket_teardown() noexcept;
uint32_t socket_create(const addrinfo &hint, int64_t &sd) noexcept;
uint32_t socket_close(int64_t sd) noexcept;
bool socket_is_valid(int64_t sd) noexcept;
uint32_t socket_bind(int64_t sd, const sockaddr_in &local) noexcept;
uint32_t socket_bind(int64_t sd, const sockaddr_in6 &local) noexcept;
uint32_t socket_listen(int64_t sd) noexcept;
uint32_t socket_connect(int64_t sd, const sockaddr_in &remote) noexcept;
uint32_t socket_connect(int64_t sd, const sockaddr_in6 &remote) noexcept;
uint32_t socket_accept(int64_t ln, int64_t &sd) noexcept;
uint32_t socket_set_option(int64_t sd, int64_t level, int64_t option, int64_t value) noexcept;
uint32_t socket_set_option_nonblock(int64_t sd) noexcept;
uint32_t socket_set_option_reuse_address(int64_t sd) noexcept;
uint32_t socket_set_option_nodelay(int64_t sd) noexcept;
uint32_t socket_set_option_send_timout(int64_t sd, uint32_t ms) noexcept;
uint32_t socket_set_option_recv_timout(int64_t sd, uint32_t ms) noexcept;
STUB
cat > "$st/spdlog/spdlog.h" <<'STUB'
// Declarations of the spdlog calls luncliff/coroutine's tests make, for linting only.
#pragma once
namespace spdlog {
template <class... A> void trace(const char *fmt, const A &...args);
template <class... A> void debug(const char *fmt, const A &...args);
template <class... A> void info(const char *fmt, const A &...args);
template <class... A> void warn(const char *fmt, const A &...args);
template <class... A> void error(const char *fmt, const A &...args);
} // namespace spdlog
STUB
cat > "$st/catch2/catch.hpp" <<'STUB'
// The Catch2 macros luncliff/coroutine's tests use, for linting only: each test
// case is a function (registered with the runner in the real library).
#pragma once
#define CATCH_STUB_CAT2(a, b) a##b
#define CATCH_STUB_CAT(a, b) CATCH_STUB_CAT2(a, b)
#define CATCH_STUB_NAME CATCH_STUB_CAT(catch_stub_test_, __LINE__)
#define TEST_CASE(...) static void CATCH_STUB_NAME()
#define TEST_CASE_METHOD(Fixture, ...)                                                           \
  struct CATCH_STUB_NAME : Fixture { void test(); };                                             \
  void CATCH_STUB_NAME::test()
#define SECTION(...) if (true)
#define REQUIRE(...) static_cast<void>(static_cast<bool>(__VA_ARGS__))
#define REQUIRE_FALSE(...) static_cast<void>(!(__VA_ARGS__))
#define REQUIRE_NOTHROW(...) static_cast<void>(__VA_ARGS__)
#define REQUIRE_THROWS(...) static_cast<void>(__VA_ARGS__)
#define CHECK(...) REQUIRE(__VA_ARGS__)
#define FAIL(...) static_cast<void>(0)
STUB
cat > "$st/experimental/coroutine" <<'STUB'
// <experimental/coroutine> (the Coroutines TS header of old libc++), written for
// linting only: the TS names on top of C++20 <coroutine>. Clang <= 13 looked
// coroutine_traits up in std::experimental, where return.h specializes it for
// nullptr_t; clang 22 looks in std, so that one specialization is forwarded.
#pragma once
#include <coroutine>
#include <cstddef>
namespace std::experimental {
using std::coroutine_handle;
using std::noop_coroutine;
using std::noop_coroutine_handle;
using std::noop_coroutine_promise;
using std::suspend_always;
using std::suspend_never;
template <typename R, typename... A> struct coroutine_traits : std::coroutine_traits<R, A...> {};
} // namespace std::experimental
namespace std {
template <typename... A>
struct coroutine_traits<nullptr_t, A...> : experimental::coroutine_traits<nullptr_t, A...> {};
} // namespace std
STUB
cat > "$st/libcxx-transitive.h" <<'STUB'
// Standard headers that libc++ 13 (the library luncliff/coroutine was built
// with) brought in transitively and libstdc++ does not; force-included, for
// linting only.
#pragma once
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <system_error>
STUB
files=()
for f in "$root"/src/*.cpp "$root"/test/*.cpp; do
  [[ $(basename "$f") =~ (windows|darwin|kqueue|gcd|libdispatch|channel_race_condition) ]] || files+=("$f")
done
python3 "$here/units.py" luncliff "$root" "$out/luncliff-db" "$out/luncliff-files.txt" -- \
  clang++-22 -std=c++20 -DUSE_EXPERIMENTAL_COROUTINE -I"$root/src" -I"$st" -include "$st/libcxx-transitive.h" -- \
  "${files[@]}"
