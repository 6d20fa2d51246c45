// RUN: %check_async_lint %s async-unbounded-spawn %t

// Sizing a pool is not unbounded spawning: a loop in a constructor or a
// static factory, bounded by the size it is given, that starts long-lived
// workers and keeps them in a member joined or stopped with the object.
// The same loop anywhere else, or over runtime input, is still reported.

#include <future>
#include <memory>
#include <thread>
#include <vector>

struct request {};
struct pool_options {
  unsigned thread_count;
};

// --- Silent: pools sized once.

// The constructor's parameter bounds the loop; the destructor joins.
class worker_pool {
public:
  explicit worker_pool(unsigned Count) {
    for (unsigned I = 0; I < Count; ++I)
      Workers.emplace_back([this] { run(); });
  }
  ~worker_pool() {
    for (std::thread &Worker : Workers)
      Worker.join();
  }

  // The twin: the same loop in a member function, once per request.
  void serve(const std::vector<request> &Requests) {
    for (unsigned long I = 0; I < Requests.size(); ++I)
      Workers.emplace_back([this] { run(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::vector::emplace_back' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
    for (const request &Request : Requests)
      Workers.push_back(std::thread([this] { run(); }));
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::vector::push_back' starts a task on every iteration
  }

  // A member function given a count is not making the pool either.
  void grow(unsigned Count) {
    for (unsigned I = 0; I < Count; ++I)
      Workers.emplace_back([this] { run(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::vector::emplace_back' starts a task on every iteration
  }

private:
  void run();
  std::vector<std::thread> Workers;
};

// Options given to the constructor, capacity reserved first, inside a try
// block; the destructor stops the workers through a member function.
class guarded_pool {
public:
  explicit guarded_pool(const pool_options &Opts) {
    try {
      Workers.reserve(Opts.thread_count);
      for (unsigned I = 0; I < Opts.thread_count; ++I)
        Workers.emplace_back([this, I] { run(I); });
    } catch (...) {
      stop();
      throw;
    }
  }
  ~guarded_pool() { stop(); }

private:
  void run(unsigned);
  void stop() {
    for (std::thread &Worker : Workers)
      if (Worker.joinable())
        Worker.join();
  }
  std::vector<std::thread> Workers;
};

// A static factory: the pool is made first, then its workers started into
// it; the destructor is defined out of line.
class made_pool {
public:
  static std::shared_ptr<made_pool> make(unsigned Count) {
    std::shared_ptr<made_pool> Made = std::make_shared<made_pool>();
    for (unsigned I = 0; I < Count; ++I)
      Made->Workers.push_back(std::thread([P = &*Made] { P->run(); }));
    return Made;
  }
  ~made_pool();

private:
  void run();
  void shutdown();
  std::vector<std::thread> Workers;
};
made_pool::~made_pool() { shutdown(); }
void made_pool::shutdown() {
  for (std::thread &Worker : Workers)
    Worker.join();
}

// Tasks started once, their futures kept and waited for.
class async_pool {
public:
  explicit async_pool(int N) {
    for (int I = 0; I < N; ++I)
      Done.push_back(std::async(std::launch::async, [this] { run(); }));
  }
  ~async_pool() {
    for (std::future<int> &F : Done)
      F.wait();
  }

private:
  int run();
  std::vector<std::future<int>> Done;
};

// Threads that join themselves when destroyed need no destructor.
struct joining_pool {
  explicit joining_pool(unsigned N) {
    for (unsigned I = 0; I < N; ++I)
      Workers.emplace_back([] {});
  }
  std::vector<std::jthread> Workers;
};

// A template, judged where it is instantiated.
template <class Job> class basic_pool {
public:
  explicit basic_pool(unsigned Count) {
    for (unsigned I = 0; I < Count; ++I)
      Workers.emplace_back([this] { Job::run(); });
  }
  ~basic_pool() {
    for (std::thread &Worker : Workers)
      Worker.join();
  }
  void serve(const std::vector<request> &Requests) {
    for (const request &Request : Requests)
      Workers.emplace_back([this] { Job::run(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::vector::emplace_back' starts a task on every iteration
  }

private:
  std::vector<std::thread> Workers;
};
struct printer {
  static void run();
};
void use_template(const std::vector<request> &Requests) {
  basic_pool<printer> Pool(4);
  Pool.serve(Requests);
}

// A macro that writes the loop.
#define START_WORKERS(N)                                                       \
  for (unsigned I = 0; I < (N); ++I)                                           \
  Workers.emplace_back([this] { run(); })
class macro_pool {
public:
  explicit macro_pool(unsigned Count) { START_WORKERS(Count); }
  ~macro_pool() {
    for (std::thread &Worker : Workers)
      Worker.join();
  }
  void serve(const std::vector<request> &Requests) {
    START_WORKERS(Requests.size());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::vector::emplace_back' starts a task on every iteration
  }

private:
  void run();
  std::vector<std::thread> Workers;
};

// --- Reported: a constructor that does not keep its workers.

void job();

// Detached: nothing keeps them, nothing stops them.
struct detaching_pool {
  explicit detaching_pool(unsigned N) {
    for (unsigned I = 0; I < N; ++I)
      std::thread(job).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::thread::detach' starts a task on every iteration
  }
};

// Kept in the caller's container, not in the object.
struct lending_pool {
  lending_pool(std::vector<std::thread> &Out, unsigned N) {
    for (unsigned I = 0; I < N; ++I)
      Out.emplace_back(job);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::vector::emplace_back' starts a task on every iteration
  }
};

// Kept in a member that no destructor joins.
struct leaking_pool {
  explicit leaking_pool(unsigned N) {
    for (unsigned I = 0; I < N; ++I)
      Workers.emplace_back(job);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::vector::emplace_back' starts a task on every iteration
  }
  std::vector<std::thread> Workers;
};

// A static member function that makes something else is no factory.
struct registry {
  static int start_all(std::vector<std::thread> &Out, unsigned N) {
    for (unsigned I = 0; I < N; ++I)
      Out.emplace_back(job);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::vector::emplace_back' starts a task on every iteration
    return 0;
  }
};
