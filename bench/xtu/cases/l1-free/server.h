#pragma once
#include <boost/asio/io_context.hpp>

// Starts accepting connections on ctx.
void start_server(boost::asio::io_context &ctx);
