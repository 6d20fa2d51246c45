// A coroutine without pitfalls: its findings file stays empty.
#include <base/task.h>

task idle() { co_return; }
