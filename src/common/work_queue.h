#pragma once
// A bounded FIFO of tasks run by a fixed set of threads: for work that may block (a database
// commit) and must stay off an event loop. Post() refuses instead of growing without bound.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace palyra {

class WorkQueue {
 public:
  WorkQueue(size_t threads, size_t capacity);
  ~WorkQueue();  // runs what is queued, then joins
  WorkQueue(const WorkQueue&) = delete;
  WorkQueue& operator=(const WorkQueue&) = delete;

  // False (and `task` dropped) when `capacity` tasks are already waiting or the queue stopped.
  bool Post(std::function<void()> task);
  // Runs what is queued, then joins the threads; later Posts are refused. Idempotent.
  void Stop();

 private:
  void Run();
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace palyra
