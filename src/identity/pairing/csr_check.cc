#include "identity/pairing/csr_check.h"

#include <string>

#include "identity/store/gateway_ca.h"

namespace palyra::identity {

Result<crypto::CertificateSigningRequest> ValidateDeviceCsr(std::string_view csr_pem,
                                                            std::string_view device_id) {
  if (csr_pem.empty()) return InvalidArgument("device CSR is empty");
  if (csr_pem.size() > kMaxDeviceCsrPemBytes) {
    return InvalidArgument("device CSR is too large (" + std::to_string(csr_pem.size()) +
                           " bytes, limit " + std::to_string(kMaxDeviceCsrPemBytes) + ")");
  }
  Result<crypto::CertificateSigningRequest> csr =
      crypto::CertificateSigningRequest::FromPem(csr_pem);
  if (!csr.ok()) return InvalidArgument("device CSR: " + csr.status().message());
  const std::string expected_cn = std::string(kDeviceCommonNamePrefix) + std::string(device_id);
  if (!csr->SubjectCommonName().empty() && csr->SubjectCommonName() != expected_cn) {
    // The CN is attacker-controlled text: it is not echoed.
    return InvalidArgument("device CSR subject CN must be \"" + expected_cn +
                           "\" or absent; the CSR names another subject");
  }
  return csr;
}

}  // namespace palyra::identity
