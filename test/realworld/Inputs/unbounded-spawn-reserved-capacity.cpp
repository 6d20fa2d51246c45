// A pool of joining threads started up to the capacity reserved before the
// loop, on the real libstdc++ headers: bounded as `i < n` is. A vector
// reserved with elements already in it is still reported.
#include <thread>
#include <vector>

struct loop {
  void run();
};

int main() {
  loop L;
  std::vector<std::jthread> Threads;
  Threads.reserve(std::thread::hardware_concurrency());
  for (std::size_t I = 0; I < Threads.capacity(); ++I)
    Threads.emplace_back([&] { L.run(); });
  L.run();
}

void seeded(loop &L) {
  std::vector<std::thread> Threads(1);
  Threads.reserve(4);
  for (std::size_t I = 0; I < Threads.capacity(); ++I)
    Threads.emplace_back([&] { L.run(); });
  for (auto &T : Threads)
    T.join();
}
