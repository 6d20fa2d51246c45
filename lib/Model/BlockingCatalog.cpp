//===--- BlockingCatalog.cpp - async-lint ---------------------------------===//
//
// Known libraries are named by their qualified names. The sync-wait category
// is the shared library list (Library.h), so one global SyncWaitFunctions
// option configures it for every check.
//
//===----------------------------------------------------------------------===//

#include "BlockingCatalog.h"
#include "Library.h"
#include <iterator>
#include <vector>

namespace clang::tidy::async::model {

// The sync-wait category's names are the shared list's default, filled in
// by blockingCategories() on first use: composing it (Library::defaultOf)
// must not run when the plugin is loaded, before the plugin has checked the
// LLVM it was loaded into (an older clang-tidy lacks symbols it calls).
static const BlockingCategory Table[] = {
    {"sleep", "SleepFunctions", true, "sleeping",
     "await an asynchronous timer instead",
     "::std::this_thread::sleep_for;::std::this_thread::sleep_until;"
     "::sleep;::usleep;::nanosleep;::clock_nanosleep;"
     "::boost::this_thread::sleep_for;::boost::this_thread::sleep_until;"
     "::boost::this_thread::sleep;"
     "asio::basic_waitable_timer::wait;asio::basic_deadline_timer::wait"},
    {"wait", "WaitFunctions", true, "waiting on another thread",
     "await an asynchronous event, semaphore or condition instead",
     "::std::condition_variable::wait;::std::condition_variable::wait_for;"
     "::std::condition_variable::wait_until;"
     "::std::condition_variable_any::wait;"
     "::std::condition_variable_any::wait_for;"
     "::std::condition_variable_any::wait_until;"
     "::std::counting_semaphore::acquire;"
     "::std::counting_semaphore::try_acquire_for;"
     "::std::counting_semaphore::try_acquire_until;"
     "::std::latch::wait;::std::latch::arrive_and_wait;"
     "::std::barrier::wait;::std::barrier::arrive_and_wait;"
     "::std::atomic::wait;::std::atomic_flag::wait;::std::atomic_ref::wait;"
     "::pthread_cond_wait;::pthread_cond_timedwait;::pthread_barrier_wait;"
     "::sem_wait;::sem_timedwait"},
    {"result", "ResultFunctions", true, "waiting for a result",
     "'co_await' the result instead",
     "::std::thread::join;::std::jthread::join;"
     "::std::future::get;::std::future::wait;::std::future::wait_for;"
     "::std::future::wait_until;::std::shared_future::get;"
     "::std::shared_future::wait;::std::shared_future::wait_for;"
     "::std::shared_future::wait_until;::pthread_join;"
     "::boost::thread::join;::folly::SemiFuture::get;::folly::Future::get;"
     "::folly::Future::wait;::seastar::future::get"},
    {"sync-wait", "SyncWaitFunctions", true,
     "waiting synchronously on asynchronous work",
     "this deadlocks when the awaited work needs this thread; 'co_await' it "
     "instead",
     ""},
    {"io", "IOFunctions", true, "blocking I/O",
     "use the asynchronous operation and 'co_await' it",
     "::read;::write;::pread;::pwrite;::readv;::writev;::recv;::recvfrom;"
     "::recvmsg;::send;::sendto;::sendmsg;::accept;::accept4;::connect;"
     "::poll;::ppoll;::select;::pselect;::epoll_wait;::epoll_pwait;"
     "::getaddrinfo;::gethostbyname;::gethostbyname_r;::gethostbyaddr;"
     "::system;::popen;::waitpid;"
     "asio::basic_socket::connect;asio::basic_socket::wait;"
     "asio::basic_stream_socket::read_some;"
     "asio::basic_stream_socket::write_some;"
     "asio::basic_stream_socket::receive;asio::basic_stream_socket::send;"
     "asio::basic_datagram_socket::receive;asio::basic_datagram_socket::send;"
     "asio::basic_datagram_socket::receive_from;"
     "asio::basic_datagram_socket::send_to;"
     "asio::basic_raw_socket::receive;asio::basic_raw_socket::send;"
     "asio::basic_raw_socket::receive_from;asio::basic_raw_socket::send_to;"
     "asio::basic_seq_packet_socket::receive;"
     "asio::basic_seq_packet_socket::send;"
     "asio::basic_socket_acceptor::accept;asio::basic_socket_acceptor::wait;"
     "asio::ip::basic_resolver::resolve;"
     "asio::posix::basic_stream_descriptor::read_some;"
     "asio::posix::basic_stream_descriptor::write_some;"
     "asio::posix::basic_descriptor::wait;"
     "asio::basic_serial_port::read_some;asio::basic_serial_port::write_some;"
     "asio::ssl::stream::handshake;asio::ssl::stream::shutdown;"
     "asio::ssl::stream::read_some;asio::ssl::stream::write_some;"
     "::asio::read;::asio::write;::asio::read_at;::asio::write_at;"
     "::asio::read_until;::asio::connect;"
     "::boost::asio::read;::boost::asio::write;::boost::asio::read_at;"
     "::boost::asio::write_at;::boost::asio::read_until;"
     "::boost::asio::connect;"
     "::boost::beast::http::read;::boost::beast::http::read_header;"
     "::boost::beast::http::read_some;::boost::beast::http::write;"
     "::boost::beast::http::write_header;::boost::beast::http::write_some;"
     "::boost::beast::websocket::stream::accept;"
     "::boost::beast::websocket::stream::handshake;"
     "::boost::beast::websocket::stream::read;"
     "::boost::beast::websocket::stream::read_some;"
     "::boost::beast::websocket::stream::write;"
     "::boost::beast::websocket::stream::write_some;"
     "::boost::beast::websocket::stream::close;"
     "::boost::beast::websocket::stream::ping;"
     "::boost::beast::basic_stream::connect;"
     "::boost::beast::basic_stream::read_some;"
     "::boost::beast::basic_stream::write_some"},
    {"mutex", "MutexFunctions", false, "locking a mutex",
     "use an asynchronous mutex, or keep the critical section short and free "
     "of waits",
     "::std::mutex::lock;::std::timed_mutex::lock;"
     "::std::timed_mutex::try_lock_for;::std::timed_mutex::try_lock_until;"
     "::std::recursive_mutex::lock;::std::recursive_timed_mutex::lock;"
     "::std::shared_mutex::lock;::std::shared_mutex::lock_shared;"
     "::std::shared_timed_mutex::lock;::std::shared_timed_mutex::lock_shared;"
     "::std::unique_lock::lock;::std::shared_lock::lock;::std::lock;"
     "::std::lock_guard::lock_guard;::std::unique_lock::unique_lock;"
     "::std::scoped_lock::scoped_lock;::std::shared_lock::shared_lock;"
     "::pthread_mutex_lock;::pthread_rwlock_rdlock;::pthread_rwlock_wrlock"},
};

llvm::ArrayRef<BlockingCategory> blockingCategories() {
  static const std::vector<BlockingCategory> Categories = [] {
    std::vector<BlockingCategory> All(std::begin(Table), std::end(Table));
    for (BlockingCategory &C : All)
      if (C.OptionName == "SyncWaitFunctions")
        C.DefaultNames = Library::defaultOf(C.OptionName);
    return All;
  }();
  return Categories;
}

const char DefaultAwaitableBlockingMembers[] =
    "get;wait;wait_for;wait_until;join";

const char DefaultBlockingStreams[] = "::std::cin;::std::wcin";

const char CustomBlockingAdvice[] = "use an asynchronous alternative instead";

} // namespace clang::tidy::async::model
