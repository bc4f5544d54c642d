#pragma once
// The read side of revocations that TLS verifiers keep in memory (identity::RevocationIndex):
// part of the devices aggregate, on a connection of its own because it is polled.
//
// Polling stays cheap in three tiers: ChangeCounter() answers "did anyone commit anything?"
// without reading a table, Generations() answers "did the revocations change?", and only then
// Load() reads fingerprints, incrementally when nothing was removed since the caller's copy.

#include <cstdint>
#include <optional>
#include <vector>

#include "common/status.h"
#include "identity/certificate_fingerprint.h"

namespace palyra::store {

struct RevocationGenerations {
  int64_t generation = 0;          // bumped by every change to the revoked fingerprints
  int64_t removal_generation = 0;  // bumped when fingerprints leave the set (pruning)
};

struct RevokedFingerprints {
  RevocationGenerations generations;
  // True when `fingerprints` holds only those added after the caller's generation.
  bool incremental = false;
  std::vector<identity::FingerprintBytes> fingerprints;
};

class RevocationRepository {
 public:
  virtual ~RevocationRepository() = default;

  // Changes whenever any connection or process committed anything since the last call that
  // returned a different value; cheap (no table read).
  virtual Result<int64_t> ChangeCounter() = 0;
  virtual Result<RevocationGenerations> Generations() = 0;
  // One consistent read: the current generations and either every revoked fingerprint, or (when
  // `since` is set, nothing was removed after it and the generation moved on) only those added
  // after `since`. DATA_LOSS for a malformed stored fingerprint.
  virtual Result<RevokedFingerprints> Load(const std::optional<RevocationGenerations>& since) = 0;
};

}  // namespace palyra::store
