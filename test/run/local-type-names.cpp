// Two local types of one name in one async function, nested in its frame:
// the later one is renamed (Item_2, or Item_3 when the function already
// uses Item_2) at its declaration, its constructors and destructor and every
// use, including a type that refers to it and a member function returning
// it. Typedefs declared twice, unscoped enums declared twice (their
// enumerators join the frame's scope too), an enumerator named as a local
// variable of another block, and an async lambda with two types. The
// objects print when made and dropped on every exit path: a return from the
// block, an exception after an await, the end; a ticker task interleaves.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: grep -v SHAPE %t.cpp | FileCheck %s --check-prefix=SHAPE
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/local-type-names.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>

COSM_ASYNC cosm::Coro<int> ticker(int n) {
  for (int i = 0; i < n; ++i) {
    std::printf("tick %d\n", i);
    cosm::await(cosm::sleep(0));
  }
  return n;
}

// SHAPE: struct items_frame final
// SHAPE: struct Item {
// SHAPE: ~Item() { std::printf("~Item(%d)\n", v); }
// SHAPE: struct Item_3 {
// SHAPE: Item_3(long v) : v(v) { std::printf("Item'(%ld)\n", v); }
// SHAPE: ~Item_3() { std::printf("~Item'(%ld)\n", v); }
// SHAPE: Item_3 next() const { return Item_3(v + 1); }
// SHAPE: struct Pair {
// SHAPE-NEXT: Item_3 a, b;
// SHAPE: int Item_2;
// SHAPE: Item first;
// SHAPE: Pair pair;
COSM_ASYNC cosm::Coro<int> items(int path) {
  int Item_2 = 100; // the name the renaming would pick first
  if (path == 0) {
    struct Item {
      int v;
      explicit Item(int v) : v(v) { std::printf("Item(%d)\n", v); }
      ~Item() { std::printf("~Item(%d)\n", v); }
    };
    Item first(1);
    cosm::await(cosm::sleep(0));
    return first.v + Item_2;
  }
  struct Item {
    long v;
    Item(long v) : v(v) { std::printf("Item'(%ld)\n", v); }
    ~Item() { std::printf("~Item'(%ld)\n", v); }
    Item next() const { return Item(v + 1); }
  };
  struct Pair {
    Item a, b;
  };
  Pair pair{Item(2), Item(3).next()};
  cosm::await(cosm::sleep(0));
  if (path == 1)
    throw std::runtime_error("path 1");
  return static_cast<int>(pair.a.v + pair.b.v) + Item_2;
}

// SHAPE: struct names_frame final
// SHAPE: enum Color { Red_2 = 1, Green };
// SHAPE: enum Color_2 { Red_3 = 5, Green_2 };
// SHAPE: Num n;
// SHAPE: Color c;
// SHAPE: int Red;
// SHAPE: Num_2 n_2;
// SHAPE: Color_2 c_2;
COSM_ASYNC cosm::Coro<long> names(int which) {
  if (which == 0) {
    typedef int Num;
    enum Color { Red = 1, Green };
    Num n = Green;
    Color c = Red;
    cosm::await(cosm::sleep(0));
    return n * 10 + c;
  }
  if (which == 1) {
    int Red = 70;
    cosm::await(cosm::sleep(0));
    return Red;
  }
  using Num = long;
  enum Color { Red = 5, Green };
  Num n = Num{1} << 40;
  Color c = Green;
  cosm::await(cosm::sleep(0));
  return n + c;
}

COSM_ASYNC cosm::Coro<void> main_coro() {
  cosm::Task<int> tick = cosm::create_task(ticker(6));
  int r = cosm::await(items(0));
  std::printf("path 0 -> %d\n", r);
  r = cosm::await(items(2));
  std::printf("path 2 -> %d\n", r);
  try {
    cosm::await(items(1));
  } catch (const std::runtime_error &e) {
    std::printf("caught %s\n", e.what());
  }
  for (int which = 0; which < 3; ++which) {
    long v = cosm::await(names(which));
    std::printf("names %d -> %ld\n", which, v);
  }
  auto pick = [] COSM_ASYNC(bool b) -> cosm::Coro<int> {
    if (b) {
      struct Item {
        int v;
      };
      Item i{1};
      cosm::await(cosm::sleep(0));
      return i.v;
    }
    struct Item {
      long v;
      int twice() const { return static_cast<int>(v * 2); }
    };
    Item i{21};
    cosm::await(cosm::sleep(0));
    return i.twice();
  };
  int a = cosm::await(pick(true));
  int b = cosm::await(pick(false));
  std::printf("pick %d %d\n", a, b);
  std::printf("ticker %d\n", cosm::await(tick));
}

int main() { cosm::run(main_coro()); }
