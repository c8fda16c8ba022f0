// Member functions, defined in the class and out of line, reach private
// members through `self`; their frames are nested classes of the class.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/members.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

namespace bank {

// CHECK-LABEL: class Account {
class Account {
public:
  explicit Account(std::string owner) : owner_(std::move(owner)) {}

  // CHECK: struct deposit_frame final : cosm::Frame<int> {
  // CHECK-NEXT: bank::Account *self;
  // CHECK-NEXT: int amount;
  // CHECK: self->balance_ += amount;
  // CHECK: return cosm::Coro<int>::make<deposit_frame>(this, amount);
  COSM_ASYNC cosm::Coro<int> deposit(int amount) {
    cosm::await(cosm::sleep(0));
    balance_ += amount;
    log("deposit");
    return balance_;
  }

  // Declared here, defined below: the frame is declared in the class.
  // CHECK: struct withdraw_frame;
  cosm::Coro<bool> withdraw(int amount);

  // CHECK: struct report_frame final : cosm::Frame<void> {
  // CHECK-NEXT: const bank::Account *self;
  COSM_ASYNC cosm::Coro<void> report() const {
    cosm::await(cosm::sleep(0));
    std::printf("%s has %d\n", this->owner_.c_str(), balance_);
  }

private:
  void log(const char *what) const {
    std::printf("%s: %s -> %d\n", owner_.c_str(), what, balance_);
  }
  std::string owner_;
  int balance_ = 0;
};

// CHECK: struct bank::Account::withdraw_frame final : cosm::Frame<bool> {
COSM_ASYNC cosm::Coro<bool> Account::withdraw(int amount) {
  if (amount > balance_) {
    log("refused");
    return false;
  }
  cosm::await(cosm::sleep(0));
  balance_ -= amount;
  log("withdraw");
  return true;
}

} // namespace bank

COSM_ASYNC cosm::Coro<void> main_() {
  bank::Account a("ada");
  int b = cosm::await(a.deposit(10));
  std::printf("balance %d\n", b);
  bool ok = cosm::await(a.withdraw(25));
  std::printf("withdraw 25: %d\n", ok);
  ok = cosm::await(a.withdraw(4));
  std::printf("withdraw 4: %d\n", ok);
  cosm::await(a.report());
}

int main() { cosm::run(main_()); }
