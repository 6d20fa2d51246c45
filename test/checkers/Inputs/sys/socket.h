#pragma once
typedef unsigned long size_t;
typedef long ssize_t;
struct sockaddr;
typedef unsigned socklen_t;
extern "C" {
ssize_t recv(int, void *, size_t, int);
ssize_t send(int, const void *, size_t, int);
int accept(int, sockaddr *, socklen_t *);
int connect(int, const sockaddr *, socklen_t);
}
