// A lowered program as cosm-lower emits it (a hand-written frame), built
// against an installed cosm through find_package(cosm) or pkg-config.
#include <cosm/frame.hpp>

#include <cstdio>

namespace {
struct answer_frame final : cosm::Frame<int> {
  cosm::Step resume() override {
    std::puts("answer: running");
    return_value(42);
    return finish();
  }
  const char *name() const noexcept override { return "answer"; }
};
cosm::Coro<int> answer() { return cosm::Coro<int>::make<answer_frame>(); }
} // namespace

int main() {
  cosm::Coro<int> C = answer();
  if (C.step() != cosm::Step::Done)
    return 1;
  std::printf("answer: %d\n", C.take_result());
  return 0;
}
