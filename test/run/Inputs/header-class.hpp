// A class defined in a header: test/run/header-class.cpp defines its
// COSM_ASYNC members out of line.
#pragma once
#include <cosm/cosm.hpp>
#include <string>

class Widget {
public:
  explicit Widget(std::string name) : name_(std::move(name)) {}
  COSM_ASYNC cosm::Coro<int> grow(int by);
  COSM_ASYNC cosm::Coro<void> twice();
  COSM_ASYNC static cosm::Coro<int> make_size(int n);
  cosm::Task<int> spawn(int n);

private:
  int helper(int x) const { return x * 2; }
  std::string name_;
  int size_ = 1;
};
