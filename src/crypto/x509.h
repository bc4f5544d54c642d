#pragma once
// Everything X.509 in one include: parsed certificates and PEM bundles, the certificate builder,
// PKCS#10 CSRs and chain verification.

#include "crypto/certificate.h"          // IWYU pragma: export
#include "crypto/certificate_builder.h"  // IWYU pragma: export
#include "crypto/chain_verify.h"         // IWYU pragma: export
#include "crypto/csr.h"                  // IWYU pragma: export
