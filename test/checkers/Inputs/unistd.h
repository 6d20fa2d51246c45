#pragma once
typedef unsigned long size_t;
typedef long ssize_t;
extern "C" {
unsigned int sleep(unsigned int);
int usleep(unsigned int);
ssize_t read(int, void *, size_t);
ssize_t write(int, const void *, size_t);
int system(const char *);
}
