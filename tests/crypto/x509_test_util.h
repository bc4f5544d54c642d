#pragma once
// Builders for the CA / leaf certificates the X.509 tests need.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "crypto/x509.h"
#include "test_util.h"

namespace palyra::crypto::testing {

inline constexpr int64_t kHourMs = 3600 * 1000;
inline constexpr int64_t kDayMs = 24 * kHourMs;

inline int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct Issued {
  P256PrivateKey key;
  Certificate cert;
};

// Self-signed CA (or, with `issuer`, an intermediate CA).
inline Result<Issued> MakeCa(const std::string& cn, std::optional<int> path_length,
                             int64_t not_before_ms, int64_t not_after_ms,
                             const Issued* issuer = nullptr) {
  PALYRA_ASSIGN_OR_RETURN(P256PrivateKey key, P256PrivateKey::Generate());
  CertificateBuilder builder;
  builder.SetSubjectCommonName(cn).SetValidity(not_before_ms, not_after_ms).SetCa(path_length);
  if (issuer == nullptr) {
    PALYRA_ASSIGN_OR_RETURN(Certificate cert, builder.SelfSign(key));
    return Issued{key, cert};
  }
  builder.SetSubjectPublicKey(key.PublicKey());
  PALYRA_ASSIGN_OR_RETURN(Certificate cert, builder.Sign(issuer->cert, issuer->key));
  return Issued{key, cert};
}

inline Result<Issued> MakeLeaf(const Issued& issuer, const std::string& cn,
                               std::optional<ExtendedKeyUsage> eku, int64_t not_before_ms,
                               int64_t not_after_ms) {
  PALYRA_ASSIGN_OR_RETURN(P256PrivateKey key, P256PrivateKey::Generate());
  CertificateBuilder builder;
  builder.SetSubjectCommonName(cn)
      .SetSubjectOrganization("Palyra")
      .SetValidity(not_before_ms, not_after_ms)
      .SetSubjectPublicKey(key.PublicKey());
  if (eku) builder.AddExtendedKeyUsage(*eku);
  PALYRA_ASSIGN_OR_RETURN(Certificate cert, builder.Sign(issuer.cert, issuer.key));
  return Issued{key, cert};
}

}  // namespace palyra::crypto::testing
