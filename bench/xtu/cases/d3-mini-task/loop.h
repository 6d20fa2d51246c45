#pragma once
#include "mini.h"

// Hands a task to the event loop.
void enqueue(mini::task t);
void run_loop();
