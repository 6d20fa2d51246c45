// RUN: %check_async_lint %s async-unbounded-spawn %t

// Threads started once into a member in a constructor form the object's
// pool: their count is the pool's size, not input. That holds whatever shape
// the loop takes, when what it runs over is made from what the constructor
// is given (a plan of one node per worker), and wherever the constructor runs
// it: in a lambda it calls in place or keeps and only calls, or in a private
// helper that only the constructors call. A loop over input, a lambda run on
// another thread, or a public member that starts threads per request is
// still reported.

#include <thread>
#include <vector>

struct node {
  int slot;
};
struct topology {
  std::vector<node> distribute(const std::vector<int> &workers, int how) const;
};
std::vector<node> plan(unsigned long n);
std::vector<node> poll_requests();
void work(node) noexcept;

// --- Silent: pools made once, the size chosen by their maker.

// A range-based for over a local plan made from the size, inside a lambda
// called in place (all or nothing).
class planned_pool {
public:
  explicit planned_pool(unsigned long N) {
    std::vector<node> Nodes = plan(N);
    [&]() noexcept {
      for (auto &&Node : Nodes)
        Threads.emplace_back(work, Node);
    }();
  }
  ~planned_pool() {
    for (std::thread &T : Threads)
      T.join();
  }

private:
  std::vector<std::thread> Threads;
};

// The plan made from a member the constructor filled, by an object made
// from nothing (`topology{}`), in the constructor body itself.
class numa_pool {
public:
  numa_pool(unsigned long N, int How) {
    for (unsigned long I = 0; I < N; ++I)
      Contexts.push_back(static_cast<int>(I));
    std::vector<node> Nodes = topology{}.distribute(Contexts, How);
    for (auto &&Node : Nodes)
      Threads.emplace_back(work, Node);
  }
  ~numa_pool() { stop(); }

private:
  void stop() {
    for (std::thread &T : Threads)
      T.join();
  }
  std::vector<int> Contexts;
  std::vector<std::thread> Threads;
};

// A lambda kept in a local and only called; a counted loop inside it.
class lambda_pool {
public:
  explicit lambda_pool(unsigned N) {
    auto Start = [&] {
      for (unsigned I = 0; I < N; ++I)
        Threads.emplace_back(work, node{static_cast<int>(I)});
    };
    Start();
  }
  ~lambda_pool() {
    for (std::thread &T : Threads)
      T.join();
  }

private:
  std::vector<std::thread> Threads;
};

// A private helper that only the constructor calls, over a parameter plan.
class helper_pool {
public:
  explicit helper_pool(const std::vector<node> &Plan) { start(Plan); }
  ~helper_pool() {
    for (std::thread &T : Threads)
      T.join();
  }

private:
  void start(const std::vector<node> &Plan) {
    for (const node &N : Plan)
      Threads.emplace_back(work, N);
  }
  std::vector<std::thread> Threads;
};

// A class template, with self-joining threads.
template <class Plan> class template_pool {
public:
  explicit template_pool(unsigned long N) {
    auto Nodes = Plan::make(N);
    [&] {
      for (auto &Node : Nodes)
        Threads.emplace_back(work, Node);
    }();
  }

private:
  std::vector<std::jthread> Threads;
};
struct planner {
  static std::vector<node> make(unsigned long);
};
template class template_pool<planner>;

// --- Reported: threads per item of input, or not the pool's own.

// A constructor over requests it polls itself: input, not a size.
class polling_pool {
public:
  polling_pool() {
    [&] {
      for (auto &&Request : poll_requests())
        Threads.emplace_back(work, Request);
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::vector::emplace_back' starts a task on every iteration
    }();
  }
  ~polling_pool() {
    for (std::thread &T : Threads)
      T.join();
  }

private:
  std::vector<std::thread> Threads;
};

// A list in a global that anyone may fill: input, not the pool's size.
struct registry {
  std::vector<node> Nodes;
};
registry Registry;
std::vector<node> plan_for(const std::vector<node> &);
class registry_pool {
public:
  registry_pool() {
    for (const node &N : plan_for(Registry.Nodes))
      Threads.emplace_back(work, N);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::vector::emplace_back' starts a task on every iteration
  }
  ~registry_pool() {
    for (std::thread &T : Threads)
      T.join();
  }

private:
  std::vector<std::thread> Threads;
};

// A plan the constructor grows from input after making it.
class grown_pool {
public:
  explicit grown_pool(unsigned long N) {
    std::vector<node> Nodes = plan(N);
    for (const node &Request : poll_requests())
      Nodes.push_back(Request);
    for (auto &&Node : Nodes)
      Threads.emplace_back(work, Node);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::vector::emplace_back' starts a task on every iteration
  }
  ~grown_pool() {
    for (std::thread &T : Threads)
      T.join();
  }

private:
  std::vector<std::thread> Threads;
};

// A public member that a caller may call per request, with a lambda in
// place: not set-up.
class serving_pool {
public:
  explicit serving_pool(unsigned long N) : Nodes(plan(N)) {}
  ~serving_pool() {
    for (std::thread &T : Threads)
      T.join();
  }
  void serve(const std::vector<node> &Requests) {
    [&] {
      for (const node &R : Requests)
        Threads.emplace_back(work, R);
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::vector::emplace_back' starts a task on every iteration
    }();
  }

private:
  std::vector<node> Nodes;
  std::vector<std::thread> Threads;
};

// The lambda runs later, on a thread of its own: not the constructor's run.
class deferred_pool {
public:
  explicit deferred_pool(unsigned long N) {
    Starter = std::thread([this, Nodes = plan(N)] {
      for (auto &&Node : Nodes)
        Threads.emplace_back(work, Node);
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::vector::emplace_back' starts a task on every iteration
    });
  }
  ~deferred_pool() {
    Starter.join();
    for (std::thread &T : Threads)
      T.join();
  }

private:
  std::thread Starter;
  std::vector<std::thread> Threads;
};

// Detached from a planned loop: nothing keeps or stops them.
struct detaching_planned_pool {
  explicit detaching_planned_pool(unsigned long N) {
    std::vector<node> Nodes = plan(N);
    [&] {
      for (auto &&Node : Nodes)
        std::thread(work, Node).detach();
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::thread::detach' starts a task on every iteration
    }();
  }
};
