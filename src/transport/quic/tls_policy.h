#pragma once
// The TLS side of palyra-quic-v1, on GnuTLS (which ngtcp2_crypto_gnutls drives for QUIC):
// TLS 1.3 only, ALPN "palyra-quic-v1" and nothing else (a ClientHello without ALPN is refused
// too), no session tickets, no 0-RTT. Servers verify client certificates in the handshake:
// chain to the gateway CA, validity, clientAuth EKU, then the live revocation check, so a
// revoked device never completes a handshake. Clients verify the server's chain, name and
// serverAuth EKU.
//
// Credentials are immutable and shared by the sessions made from them; rotating a certificate
// means creating new credentials for new sessions. Nothing here knows about ngtcp2: the QUIC
// adapter configures the sessions made here for QUIC.

#include <gnutls/gnutls.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace palyra::transport::quic {

inline constexpr std::string_view kAlpn = "palyra-quic-v1";

// Whether the client certificate with this fingerprint (lowercase hex SHA-256 of its DER) is
// revoked. Called on every handshake, so a revoke applies to the next one; must be thread-safe.
using RevocationCheck = std::function<bool(const std::string& fingerprint_hex)>;

struct ServerTlsOptions {
  std::string certificate_chain_pem;  // leaf first
  std::string private_key_pem;        // PKCS#8; secret
  std::string client_ca_pem;          // trust anchors for client certificates
  bool require_client_certificate = true;
  RevocationCheck is_revoked;  // required with require_client_certificate
};

struct ClientTlsOptions {
  std::string ca_pem;       // trust anchors for the server
  std::string server_name;  // SNI and the name the server certificate must carry
  // Both or neither.
  std::string client_certificate_chain_pem;
  std::string client_private_key_pem;  // secret
  // The protocol offered; anything but palyra-quic-v1 only to check that servers refuse it.
  std::string alpn = std::string(kAlpn);
};

struct SessionDeleter {
  void operator()(gnutls_session_t session) const { gnutls_deinit(session); }
};
using UniqueSession = std::unique_ptr<gnutls_session_int, SessionDeleter>;

class ServerTlsCredentials {
 public:
  // INVALID_ARGUMENT naming the field for unreadable PEM or a key that does not match.
  static Result<std::shared_ptr<const ServerTlsCredentials>> Create(const ServerTlsOptions& options);
  ~ServerTlsCredentials();
  ServerTlsCredentials(const ServerTlsCredentials&) = delete;
  ServerTlsCredentials& operator=(const ServerTlsCredentials&) = delete;

  // A new server session with this policy. The credentials must outlive it.
  Result<UniqueSession> NewSession() const;

 private:
  ServerTlsCredentials() = default;
  static int VerifyClient(gnutls_session_t session);

  gnutls_certificate_credentials_t credentials_ = nullptr;
  bool require_client_certificate_ = true;
  RevocationCheck is_revoked_;
};

class ClientTlsCredentials {
 public:
  static Result<std::shared_ptr<const ClientTlsCredentials>> Create(const ClientTlsOptions& options);
  ~ClientTlsCredentials();
  ClientTlsCredentials(const ClientTlsCredentials&) = delete;
  ClientTlsCredentials& operator=(const ClientTlsCredentials&) = delete;

  // A new client session with this policy. The credentials must outlive it.
  Result<UniqueSession> NewSession() const;

 private:
  ClientTlsCredentials() = default;
  gnutls_certificate_credentials_t credentials_ = nullptr;
  std::string server_name_;
  std::string alpn_;
  // What the handshake checks the server certificate against. GnuTLS keeps a pointer to it, not
  // a copy, so it lives here, as long as every session made from these credentials.
  gnutls_typed_vdata_st server_checks_[2] = {};
};

// After a completed handshake: the peer's leaf certificate fingerprint (lowercase hex SHA-256 of
// its DER); FAILED_PRECONDITION when the peer sent none.
Result<std::string> PeerCertificateFingerprint(gnutls_session_t session);
// After a completed handshake: OK when "palyra-quic-v1" was negotiated.
Status CheckNegotiatedAlpn(gnutls_session_t session);

}  // namespace palyra::transport::quic
