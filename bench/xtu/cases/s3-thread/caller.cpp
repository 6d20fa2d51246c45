#include "jobs.h"

#include <iostream>

int main() {
  int id = 0;
  while (std::cin >> id)
    start_job(id); // EXPECT-WARN
}
