// RUN: %check_async_lint %s async-unbounded-spawn %t

// A pool that keeps its workers in its private data: a class nested in the
// pool, held through a data member (a pimpl, raw or smart pointer, as
// corral's ThreadPool's `d->threads`). Its constructor sizing the workers
// by its parameter, and its destructor joining them through the same
// member, is a pool sized once, as with a direct data member. The same
// private data filled per request by another member, data of a class that
// is not nested, and private data its pool's destructor never touches are
// still reported.

#include <thread>
#include <vector>

template <class T> struct own_ptr {
  T *p;
  explicit own_ptr(T *q) : p(q) {}
  ~own_ptr() { delete p; }
  T *operator->() const { return p; }
};
template <class T> struct intrusive_ptr {
  T *p = nullptr;
  explicit intrusive_ptr(T *q) : p(q) {}
  T *operator->() const { return p; }
};

// --- Silent: pools sized once.

class unique_pool {
  struct data {
    std::vector<std::thread> threads;
  };
  own_ptr<data> d;
  void body() {}

public:
  explicit unique_pool(unsigned n) : d(new data) {
    for (unsigned i = 0; i < n; ++i)
      d->threads.emplace_back([this] { body(); });
  }
  ~unique_pool() {
    for (auto &t : d->threads)
      t.join();
  }
};

// An intrusive pointer, a template constructor, a raw pointer member and
// a destructor that joins through a member function of its own.
class intrusive_pool {
  struct data {
    std::vector<std::thread> threads;
  };
  intrusive_ptr<data> d{new data};
  data *raw = nullptr;
  void body() {}
  void stop() {
    for (auto &t : d->threads)
      t.join();
  }

public:
  template <class Loop> intrusive_pool(Loop &, unsigned n) {
    d->threads.reserve(n);
    for (unsigned i = 0; i < n; ++i)
      d->threads.emplace_back([this] { body(); });
  }
  ~intrusive_pool();
};
inline intrusive_pool::~intrusive_pool() { stop(); }

#define START_WORKERS(N)                                                       \
  for (unsigned i = 0; i < (N); ++i)                                           \
  this->impl->threads.emplace_back([] {})

struct macro_pool {
  struct impl_t {
    std::vector<std::thread> threads;
  };
  impl_t *impl = new impl_t;
  explicit macro_pool(unsigned n) { START_WORKERS(n); }
  ~macro_pool() {
    for (auto &t : impl->threads)
      t.join();
    delete impl;
  }
};

// --- Reported.

// Another member adds a thread per request to the same private data.
class server {
  struct data {
    std::vector<std::thread> threads;
  };
  own_ptr<data> d{new data};
  void handle(int) {}

public:
  void serve(const std::vector<int> &requests) {
    for (int r : requests)
      d->threads.emplace_back([this, r] { handle(r); });
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::vector::emplace_back' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
  }
  ~server() {
    for (auto &t : d->threads)
      t.join();
  }
};

// The data is not the pool's own: a class declared outside it.
struct shared_threads {
  std::vector<std::thread> threads;
};
class borrowed_pool {
  own_ptr<shared_threads> d{new shared_threads};

public:
  explicit borrowed_pool(unsigned n) {
    for (unsigned i = 0; i < n; ++i)
      d->threads.emplace_back([] {});
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::vector::emplace_back' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
  }
  ~borrowed_pool() {
    for (auto &t : d->threads)
      t.join();
  }
};

// The destructor never joins the private data's threads.
class leaking_pool {
  struct data {
    std::vector<std::thread> threads;
  };
  own_ptr<data> d{new data};

public:
  explicit leaking_pool(unsigned n) {
    for (unsigned i = 0; i < n; ++i)
      d->threads.emplace_back([] {});
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::vector::emplace_back' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
  }
  ~leaking_pool() {}
};

int main(int argc, char **) {
  unique_pool a(argc);
  int loop = 0;
  intrusive_pool b(loop, argc);
  macro_pool c(argc);
  server s;
  std::vector<int> requests;
  s.serve(requests);
  borrowed_pool e(argc);
  leaking_pool f(argc);
}
