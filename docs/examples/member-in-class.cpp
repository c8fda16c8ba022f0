// A member function defined in its class: the frame is a nested class and
// reaches the object through `self`.
#include <cosm/cosm.hpp>

class Account {
public:
  COSM_ASYNC cosm::Coro<int> deposit(int amount) {
    cosm::await(cosm::sleep(0));
    balance_ += amount;
    return balance_;
  }

private:
  int balance_ = 0;
};
