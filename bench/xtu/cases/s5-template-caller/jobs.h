#pragma once
#include <boost/asio/io_context.hpp>

// Starts processing job `id` in the background.
void start_job(boost::asio::io_context &ctx, int id);
