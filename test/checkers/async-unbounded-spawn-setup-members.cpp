// RUN: %check_async_lint --modes=plugin,driver %s async-unbounded-spawn %t

// A loop over a data member that only the object's set-up fills: its
// constructors, a start() guarded against a second run (a state flag tested
// and left, then set, and never set back), and private helpers only they
// call. The member has the size the object was made with (one listening
// socket, two for dual stack), so a task per element is a fixed handful.
// Reduced by hand from the shape of yalantinglibs' RPC server. A member
// that a public member other than the set-up appends to, a start() whose
// flag a reset() sets back, or a helper also called per request still
// grows with the input.

#include <utility>
#include <vector>

#include "task.h"

namespace demo {
template <class T> task<> when_any(T &&);
} // namespace demo

struct acceptor {
  explicit acceptor(int Port);
  demo::task<> accept_loop();
};

// --- Silent: filled by the set-up only.

class server {
  enum class stat { init, started, stopped };

  void add_acceptor(int Port) {
    Acceptors.push_back(acceptor(Port));
  }
  void init_acceptors(int Port) {
    add_acceptor(Port);
    if (Port == 0)
      add_acceptor(Port + 1);
  }

public:
  explicit server(int Port) { init_acceptors(Port); }
  // The guard's branch calls a member that leaves the acceptors alone.
  bool refuse() { return Flag == stat::stopped; }
  bool start(bool Dual) {
    if (Flag != stat::init)
      return refuse();
    if (Dual)
      add_acceptor(0);
    Flag = stat::started;
    return true;
  }
  void stop() { Flag = stat::stopped; }
  demo::task<> accept() {
    std::vector<demo::task<>> Tasks;
    for (auto &A : Acceptors)
      Tasks.emplace_back(A.accept_loop());
    co_await demo::when_any(std::move(Tasks));
  }

private:
  stat Flag = stat::init;
  std::vector<acceptor> Acceptors;
};

// A class template, a bool flag, the loop written by a macro.
#define EACH(V, R) for (auto &V : R)
template <class Config> class basic_server {
public:
  basic_server() { Acceptors.push_back(acceptor(1)); }
  void start() {
    if (Started)
      return;
    Started = true;
    Acceptors.push_back(acceptor(2));
  }
  demo::task<> accept() {
    std::vector<demo::task<>> Tasks;
    EACH(A, Acceptors) Tasks.push_back(A.accept_loop());
    co_await demo::when_any(std::move(Tasks));
  }

private:
  bool Started = false;
  std::vector<acceptor> Acceptors;
};
template class basic_server<int>;

// --- Reported: the member grows after the set-up.

// A public member appends on every request.
class hub {
public:
  void on_request(int Port) {
    Peers.push_back(acceptor(Port));
  }
  demo::task<> serve() {
    std::vector<demo::task<>> Tasks;
    for (auto &A : Peers)
      Tasks.emplace_back(A.accept_loop());
    co_await demo::when_any(std::move(Tasks));
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'demo::when_any' runs every task in 'Tasks' at once
    // CHECK-NOTES: :[[@LINE-3]]:7: note: a task is added here on every iteration
    // CHECK-NOTES: :[[@LINE-5]]:5: note: the loop has no static bound
  }

private:
  std::vector<acceptor> Peers;
};

// start() runs again after reset() sets its flag back.
class restartable {
public:
  void start() {
    if (Started)
      return;
    Started = true;
    Acceptors.push_back(acceptor(2));
  }
  void reset() { Started = false; }
  demo::task<> accept() {
    std::vector<demo::task<>> Tasks;
    for (auto &A : Acceptors)
      Tasks.emplace_back(A.accept_loop());
    co_await demo::when_any(std::move(Tasks));
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'demo::when_any' runs every task in 'Tasks' at once
    // CHECK-NOTES: :[[@LINE-3]]:7: note: a task is added here on every iteration
    // CHECK-NOTES: :[[@LINE-5]]:5: note: the loop has no static bound
  }

private:
  bool Started = false;
  std::vector<acceptor> Acceptors;
};

// The guard comes after the append.
class late_guard {
public:
  void start() {
    Acceptors.push_back(acceptor(2));
    if (Started)
      return;
    Started = true;
  }
  demo::task<> accept() {
    std::vector<demo::task<>> Tasks;
    for (auto &A : Acceptors)
      Tasks.emplace_back(A.accept_loop());
    co_await demo::when_any(std::move(Tasks));
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'demo::when_any' runs every task in 'Tasks' at once
    // CHECK-NOTES: :[[@LINE-3]]:7: note: a task is added here on every iteration
    // CHECK-NOTES: :[[@LINE-5]]:5: note: the loop has no static bound
  }

private:
  bool Started = false;
  std::vector<acceptor> Acceptors;
};

// A private helper of the set-up, also called per request.
class shared_helper {
  void add(int Port) { Acceptors.push_back(acceptor(Port)); }

public:
  shared_helper() { add(1); }
  void on_request(int Port) { add(Port); }
  demo::task<> accept() {
    std::vector<demo::task<>> Tasks;
    for (auto &A : Acceptors)
      Tasks.emplace_back(A.accept_loop());
    co_await demo::when_any(std::move(Tasks));
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'demo::when_any' runs every task in 'Tasks' at once
    // CHECK-NOTES: :[[@LINE-3]]:7: note: a task is added here on every iteration
    // CHECK-NOTES: :[[@LINE-5]]:5: note: the loop has no static bound
  }

private:
  bool Started = false;
  std::vector<acceptor> Acceptors;
};

// The guard's branch (a second run) calls a member that appends.
class refusing {
  void add(int Port) { Acceptors.push_back(acceptor(Port)); }

public:
  refusing() { add(1); }
  void start() {
    if (Started) {
      add(0);
      return;
    }
    Started = true;
  }
  demo::task<> accept() {
    std::vector<demo::task<>> Tasks;
    for (auto &A : Acceptors)
      Tasks.emplace_back(A.accept_loop());
    co_await demo::when_any(std::move(Tasks));
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'demo::when_any' runs every task in 'Tasks' at once
    // CHECK-NOTES: :[[@LINE-3]]:7: note: a task is added here on every iteration
    // CHECK-NOTES: :[[@LINE-5]]:5: note: the loop has no static bound
  }

private:
  bool Started = false;
  std::vector<acceptor> Acceptors;
};
