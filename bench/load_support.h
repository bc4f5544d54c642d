#pragma once
// Helpers the load programs share: their `--name value` flags and a process's /proc/<pid>/status
// figures (resident memory, threads).

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

namespace palyra::bench {

inline const char* ArgRaw(int argc, char** argv, const char* name) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], name) == 0) return argv[i + 1];
  }
  return nullptr;
}

inline int ArgValue(int argc, char** argv, const char* name, int fallback) {
  const char* value = ArgRaw(argc, argv, name);
  return value != nullptr ? std::atoi(value) : fallback;
}

inline std::string ArgText(int argc, char** argv, const char* name) {
  const char* value = ArgRaw(argc, argv, name);
  return value != nullptr ? value : "";
}

// A field of /proc/<pid>/status such as "VmRSS:" (kB) or "Threads:"; -1 when absent.
inline long ProcStatusValue(int pid, const char* key) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) return std::atol(line.c_str() + std::strlen(key));
  }
  return -1;
}

}  // namespace palyra::bench
