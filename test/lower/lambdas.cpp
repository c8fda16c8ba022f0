// The shape of lambdas: a COSM_ASYNC lambda's frame comes before the
// declaration that holds it, its first members are the captures (copies, or
// references for captures by reference), and its body only creates the
// frame; a plain lambda kept across an await becomes a named function object
// nested in the frame. Lambdas of the same function name in two namespaces,
// and a user's variable spelled like the generated frame (the frames take
// `_2`: the name is taken in the file), keep apart. With
// --line-directives the output compiles too.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags -c %t.cpp -o %t.o
// RUN: %clangxx %cosm_cxxflags -c %t.cpp -o %t.o
// RUN: %cosm-lower --line-directives %s -o %t.lines.cpp
// RUN: %cxx %cosm_cxxflags -c %t.lines.cpp -o %t.o

#include <cosm/cosm.hpp>
#include <string>

namespace one {
// CHECK-LABEL: namespace one {
// CHECK: struct run_lambda_frame_2 final : cosm::Frame<int> {
// CHECK-NEXT: std::string name;
// CHECK-NEXT: int &total;
// CHECK-NEXT: int extra;
// CHECK: run_lambda_frame_2(std::string name, int &total, int extra)
// CHECK-NEXT: : name(std::move(name)), total(total), extra(extra) {}
// CHECK: return "one::run::lambda";
// CHECK-LABEL: cosm::Coro<int> run(std::string name, int &total) {
// CHECK-NEXT: return [name, &total](int extra) -> cosm::Coro<int> {
// CHECK-NEXT: // Calling the lambda creates its frame and runs nothing. The
// CHECK: return cosm::Coro<int>::make<run_lambda_frame_2>(name, total, extra);
// CHECK-NEXT: }(1);
cosm::Coro<int> run(std::string name, int &total) {
  return [name, &total] COSM_ASYNC (int extra) -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    total += extra;
    return int(name.size()) + total;
  }(1);
}
} // namespace one

namespace two {
// CHECK-LABEL: namespace two {
// CHECK: struct run_lambda_frame_2 final : cosm::Frame<void> {
cosm::Coro<void> run() {
  int run_lambda_frame = 0; // a user's name, which the type must not hide
  (void)run_lambda_frame;
  return [] COSM_ASYNC () -> cosm::Coro<void> { cosm::await(cosm::sleep(0)); }();
}
} // namespace two

// CHECK-LABEL: struct keep_frame final : cosm::Frame<int> {
// CHECK-NEXT: // The lambda in `add`, lifted into a named function object: a
// CHECK-NEXT: // needs a type with a name.
// CHECK-NEXT: struct add_closure {
// CHECK-NEXT: int base;
// CHECK-NEXT: int &calls;
// CHECK-NEXT: auto operator()(int v) const { return base + v + ++calls; }
// CHECK-NEXT: };
// CHECK-NEXT: // The lambda in `mut`, lifted into a named function object: a
// CHECK-NEXT: // needs a type with a name.
// CHECK-NEXT: struct mut_closure {
// CHECK-NEXT: int n;
// CHECK-NEXT: auto operator()() { return ++n; }
// CHECK-NEXT: };
// CHECK: ::new (&add) add_closure(add_closure{base, calls});
// CHECK: ::new (&mut) mut_closure(mut_closure{0});
COSM_ASYNC cosm::Coro<int> keep(int base) {
  int calls = 0;
  auto add = [base, &calls](int v) { return base + v + ++calls; };
  auto mut = [n = 0]() mutable { return ++n; };
  cosm::await(cosm::sleep(0));
  return add(1) + mut();
}
