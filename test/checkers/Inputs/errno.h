#pragma once
extern "C" int *__errno_location();
#define errno (*__errno_location())
#define EAGAIN 11
#define EWOULDBLOCK EAGAIN
#define EINPROGRESS 115
