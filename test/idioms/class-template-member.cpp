// An async member function of a class template, defined in the class (a generic
// channel-like buffer), instantiated for two element types.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/class-template-member.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <deque>
#include <string>

template <class T> class Buffer {
public:
  void put(T v) { items.push_back(std::move(v)); }
  COSM_ASYNC cosm::Coro<T> take() {
    while (items.empty())
      cosm::await(cosm::sleep(0));
    T v = std::move(items.front());
    items.pop_front();
    return v;
  }

private:
  std::deque<T> items;
};

COSM_ASYNC cosm::Coro<void> consumer(Buffer<int> &ints, Buffer<std::string> &strs) {
  int a = cosm::await(ints.take());
  std::printf("got int %d\n", a);
  std::string s = cosm::await(strs.take());
  std::printf("got str %s after %d\n", s.c_str(), a);
}

COSM_ASYNC cosm::Coro<void> main_() {
  Buffer<int> ints;
  Buffer<std::string> strs;
  cosm::Task<void> c = cosm::create_task(consumer(ints, strs));
  cosm::await(cosm::sleep(0));
  std::printf("put int\n");
  ints.put(7);
  cosm::await(cosm::sleep(0));
  cosm::await(cosm::sleep(0));
  std::printf("put str\n");
  strs.put("seven");
  cosm::await(c);
}

int main() { cosm::run(main_()); }
