#include "store.h"

template <class T> void save(const T &value) {
  static T last{};
  last = value;
}

template void save<int>(const int &);
