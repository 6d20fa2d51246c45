// Minimal stand-in for {fmt}, written for linting only (declarations, no formatting).
#pragma once
#include <string>
#include <utility>
namespace fmt {
template <class... A> std::string format(const char *, A &&...);
template <class... A> void print(const char *, A &&...);
} // namespace fmt
