// A lowered program as cosm-lower emits it (a hand-written frame following
// docs/frame-protocol.md), built against an installed cosm through
// find_package(cosm) or pkg-config.
#include <cosm/cosm.hpp>

#include <cstdio>

namespace {
struct answer_frame final : cosm::Frame<int> {
  cosm::Step resume() override {
    std::puts("answer: running");
    return_value(42);
    return finish();
  }
  const char *function_name() const noexcept override { return "answer"; }
};
cosm::Coro<int> answer() { return cosm::Coro<int>::make<answer_frame>(); }
} // namespace

int main() {
  int Result = cosm::run(answer());
  std::printf("answer: %d\n", Result);
  return 0;
}
