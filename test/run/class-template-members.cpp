// Out-of-line COSM_ASYNC members of a class template, a member template of a
// class template and a member template of a plain class: each frame is a
// member class declared in its class and defined out of line under the same
// template headers.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/class-template-members.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

template <class T> struct Box {
  T value;
  int reads = 0;
  cosm::Coro<T> get();
  template <class U> cosm::Coro<U> get_as(U scale);
};

template <class T> COSM_ASYNC cosm::Coro<T> Box<T>::get() {
  cosm::await(cosm::sleep(0));
  ++reads;
  return value;
}

template <class T>
template <class U>
COSM_ASYNC cosm::Coro<U> Box<T>::get_as(U scale) {
  T v = cosm::await(get());
  return U(v) * scale;
}

struct Meter {
  std::string unit;
  template <class N> cosm::Coro<std::string> show(N n);
};

template <class N> COSM_ASYNC cosm::Coro<std::string> Meter::show(N n) {
  cosm::await(cosm::sleep(0));
  return std::to_string(n) + " " + unit;
}

COSM_ASYNC cosm::Coro<void> amain() {
  Box<int> ints{7};
  Box<std::string> words{"seven"};
  int i = cosm::await(ints.get());
  std::string w = cosm::await(words.get());
  double d = cosm::await(ints.get_as(0.5));
  std::printf("%d %s %.1f reads %d %d\n", i, w.c_str(), d, ints.reads,
              words.reads);
  Meter m{"m"};
  std::printf("%s\n", cosm::await(m.show(3)).c_str());
}

int main() { cosm::run(amain()); }
