// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-dangling-reference %t

// Iterators that walk a member, global or static container across a
// suspension point (a range-for, or a local that is stepped), and copies of
// an iterator taken from the container: a walk stands on each element in
// turn, so erasing any element elsewhere may take the one it is on, also in
// a node-based or hash container. The container families are data: the
// library classes below are matched by their resolved names.

#include <list>
#include <map>
#include <unordered_map>

#include "task.h"

void use(int);

namespace absl {
// A B-tree: insertion and erasure may move every element.
template <class K, class V> class btree_map {
public:
  struct value_type {
    K first;
    V second;
  };
  using iterator = value_type *;
  iterator begin();
  iterator end();
  iterator lower_bound(const K &);
  void insert(value_type);
  unsigned long erase(const K &);
};
// Open addressing: insertion may move every element; erasure takes only the
// erased one.
template <class K, class V> class flat_hash_map {
public:
  V &at(const K &);
  V &operator[](const K &);
  unsigned long erase(const K &);
};
// Nodes: insertion keeps references (rehashing moves iterators only).
template <class K, class V> class node_hash_map {
public:
  V &at(const K &);
  V &operator[](const K &);
};
} // namespace absl

#define YIELD co_await demo::task<>()

// --- An explicit iterator loop over an ordered map, erased elsewhere.

struct kv_store {
  std::map<int, int> Kvs;
  void remove(int K) { Kvs.erase(K); }
  void put(int K, int V) { Kvs[K] = V; }
  demo::task<> list() {
    for (auto It = Kvs.begin(); It != Kvs.end(); ++It) {
      // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'It' points into member 'Kvs' and is used after a suspension point, while other code may modify 'Kvs'
      // CHECK-NOTES: :[[@LINE+4]]:7: note: the coroutine may suspend here
      // CHECK-NOTES: :49:15: note: expanded from macro 'YIELD'
      // CHECK-NOTES: :55:24: note: 'Kvs' is modified here
      // CHECK-NOTES: :[[@LINE-5]]:33: note: 'It' is used here, after the suspension
      YIELD;
      use((*It).second);
    }
  }
  // Silent: the key is kept and looked up again after the suspension.
  demo::task<> relisted() {
    auto It = Kvs.begin();
    while (It != Kvs.end()) {
      int Key = (*It).first;
      co_await demo::task<>();
      It = Kvs.find(Key);
    }
  }
  // Silent: one element looked up, not a walk (which element the erasure
  // takes is not known).
  demo::task<> one(int K) {
    auto It = Kvs.find(K);
    co_await demo::task<>();
    (void)(It != Kvs.end());
  }
};

// --- A copy of an iterator into a B-tree (a library class, by name).

struct segments {
  absl::btree_map<long, int> Segs;
  void add(long Base, int S) { Segs.insert({Base, S}); }
  demo::task<> walk(long From) {
    auto First = Segs.lower_bound(From);
    for (auto It = First; It != Segs.end(); It++) {
      // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'It' points into member 'Segs' and is used after a suspension point, while other code may modify 'Segs'
      // CHECK-NOTES: :[[@LINE+3]]:7: note: the coroutine may suspend here
      // CHECK-NOTES: :90:32: note: 'Segs' is modified here
      // CHECK-NOTES: :[[@LINE-4]]:27: note: 'It' is used here, after the suspension
      co_await demo::task<>();
      use(It->second);
    }
  }
  // Silent: an owning copy of the element is what crosses the suspension.
  demo::task<> copied(long From) {
    auto It = Segs.lower_bound(From);
    int Seg = It->second;
    co_await demo::task<>();
    use(Seg);
  }
};

// --- A range-for over a static list, in a template; erased by the same
// coroutine (another call of it runs while this one is suspended).

template <class T> demo::task<> drain(T Item) {
  static std::map<T, int> Pending;
  Pending.erase(Item);
  for (auto &Entry : Pending) {
    // CHECK-NOTES: :[[@LINE-1]]:3: warning: the loop over static 'Pending' holds an iterator across a suspension point, while other code may modify 'Pending'
    // CHECK-NOTES: :[[@LINE+3]]:5: note: the coroutine may suspend here
    // CHECK-NOTES: :[[@LINE-4]]:3: note: 'Pending' is modified here
    // CHECK-NOTES: :[[@LINE-4]]:20: note: the loop moves on to the next element here, after the suspension
    co_await demo::task<>();
    use(Entry.second);
  }
}
template demo::task<> drain<int>(int);

// --- A lambda coroutine stepping through a global hash map that a free
// function erases from.

std::unordered_map<int, int> Sessions;
void close_session(int Id) { Sessions.erase(Id); }
auto Pinger = []() -> demo::task<> {
  auto It = Sessions.begin();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'It' points into global 'Sessions' and is used after a suspension point, while other code may modify 'Sessions'
  // CHECK-NOTES: :[[@LINE+4]]:5: note: the coroutine may suspend here
  // CHECK-NOTES: :132:30: note: 'Sessions' is modified here
  // CHECK-NOTES: :[[@LINE+1]]:10: note: 'It' is used here, after the suspension
  while (It != Sessions.end()) {
    co_await demo::task<>();
    ++It;
  }
};

// --- Open addressing: insertion moves the elements a reference points to.

struct cache {
  absl::flat_hash_map<int, int> Flat;
  absl::node_hash_map<int, int> Nodes;
  void fill(int K) {
    Flat[K] = 1;
    Nodes[K] = 1;
  }
  demo::task<> read(int K) {
    int &V = Flat.at(K);
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'V' points into member 'Flat' and is used after a suspension point, while other code may modify 'Flat'
    // CHECK-NOTES: :[[@LINE+3]]:5: note: the coroutine may suspend here
    // CHECK-NOTES: :151:5: note: 'Flat' is modified here
    // CHECK-NOTES: :[[@LINE+2]]:9: note: 'V' is used here, after the suspension
    co_await demo::task<>();
    use(V);
  }
  // Silent: a node hash map keeps references when it grows.
  demo::task<> stable(int K) {
    int &V = Nodes.at(K);
    co_await demo::task<>();
    use(V);
  }
};

// Silent: walks over a node-based container that other code only grows,
// and over one nobody else modifies.
struct quiet {
  std::list<int> Grown;
  std::map<int, int> Mine;
  void grow(int I) { Grown.push_back(I); }
  demo::task<> walk() {
    for (auto It = Grown.begin(); It != Grown.end(); ++It)
      co_await demo::task<>();
    for (auto It = Mine.begin(); It != Mine.end(); ++It)
      YIELD;
    for (auto &Entry : Mine) {
      co_await demo::task<>();
      use(Entry.second);
    }
  }
};
