// std::unique_ptr and std::make_unique for tests of contexts and executors
// owned by a local smart pointer (the suite's <memory> has shared_ptr only;
// some tests declare a unique_ptr of their own with other members).
#pragma once
namespace std {
template <class T> class unique_ptr {
public:
  unique_ptr(unique_ptr &&);
  ~unique_ptr();
  T *operator->() const;
  T &operator*() const;
};
template <class T, class... A> unique_ptr<T> make_unique(A &&...);
} // namespace std
