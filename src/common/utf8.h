#pragma once
// UTF-8 well-formedness, for text that must travel as JSON or into a certificate.

#include <string_view>

namespace palyra {

// Structural check only: lead byte, continuation bytes, no overlong or surrogate forms, nothing
// above U+10FFFF.
bool IsValidUtf8(std::string_view text);

}  // namespace palyra
