// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-dangling-reference %t

// Views (string_view, span) of a member, global or static container, and the
// hidden iterator of a range-for loop over one, held across a suspension
// point while other code of the class (of the unit) modifies the container
// in a way that invalidates them; and the standard's rules per container:
// node-based and hash containers keep their elements when they grow.

#include <array>
#include <deque>
#include <list>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "task.h"

void use(std::string_view);
void use(int);

// --- Views.

struct greeter {
  std::string Name;
  std::vector<std::string> Names;
  void rename(const std::string &N) { Name = N; }
  void add(const std::string &N) { Names.push_back(N); }
  demo::task<> greet() {
    std::string_view View = Name;
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'View' points into member 'Name' and is used after a suspension point, while other code may modify 'Name'
    // CHECK-NOTES: :[[@LINE+3]]:5: note: the coroutine may suspend here
    // CHECK-NOTES: :29:39: note: 'Name' is modified here
    // CHECK-NOTES: :[[@LINE+2]]:9: note: 'View' is used here, after the suspension
    co_await demo::task<>();
    use(View);
  }
  demo::task<> first() {
    std::string_view First = Names[0];
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'First' points into member 'Names' and is used after a suspension point, while other code may modify 'Names'
    // CHECK-NOTES: :[[@LINE+3]]:5: note: the coroutine may suspend here
    // CHECK-NOTES: :30:36: note: 'Names' is modified here
    // CHECK-NOTES: :[[@LINE+2]]:9: note: 'First' is used here, after the suspension
    co_await demo::task<>();
    use(First);
  }
  // Silent: an owning copy, and a view taken again after the suspension.
  demo::task<> copied() {
    std::string Copy = Name;
    std::string_view View = Name;
    co_await demo::task<>();
    View = Name;
    use(View);
    use(Copy);
  }
};

std::vector<int> Queue;
void enqueue(int I) { Queue.push_back(I); }
demo::task<> sum() {
  std::span<int> All = Queue;
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'All' points into global 'Queue' and is used after a suspension point, while other code may modify 'Queue'
  // CHECK-NOTES: :[[@LINE+3]]:3: note: the coroutine may suspend here
  // CHECK-NOTES: :61:23: note: 'Queue' is modified here
  // CHECK-NOTES: :[[@LINE+2]]:7: note: 'All' is used here, after the suspension
  co_await demo::task<>();
  use(All.size());
}

// --- Range-for loops that suspend in their body.

struct broadcaster {
  std::vector<int> Peers;
  void join(int P) { Peers.push_back(P); }
  demo::task<> send() {
    for (int P : Peers) {
      // CHECK-NOTES: :[[@LINE-1]]:5: warning: the loop over member 'Peers' holds an iterator across a suspension point, while other code may modify 'Peers'
      // CHECK-NOTES: :[[@LINE+3]]:7: note: the coroutine may suspend here
      // CHECK-NOTES: :76:22: note: 'Peers' is modified here
      // CHECK-NOTES: :[[@LINE-4]]:16: note: the loop moves on to the next element here, after the suspension
      co_await demo::task<>();
      use(P);
    }
  }
  // Silent: a loop that does not suspend, and one over a copy.
  demo::task<> count() {
    int N = 0;
    for (int P : Peers)
      N += P;
    for (int P : std::vector<int>(Peers))
      co_await demo::task<>();
    use(N);
  }
};

// A static local grown by the coroutine itself (another call of it runs
// while this one is suspended), in a template; a deque keeps its elements
// but not its iterators when it grows.
template <class T> demo::task<> drain(T Item) {
  static std::deque<T> Backlog;
  Backlog.push_back(Item);
  for (T &Each : Backlog) {
    // CHECK-NOTES: :[[@LINE-1]]:3: warning: the loop over static 'Backlog' holds an iterator across a suspension point, while other code may modify 'Backlog'
    // CHECK-NOTES: :[[@LINE+3]]:5: note: the coroutine may suspend here
    // CHECK-NOTES: :[[@LINE-4]]:3: note: 'Backlog' is modified here
    // CHECK-NOTES: :[[@LINE-4]]:16: note: the loop moves on to the next element here, after the suspension
    co_await demo::task<>();
    use(Each);
  }
  // Silent: a reference to an element survives growth at the ends.
  T &Head = Backlog.front();
  co_await demo::task<>();
  use(Head);
}
template demo::task<> drain<int>(int);

// A lambda coroutine over a global vector.
std::vector<int> Jobs;
void submit(int J) { Jobs.push_back(J); }
auto Runner = []() -> demo::task<> {
  for (int J : Jobs) {
    // CHECK-NOTES: :[[@LINE-1]]:3: warning: the loop over global 'Jobs' holds an iterator across a suspension point, while other code may modify 'Jobs'
    // CHECK-NOTES: :[[@LINE+3]]:5: note: the coroutine may suspend here
    // CHECK-NOTES: :121:22: note: 'Jobs' is modified here
    // CHECK-NOTES: :[[@LINE-4]]:14: note: the loop moves on to the next element here, after the suspension
    co_await demo::task<>();
    use(J);
  }
};

// --- Maps: what their modifications invalidate.

struct sessions {
  std::map<int, int> Ordered;
  std::unordered_map<int, int> Hashed;
  std::map<int, int> Grown;
  void add(int K) {
    Grown.emplace(K, 1);
    Ordered[K] = 1;
    Ordered.emplace(K, 2);
    Hashed[K] = 1;
    Hashed.emplace(K, 2);
  }
  void drop(int K) {
    Ordered.erase(K);
    Hashed.erase(K);
    Grown.erase(K);
  }
  void reset() { Ordered.clear(); }
  // A hash map's insertion may rehash: iterators go.
  demo::task<> find(int K) {
    auto It = Hashed.find(K);
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'It' points into member 'Hashed' and is used after a suspension point, while other code may modify 'Hashed'
    // CHECK-NOTES: :[[@LINE+3]]:5: note: the coroutine may suspend here
    // CHECK-NOTES: :143:5: note: 'Hashed' is modified here
    // CHECK-NOTES: :[[@LINE+2]]:12: note: 'It' is used here, after the suspension
    co_await demo::task<>();
    (void)(It != Hashed.end());
  }
  // Clearing takes every element, also of a node-based map.
  demo::task<> value(int K) {
    int &V = Ordered.at(K);
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'V' points into member 'Ordered' and is used after a suspension point, while other code may modify 'Ordered'
    // CHECK-NOTES: :[[@LINE+3]]:5: note: the coroutine may suspend here
    // CHECK-NOTES: :151:18: note: 'Ordered' is modified here
    // CHECK-NOTES: :[[@LINE+2]]:9: note: 'V' is used here, after the suspension
    co_await demo::task<>();
    use(V);
  }
  // Silent: references into a hash map survive insertion; iterators of a
  // node-based map survive insertion, and erasing another key.
  demo::task<> stable(int K) {
    int &H = Hashed.at(K);
    auto It = Grown.find(K);
    co_await demo::task<>();
    use(H);
    (void)(It != Grown.end());
  }
  // Silent: a fresh lookup after the suspension.
  demo::task<> fresh(int K) {
    auto It = Hashed.find(K);
    co_await demo::task<>();
    It = Hashed.find(K);
    (void)(It != Hashed.end());
  }
};

// Silent: a list keeps its nodes when it grows; an array never moves; a
// container nobody here modifies; a view of a member view.
struct quiet {
  std::list<int> Nodes;
  std::array<int, 4> Fixed;
  std::vector<int> Constant;
  std::string_view Label;
  void grow(int I) { Nodes.push_back(I); }
  void refill(const std::array<int, 4> &A) { Fixed = A; }
  void relabel(std::string_view L) { Label = L; }
  demo::task<> walk() {
    for (int N : Nodes)
      co_await demo::task<>();
    for (int F : Fixed)
      co_await demo::task<>();
    for (int C : Constant)
      co_await demo::task<>();
    std::string_view L = Label;
    co_await demo::task<>();
    use(L);
  }
};
