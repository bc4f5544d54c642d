// palyra: the operator console of a Palyra gateway. Everything lives in palyra_cli (cli_app.h).

#include <signal.h>

#include <iostream>

#include "cli/cli_app.h"

int main(int argc, char** argv) {
  signal(SIGPIPE, SIG_IGN);  // `palyra nodes list | head` must not kill us mid-write
  std::vector<std::string> args(argv, argv + argc);
  return palyra::cli::RunCli(args, palyra::ReadProcessEnvironment(),
                             {std::cin, std::cout, std::cerr});
}
