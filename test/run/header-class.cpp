// Out-of-line COSM_ASYNC members of a class defined in a header, which
// cosm-lower does not edit: each frame is a local class of its member, with
// the member's access to the class's private members, and so are the
// frames of the COSM_ASYNC lambdas in its members (async or not). Two
// objects' tasks interleave; a static member lowers too.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: grep -v SHAPE %t.cpp | FileCheck %s --check-prefix=SHAPE
// RUN: %cxx %cosm_cxxflags -I%S %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags -I%S %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/header-class.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include "Inputs/header-class.hpp"
#include <cstdio>

// SHAPE: cosm::Coro<int> Widget::grow(int by) {
// SHAPE-NEXT: // The frame of Widget::grow(): {{.*}}
// SHAPE: struct grow_frame final : cosm::Frame<int> {
// SHAPE: cosm::SourceLine await_point() const noexcept override {
// SHAPE-NEXT: static constexpr cosm::FrameLines<2> lines{
// SHAPE: return cosm::Coro<int>::make<grow_frame>(this, by);
COSM_ASYNC cosm::Coro<int> Widget::grow(int by) {
  std::string note = name_ + " grows";
  for (int i = 0; i < by; ++i) {
    cosm::await(cosm::sleep(0));
    size_ = helper(size_);
    std::printf("%s %d\n", note.c_str(), size_);
  }
  return size_;
}

COSM_ASYNC cosm::Coro<void> Widget::twice() {
  int a = cosm::await(grow(1));
  int b = cosm::await(grow(2));
  std::printf("%s twice %d %d\n", name_.c_str(), a, b);
  int c = cosm::await(spawn(3));
  int d = cosm::await([this] COSM_ASYNC () -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    return helper(size_);
  }());
  std::printf("%s lambdas %d %d\n", name_.c_str(), c, d);
}

// SHAPE: cosm::Task<int> Widget::spawn(int n) {
// SHAPE-NEXT: // The frame of Widget::spawn::lambda(): {{.*}}
// SHAPE: struct spawn_lambda_frame final : cosm::Frame<int> {
cosm::Task<int> Widget::spawn(int n) {
  return cosm::create_task([this, n] COSM_ASYNC () -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    size_ += n;
    return size_;
  }());
}

COSM_ASYNC cosm::Coro<int> Widget::make_size(int n) {
  cosm::await(cosm::sleep(0));
  return n * 10;
}

COSM_ASYNC cosm::Coro<void> main_() {
  Widget w("w"), v("v");
  cosm::Task<void> t = cosm::create_task(w.twice());
  cosm::await(v.twice());
  cosm::await(t);
  std::printf("%d\n", cosm::await(Widget::make_size(4)));
}

int main() { cosm::run(main_()); }
