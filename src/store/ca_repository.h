#pragma once
// The gateway CA aggregate: the one CA certificate and its issuance sequence. (The CA's private
// key is a file the domain side keeps; it never reaches a repository.)
//
// Atomicity: creating the CA is one call (GetOrCreate), so two processes that start at once end
// up with the same CA; every issuance not tied to a device (the node listener's server
// certificate) is one call (RecordIssuance). Issuing a device certificate is recorded together
// with the device, by DeviceRepository.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace palyra::store {

struct StoredCa {
  std::string certificate_pem;
  std::string fingerprint;  // lowercase hex SHA-256 of the certificate's DER
};

struct CaCreation {
  StoredCa ca;
  bool created = false;  // false: another caller (or process) had created it already
};

class CaRepository {
 public:
  virtual ~CaRepository() = default;

  virtual Result<std::optional<StoredCa>> Get() = 0;
  // One atomic step under the write lock: returns the stored CA when there is one (without
  // calling `make`), otherwise stores what `make` returns, with sequence 0. An error from `make`
  // stores nothing. FAILED_PRECONDITION when called inside a caller's transaction.
  virtual Result<CaCreation> GetOrCreate(const std::function<Result<StoredCa>()>& make,
                                         int64_t now_unix_ms) = 0;
  // The persisted issuance counter of the CA with `ca_fingerprint`; FAILED_PRECONDITION when the
  // store holds another CA (replaced underneath).
  virtual Result<int64_t> Sequence(std::string_view ca_fingerprint) = 0;
  // Counts one issuance (the sequence advances by one, saturating) and returns the new value.
  // Same errors as Sequence.
  virtual Result<int64_t> RecordIssuance(std::string_view ca_fingerprint, int64_t now_unix_ms) = 0;

  // How the store is named in messages ("palyra.db").
  virtual std::string label() const = 0;
};

}  // namespace palyra::store
