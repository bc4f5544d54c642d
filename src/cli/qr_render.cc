#include "cli/qr_render.h"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace palyra::cli {
namespace {

constexpr std::string_view kFull = "\u2588";   // both halves drawn
constexpr std::string_view kUpper = "\u2580";  // upper half drawn
constexpr std::string_view kLower = "\u2584";  // lower half drawn
constexpr std::string_view kEmpty = " ";

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

Result<std::vector<std::vector<bool>>> EncodeQrModules(std::string_view text) {
  if (text.empty()) return InvalidArgument("QR text is empty");
  if (text.size() > kMaxQrTextBytes) {
    return InvalidArgument("QR text is " + std::to_string(text.size()) + " bytes; at most " +
                           std::to_string(kMaxQrTextBytes) + " are drawn");
  }
  if (text.find('\0') != std::string_view::npos) return InvalidArgument("QR text contains NUL");
  std::string owned(text);  // libqrencode wants a NUL-terminated string
  errno = 0;
  std::unique_ptr<QRcode, QrFree> code(
      QRcode_encodeString(owned.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, /*casesensitive=*/1));
  if (!code) {
    return Internal(std::string("cannot encode the QR code: ") +
                    (errno != 0 ? std::strerror(errno) : "unknown error"));
  }
  const int width = code->width;
  std::vector<std::vector<bool>> rows(static_cast<size_t>(width),
                                      std::vector<bool>(static_cast<size_t>(width)));
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      rows[static_cast<size_t>(y)][static_cast<size_t>(x)] = (code->data[y * width + x] & 1) != 0;
    }
  }
  return rows;
}

Result<std::string> RenderQrHalfBlocks(std::string_view text, const QrRenderOptions& options) {
  PALYRA_ASSIGN_OR_RETURN(auto modules, EncodeQrModules(text));
  const int quiet = options.quiet_zone < 0 ? 0 : options.quiet_zone;
  const int width = static_cast<int>(modules.size());
  const int total = width + 2 * quiet;
  // Whether the module at (x, y) of the padded grid is drawn as ink.
  auto ink = [&](int x, int y) {
    bool dark = false;
    int mx = x - quiet;
    int my = y - quiet;
    if (mx >= 0 && my >= 0 && mx < width && my < width) {
      dark = modules[static_cast<size_t>(my)][static_cast<size_t>(mx)];
    }
    return options.invert ? dark : !dark;
  };
  std::string out;
  for (int y = 0; y < total; y += 2) {
    for (int x = 0; x < total; ++x) {
      bool top = ink(x, y);
      // A row past the bottom belongs to the background, which is never inked.
      bool bottom = y + 1 < total ? ink(x, y + 1) : false;
      out += top ? (bottom ? kFull : kUpper) : (bottom ? kLower : kEmpty);
    }
    out += '\n';
  }
  return out;
}

}  // namespace palyra::cli
