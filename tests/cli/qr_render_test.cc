#include "cli/qr_render.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace palyra::cli {
namespace {

constexpr const char* kUri =
    "palyra://pair?v=1&addr=127.0.0.1%3A7444&code=123456&ca=0123456789abcdef0123456789abcdef";

// Turns rendered half-block text back into a grid of inked cells, one row per module row.
std::vector<std::vector<bool>> DecodeHalfBlocks(const std::string& text, size_t* line_cells) {
  std::vector<std::vector<bool>> rows;
  std::istringstream in(text);
  std::string line;
  *line_cells = 0;
  while (std::getline(in, line)) {
    std::vector<bool> top;
    std::vector<bool> bottom;
    for (size_t i = 0; i < line.size();) {
      if (line[i] == ' ') {
        top.push_back(false);
        bottom.push_back(false);
        i += 1;
        continue;
      }
      std::string glyph = line.substr(i, 3);
      i += 3;
      top.push_back(glyph == "\u2588" || glyph == "\u2580");
      bottom.push_back(glyph == "\u2588" || glyph == "\u2584");
      EXPECT_TRUE(glyph == "\u2588" || glyph == "\u2580" || glyph == "\u2584") << "odd glyph";
    }
    if (*line_cells == 0) *line_cells = top.size();
    EXPECT_EQ(top.size(), *line_cells) << "lines differ in width";
    rows.push_back(top);
    rows.push_back(bottom);
  }
  return rows;
}

TEST(QrRenderTest, ModulesAreASquareSymbolWithFinderPatterns) {
  auto modules = EncodeQrModules(kUri);
  ASSERT_TRUE(modules.ok()) << modules.status().ToString();
  const size_t width = modules->size();
  ASSERT_GE(width, 21u);
  EXPECT_EQ((width - 17) % 4, 0u) << "QR sizes are 17 + 4 * version";
  for (const auto& row : *modules) ASSERT_EQ(row.size(), width);
  // The three 7x7 finder patterns: a dark ring, a light ring, a dark 3x3 core.
  auto finder_ok = [&](size_t x0, size_t y0) {
    for (size_t y = 0; y < 7; ++y) {
      for (size_t x = 0; x < 7; ++x) {
        bool ring = x == 0 || y == 0 || x == 6 || y == 6;
        bool core = x >= 2 && x <= 4 && y >= 2 && y <= 4;
        if ((*modules)[y0 + y][x0 + x] != (ring || core)) return false;
      }
    }
    return true;
  };
  EXPECT_TRUE(finder_ok(0, 0));
  EXPECT_TRUE(finder_ok(width - 7, 0));
  EXPECT_TRUE(finder_ok(0, width - 7));
}

TEST(QrRenderTest, HalfBlocksRoundTripToTheModulesWithAQuietZone) {
  auto modules = EncodeQrModules(kUri);
  ASSERT_TRUE(modules.ok());
  const size_t width = modules->size();
  auto text = RenderQrHalfBlocks(kUri);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  size_t cells = 0;
  auto inked = DecodeHalfBlocks(*text, &cells);
  const size_t quiet = kQrQuietZoneModules;
  const size_t total = width + 2 * quiet;
  EXPECT_EQ(cells, total);
  ASSERT_EQ(inked.size(), total + (total % 2));  // two module rows per line
  for (size_t y = 0; y < total; ++y) {
    for (size_t x = 0; x < total; ++x) {
      bool in_symbol = x >= quiet && y >= quiet && x < quiet + width && y < quiet + width;
      bool dark = in_symbol && (*modules)[y - quiet][x - quiet];
      // Default rendering inks the light modules (dark terminal background).
      ASSERT_EQ(inked[y][x], !dark) << "module " << x << "," << y;
    }
  }
  if (total % 2 == 1) {
    for (size_t x = 0; x < total; ++x) EXPECT_FALSE(inked[total][x]) << "padding row inked";
  }
}

TEST(QrRenderTest, InvertedInksTheDarkModules) {
  auto modules = EncodeQrModules(kUri);
  ASSERT_TRUE(modules.ok());
  QrRenderOptions options;
  options.invert = true;
  options.quiet_zone = 2;
  auto text = RenderQrHalfBlocks(kUri, options);
  ASSERT_TRUE(text.ok());
  size_t cells = 0;
  auto inked = DecodeHalfBlocks(*text, &cells);
  EXPECT_EQ(cells, modules->size() + 4);
  for (size_t x = 0; x < cells; ++x) EXPECT_FALSE(inked[0][x]) << "quiet zone must be blank";
  EXPECT_TRUE(inked[2][2]) << "top-left finder corner is dark";
}

TEST(QrRenderTest, RefusesEmptyOrOversizedText) {
  EXPECT_FALSE(RenderQrHalfBlocks("").ok());
  EXPECT_FALSE(RenderQrHalfBlocks(std::string(kMaxQrTextBytes + 1, 'a')).ok());
  EXPECT_FALSE(RenderQrHalfBlocks(std::string("a\0b", 3)).ok());
  EXPECT_TRUE(RenderQrHalfBlocks(std::string(kMaxQrTextBytes, 'a')).ok());
}

}  // namespace
}  // namespace palyra::cli
