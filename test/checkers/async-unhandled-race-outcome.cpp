// RUN: %check_async_lint %s async-unhandled-race-outcome %t

#include "task.h"
