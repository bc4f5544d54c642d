#pragma once
// QR codes drawn in a terminal with Unicode half blocks: one character cell holds two module
// rows, so the code keeps a square shape in a typical terminal font.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace palyra::cli {

// The QR standard asks for four light modules around the symbol.
inline constexpr int kQrQuietZoneModules = 4;
// Longer texts make symbols no phone camera reads off a terminal.
inline constexpr size_t kMaxQrTextBytes = 1024;

// The symbol for `text` (byte mode, error correction M): rows of modules, true = dark.
Result<std::vector<std::vector<bool>>> EncodeQrModules(std::string_view text);

struct QrRenderOptions {
  int quiet_zone = kQrQuietZoneModules;
  // Default: light modules are drawn as blocks, which reads correctly on a dark terminal
  // background. Inverted: dark modules are drawn, for light backgrounds.
  bool invert = false;
};

// Lines ending in '\n'. Each line has the same number of cells (the symbol width plus both quiet
// zones); when the padded height is odd, the last cell row has its lower half left blank.
Result<std::string> RenderQrHalfBlocks(std::string_view text, const QrRenderOptions& options = {});

}  // namespace palyra::cli
