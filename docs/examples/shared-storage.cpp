// Objects never alive at once share one storage in the frame.
#include <cosm/cosm.hpp>
#include <string>

cosm::Coro<void> send(const std::string &text);

COSM_ASYNC cosm::Coro<void> report(bool ok) {
  if (ok) {
    std::string done = "done";
    cosm::await(send(done));
  } else {
    std::string failed = "failed";
    cosm::await(send(failed));
  }
  std::string bye = "bye";
  cosm::await(send(bye));
}
