#pragma once
// A helper the node runtime's SQLite repositories (nodes, capability requests) share.

#include "store/database.h"

namespace palyra::store {

// Resets a prepared statement when the scope ends, so that a reader never holds its snapshot
// open and every statement kept for reuse is ready for its next use.
class ResetOnExit {
 public:
  explicit ResetOnExit(Statement& stmt) : stmt_(stmt) {}
  ~ResetOnExit() { (void)stmt_.Reset(); }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  Statement& stmt_;
};

}  // namespace palyra::store
