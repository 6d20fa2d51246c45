//===--- ContextPresets.cpp - async-lint ----------------------------------===//
//
// The library presets of ContextKnowledge (ContextUses.h): which types are
// contexts that run their work only when their owner runs them, and which
// calls hand them work, run them, make executors, I/O objects or owning
// pointers of them, per library.
//
//===----------------------------------------------------------------------===//

#include "ContextUses.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async::model {

namespace {

/// One library's entries for one list. Asio's entries are written once,
/// without their namespace, and given to asio and boost::asio (ASIO_NS).
struct PresetEntry {
  llvm::StringLiteral Library;
  ContextList List;
  llvm::StringLiteral Names;
};

constexpr llvm::StringLiteral AsioNs = "ASIO_NS";
/// Entries of no library, in every preset.
constexpr llvm::StringLiteral AnyLibrary = "";

const PresetEntry Presets[] = {
    // They call the lambda they are given before they return.
    {AnyLibrary, ContextList::InvokeFunctions, "::std::invoke;::std::invoke_r"},
    {AsioNs, ContextList::ContextTypes, "io_context"},
    {AsioNs, ContextList::HandOffFunctions,
     "co_spawn;post;dispatch;defer;io_context::post;io_context::dispatch;"
     "basic_waitable_timer::async_wait;basic_deadline_timer::async_wait;"
     "basic_signal_set::async_wait;signal_set::async_wait;"
     "basic_socket_acceptor::async_accept;basic_socket::async_connect;"
     "basic_stream_socket::async_read_some;"
     "basic_stream_socket::async_write_some;"
     "basic_datagram_socket::async_receive;basic_datagram_socket::async_send;"
     "ip::basic_resolver::async_resolve;async_read;async_write;async_connect;"
     "async_read_until"},
    {AsioNs, ContextList::RunFunctions,
     "io_context::run;io_context::run_one;io_context::run_for;"
     "io_context::run_until;io_context::run_one_for;io_context::run_one_until;"
     "io_context::poll;io_context::poll_one"},
    {AsioNs, ContextList::ExecutorAccessors,
     "io_context::get_executor;make_strand;make_work_guard"},
    // A context made by one is owned by the local pointer it initialises.
    {AsioNs, ContextList::ContextMakers,
     "::std::make_shared;::std::make_unique"},
    {AsioNs, ContextList::IoObjectTypes,
     "basic_waitable_timer;basic_deadline_timer;basic_signal_set;signal_set;"
     "basic_socket;basic_stream_socket;basic_datagram_socket;basic_raw_socket;"
     "basic_seq_packet_socket;basic_socket_acceptor;ip::basic_resolver;"
     "basic_serial_port;basic_stream_file;basic_random_access_file;"
     "basic_readable_pipe;basic_writable_pipe;posix::basic_stream_descriptor;"
     "io_context::strand;strand;executor_work_guard;ssl::stream;"
     "experimental::basic_channel;experimental::basic_concurrent_channel"},
    {"boost::asio", ContextList::HandOffFunctions, "::boost::asio::spawn"},
    // An io_context made by one is owned by the local pointer it initialises.
    {"asio", ContextList::ContextMakers,
     "::std::make_shared;::std::make_unique"},
    {"boost::asio", ContextList::ContextMakers,
     "::std::make_shared;::std::make_unique"},
    {"libcoro", ContextList::ContextTypes,
     "::coro::scheduler;::coro::io_scheduler"},
    {"libcoro", ContextList::HandOffFunctions,
     "::coro::scheduler::spawn_detached;::coro::scheduler::spawn_joinable;"
     "::coro::io_scheduler::spawn;::coro::io_scheduler::spawn_detached"},
    // A scheduler runs its own event thread and pool unless its options
    // select both the manual thread strategy and inline task processing:
    // only then does spawned work wait for the owner's process_events().
    {"libcoro", ContextList::ModeMakers,
     "::coro::scheduler::make_unique;::coro::io_scheduler::make_shared;"
     "::coro::io_scheduler::make_unique"},
    {"libcoro", ContextList::ManualModes,
     "::coro::scheduler::thread_strategy_t::manual;"
     "::coro::scheduler::execution_strategy_t::process_tasks_inline;"
     "::coro::io_scheduler::thread_strategy_t::manual;"
     "::coro::io_scheduler::execution_strategy_t::process_tasks_inline"},
    {"libcoro", ContextList::RunFunctions,
     "::coro::scheduler::process_events;::coro::io_scheduler::process_events"},
    {"concurrencpp", ContextList::ContextTypes,
     "::concurrencpp::manual_executor"},
    {"concurrencpp", ContextList::HandOffFunctions,
     "::concurrencpp::manual_executor::post;"
     "::concurrencpp::manual_executor::submit;"
     "::concurrencpp::manual_executor::bulk_post;"
     "::concurrencpp::manual_executor::bulk_submit;"
     "::concurrencpp::manual_executor::enqueue"},
    // The runtime registers the executor it makes only to shut it down:
    // the returned pointer is the program's one way to loop it.
    {"concurrencpp", ContextList::ContextMakers,
     "::concurrencpp::runtime::make_manual_executor;::std::make_shared;"
     "::std::make_unique"},
    {"concurrencpp", ContextList::RunFunctions,
     "::concurrencpp::manual_executor::loop;"
     "::concurrencpp::manual_executor::loop_once;"
     "::concurrencpp::manual_executor::loop_for;"
     "::concurrencpp::manual_executor::loop_once_for;"
     "::concurrencpp::manual_executor::loop_until;"
     "::concurrencpp::manual_executor::loop_once_until"},
    {"cppcoro", ContextList::ContextTypes, "::cppcoro::io_service"},
    // cppcoro hands no work to an io_service from outside a coroutine: a
    // coroutine awaits its schedule(). Only a coroutine lambda's task that
    // sync_wait starts and waits for is followed.
    {"cppcoro", ContextList::AwaitedHandOffs,
     "::cppcoro::io_service::schedule;::cppcoro::io_service::schedule_after"},
    {"cppcoro", ContextList::TaskStarters, "::cppcoro::sync_wait"},
    {"cppcoro", ContextList::RunFunctions,
     "::cppcoro::io_service::process_events;"
     "::cppcoro::io_service::process_pending_events;"
     "::cppcoro::io_service::process_one_event;"
     "::cppcoro::io_service::process_one_pending_event"},
    // async_simple's executors run their own threads: nothing to run by
    // hand; its lazy tasks are async-discarded-awaitable's.
    {"stdexec", ContextList::ContextTypes,
     "::stdexec::run_loop;::stdexec::__loop::run_loop;"
     "::std::execution::run_loop"},
    {"stdexec", ContextList::HandOffFunctions,
     "::stdexec::start_detached;::exec::start_detached;"
     "::exec::async_scope::spawn;::exec::async_scope::spawn_future"},
    {"stdexec", ContextList::RunFunctions,
     "::stdexec::run_loop::run;::stdexec::__loop::run_loop::run;"
     "::std::execution::run_loop::run"},
    {"stdexec", ContextList::ExecutorAccessors,
     "::stdexec::run_loop::get_scheduler;"
     "::stdexec::__loop::run_loop::get_scheduler;"
     "::std::execution::run_loop::get_scheduler;"
     "::stdexec::schedule;::stdexec::starts_on;::stdexec::on"},
};

const llvm::StringLiteral Libraries[] = {
    "asio",    "boost::asio",  "libcoro", "concurrencpp",
    "cppcoro", "async_simple", "stdexec"};

} // namespace

llvm::ArrayRef<llvm::StringLiteral> contextPresetLibraries() {
  return Libraries;
}

std::string contextPreset(ContextList List,
                          llvm::ArrayRef<std::string> Wanted) {
  std::vector<std::string> Names;
  auto Add = [&](llvm::StringRef Value, llvm::StringRef Prefix) {
    for (const std::string &Name : splitList(Value))
      Names.push_back(Prefix.str() + Name);
  };
  for (const PresetEntry &E : Presets) {
    if (E.List != List)
      continue;
    if (E.Library != AsioNs) {
      if (E.Library == AnyLibrary ||
          llvm::is_contained(Wanted, E.Library.str()))
        Add(E.Names, "");
      continue;
    }
    if (llvm::is_contained(Wanted, "asio"))
      Add(E.Names, "::asio::");
    if (llvm::is_contained(Wanted, "boost::asio"))
      Add(E.Names, "::boost::asio::");
  }
  return joinList(Names);
}

std::string asioNames(ContextList List) {
  std::vector<std::string> Names;
  for (const PresetEntry &E : Presets)
    if (E.List == List && E.Library == AsioNs)
      for (const std::string &Name : splitList(E.Names))
        Names.push_back("asio::" + Name);
  return joinList(Names);
}

} // namespace clang::tidy::async::model
