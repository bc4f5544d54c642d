#pragma once
// Helpers shared by the identity tests.

#include <gtest/gtest.h>
#include <stdlib.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include "support/byte_literals.h"
#include "support/status_assertions.h"
#include "support/temp_dir.h"
#include "common/status.h"
#include "crypto/bytes.h"

namespace palyra::identity::testing {

using ::palyra::testing::FailsWith;
using ::palyra::testing::Hex;
using ::palyra::testing::Sequence;
using ::palyra::testing::SequenceArray;
using ::palyra::testing::TempDir;

}  // namespace palyra::identity::testing
