#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>

// Runs the job in the background.
void start_job(boost::asio::io_context &ctx, boost::asio::awaitable<void> job);
