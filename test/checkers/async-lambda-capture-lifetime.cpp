// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

#include "task.h"
