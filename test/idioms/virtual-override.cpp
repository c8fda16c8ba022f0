// A virtual async member function overridden in derived classes (declared
// 'virtual ... = 0' in the base, 'override' in each derived), awaited through Base&.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/virtual-override.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <memory>
#include <vector>

struct Shape {
  virtual ~Shape() = default;
  virtual cosm::Coro<int> area() = 0;
};

struct Square : Shape {
  int side;
  explicit Square(int s) : side(s) {}
  COSM_ASYNC cosm::Coro<int> area() override {
    cosm::await(cosm::sleep(0));
    std::printf("square %d\n", side);
    return side * side;
  }
};

struct Rect final : Shape {
  int w, h;
  Rect(int a, int b) : w(a), h(b) {}
  COSM_ASYNC cosm::Coro<int> area() override {
    cosm::await(cosm::sleep(0));
    cosm::await(cosm::sleep(0));
    std::printf("rect %dx%d\n", w, h);
    return w * h;
  }
};

COSM_ASYNC cosm::Coro<int> total(std::vector<std::unique_ptr<Shape>> &shapes) {
  int sum = 0;
  for (auto &s : shapes)
    sum += cosm::await(s->area());
  return sum;
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::vector<std::unique_ptr<Shape>> v;
  v.push_back(std::make_unique<Square>(3));
  v.push_back(std::make_unique<Rect>(2, 5));
  Square lone(4);
  Shape &ref = lone;
  cosm::Task<int> t = cosm::create_task(ref.area());
  int sum = cosm::await(total(v));
  std::printf("sum %d lone %d\n", sum, cosm::await(t));
}

int main() { cosm::run(main_()); }
