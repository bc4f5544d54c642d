#pragma once
// Validation of the CSR a device may send with CompletePairingSession (device-side key
// generation, spec §11.5): the gateway then signs the CSR's public key and never sees, stores or
// delivers a private key.

#include <cstddef>
#include <string_view>

#include "common/status.h"
#include "crypto/csr.h"

namespace palyra::identity {

inline constexpr size_t kMaxDeviceCsrPemBytes = crypto::kMaxCsrPemBytes;

// Checks, in order, each failure being INVALID_ARGUMENT with a message saying which check failed:
//   empty                                  "device CSR is empty"
//   larger than kMaxDeviceCsrPemBytes      "device CSR is too large (N bytes, limit 16384)"
//   not exactly one CSR PEM block / bad DER "device CSR: CSR PEM is malformed: ..." /
//                                          "device CSR: CSR DER is malformed"
//   key not ECDSA P-256                    "device CSR: CSR public key is not ECDSA P-256"
//   self-signature fails                   "device CSR: CSR signature does not verify"
//   subject CN present and not "Palyra Device <device_id>"
//                                          "device CSR subject CN must be ..."
// Requested extensions are ignored: the CA decides every field of what it issues.
Result<crypto::CertificateSigningRequest> ValidateDeviceCsr(std::string_view csr_pem,
                                                            std::string_view device_id);

}  // namespace palyra::identity
