#include "asio.hpp"
void job();
void broken() {
  asio::io_context Ctx;
  asio::post(Ctx, missing);
  int Lost = undeclared;
}
void fine() {
  asio::io_context Ctx;
  asio::post(Ctx, job);
}
template <class T> void dependent(T t) {
  asio::io_context Ctx;
  asio::post(Ctx, t.run(
}
