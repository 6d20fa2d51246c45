#pragma once

template <class T> void save(const T &value);

extern template void save<int>(const int &);
