// A mock of Seastar's asynchronous loops: the names and signatures, with
// bodies that do not walk the range, so that the tests judge the calls by
// the library lists (WalkingAlgorithms), not by a visible implementation.
#pragma once
#include "sharded.hh"

namespace seastar {
// One element after another, each after the previous one's future resolved.
template <class Range, class Func>
future<> do_for_each(Range &&range, Func func) {
  return {};
}
template <class Iterator, class Func>
future<> do_for_each(Iterator begin, Iterator end, Func func) {
  return {};
}
// At most max_concurrent elements at a time.
template <class Range, class Func>
future<> max_concurrent_for_each(Range &&range, unsigned max_concurrent,
                                 Func func) {
  return {};
}
// Every element at once, then waits for them all.
template <class Range, class Func>
future<> parallel_for_each(Range &&range, Func func) {
  return {};
}
} // namespace seastar
