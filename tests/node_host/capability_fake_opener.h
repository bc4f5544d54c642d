#pragma once
// A fake desktop opener for the capability tests: a real shell script named like the platform
// opener, first on PATH for the life of the object, that records how it was called and exits
// with a chosen status. The capabilities run it through the real posix_spawnp path.

#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "node_host/capabilities/platform_opener.h"
#include "support/temp_dir.h"

namespace palyra::node_host::testing {

class FakeOpener {
 public:
  // `extra_script` runs before the exit (e.g. "sleep 5").
  explicit FakeOpener(int exit_code = 0, const std::string& extra_script = "") {
    const std::filesystem::path bin = dir_.path() / "bin";
    std::filesystem::create_directories(bin);
    const std::filesystem::path script = bin / PlatformOpenerProgram();
    std::ofstream(script) << "#!/bin/sh\n"
                          << "printf '%s' \"$#\" > '" << (dir_ / "argc").string() << "'\n"
                          << "printf '%s' \"$1\" > '" << (dir_ / "arg").string() << "'\n"
                          << "readlink /proc/$$/fd/0 > '" << (dir_ / "stdin").string() << "'\n"
                          << extra_script << "\n"
                          << "exit " << exit_code << "\n";
    ::chmod(script.c_str(), 0755);
    if (const char* path = ::getenv("PATH")) saved_path_ = path;
    ::setenv("PATH", (bin.string() + ":/usr/bin:/bin").c_str(), 1);
  }
  ~FakeOpener() {
    if (saved_path_) {
      ::setenv("PATH", saved_path_->c_str(), 1);
    } else {
      ::unsetenv("PATH");
    }
  }
  FakeOpener(const FakeOpener&) = delete;
  FakeOpener& operator=(const FakeOpener&) = delete;

  bool called() const { return std::filesystem::exists(dir_ / "arg"); }
  std::string argument() const { return Read("arg"); }
  std::string argument_count() const { return Read("argc"); }
  std::string stdin_target() const { return Read("stdin"); }

 private:
  std::string Read(const std::string& name) const {
    std::ifstream in(dir_ / name);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  palyra::testing::TempDir dir_;
  std::optional<std::string> saved_path_;
};

}  // namespace palyra::node_host::testing
