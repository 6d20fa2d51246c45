#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>

// Queues a task to run on the scheduler's context.
void schedule(boost::asio::awaitable<void> t);

// Runs every queued task on ctx.
void run_scheduled(boost::asio::io_context &ctx);
