#include "transport/quic/tls_policy.h"

#include <gnutls/x509.h>

#include <mutex>
#include <shared_mutex>
#include <unordered_map>

#include "crypto/hash.h"

namespace palyra::transport::quic {

namespace {

// TLS 1.3 only; QUIC carries no ChangeCipherSpec, so the middlebox compatibility mode is off.
constexpr const char* kPriority = "NORMAL:-VERS-ALL:+VERS-TLS1.3:%DISABLE_TLS13_COMPAT_MODE";

Status GnutlsError(int rc, std::string_view what) {
  return InvalidArgument(std::string(what) + ": " + gnutls_strerror(rc));
}

gnutls_datum_t Datum(std::string_view text) {
  return {reinterpret_cast<unsigned char*>(const_cast<char*>(text.data())),
          static_cast<unsigned int>(text.size())};
}

// GnuTLS's verify callback gets only the session, and the session's user pointer belongs to
// ngtcp2 (its conn_ref). The policy is found through the session's credentials instead.
std::shared_mutex registry_mu;
std::unordered_map<gnutls_certificate_credentials_t, const ServerTlsCredentials*>& Registry() {
  static auto* registry =
      new std::unordered_map<gnutls_certificate_credentials_t, const ServerTlsCredentials*>();
  return *registry;
}

// A ClientHello without any ALPN gets past GNUTLS_ALPN_MANDATORY; refuse it here, which the
// client sees as no_application_protocol.
int RequireAlpn(gnutls_session_t session, unsigned /*htype*/, unsigned /*when*/,
                unsigned /*incoming*/, const gnutls_datum_t* /*msg*/) {
  gnutls_datum_t selected{};
  if (gnutls_alpn_get_selected_protocol(session, &selected) != 0) {
    return GNUTLS_E_NO_APPLICATION_PROTOCOL;
  }
  return 0;
}

Status AllocateCredentials(gnutls_certificate_credentials_t* out) {
  if (int rc = gnutls_certificate_allocate_credentials(out); rc != GNUTLS_E_SUCCESS) {
    return GnutlsError(rc, "allocating TLS credentials");
  }
  return Status::Ok();
}

Status AddTrust(gnutls_certificate_credentials_t credentials, std::string_view pem,
                std::string_view what) {
  if (pem.empty()) return InvalidArgument(std::string(what) + " is empty");
  gnutls_datum_t datum = Datum(pem);
  const int added = gnutls_certificate_set_x509_trust_mem(credentials, &datum, GNUTLS_X509_FMT_PEM);
  if (added < 0) return GnutlsError(added, what);
  if (added == 0) return InvalidArgument(std::string(what) + " holds no certificate");
  return Status::Ok();
}

Status AddKeyPair(gnutls_certificate_credentials_t credentials, std::string_view chain_pem,
                  std::string_view key_pem, std::string_view what) {
  gnutls_datum_t chain = Datum(chain_pem);
  gnutls_datum_t key = Datum(key_pem);
  const int rc = gnutls_certificate_set_x509_key_mem2(credentials, &chain, &key,
                                                      GNUTLS_X509_FMT_PEM, nullptr, 0);
  if (rc < 0) return GnutlsError(rc, what);
  return Status::Ok();
}

Result<UniqueSession> InitSession(unsigned flags, gnutls_certificate_credentials_t credentials) {
  gnutls_session_t raw = nullptr;
  if (int rc = gnutls_init(&raw, flags | GNUTLS_NO_END_OF_EARLY_DATA); rc != GNUTLS_E_SUCCESS) {
    return GnutlsError(rc, "creating a TLS session");
  }
  UniqueSession session(raw);
  if (int rc = gnutls_priority_set_direct(raw, kPriority, nullptr); rc != GNUTLS_E_SUCCESS) {
    return GnutlsError(rc, "setting TLS priorities");
  }
  if (int rc = gnutls_credentials_set(raw, GNUTLS_CRD_CERTIFICATE, credentials);
      rc != GNUTLS_E_SUCCESS) {
    return GnutlsError(rc, "setting TLS credentials");
  }
  gnutls_datum_t alpn = Datum(kAlpn);
  if (int rc = gnutls_alpn_set_protocols(raw, &alpn, 1, GNUTLS_ALPN_MANDATORY);
      rc != GNUTLS_E_SUCCESS) {
    return GnutlsError(rc, "setting ALPN");
  }
  return session;
}

}  // namespace

Result<std::shared_ptr<const ServerTlsCredentials>> ServerTlsCredentials::Create(
    const ServerTlsOptions& options) {
  if (options.require_client_certificate && !options.is_revoked) {
    return InvalidArgument("a server that requires client certificates needs a revocation check");
  }
  std::shared_ptr<ServerTlsCredentials> out(new ServerTlsCredentials());
  PALYRA_RETURN_IF_ERROR(AllocateCredentials(&out->credentials_));
  PALYRA_RETURN_IF_ERROR(AddKeyPair(out->credentials_, options.certificate_chain_pem,
                                    options.private_key_pem, "server certificate and key"));
  out->require_client_certificate_ = options.require_client_certificate;
  out->is_revoked_ = options.is_revoked;
  if (options.require_client_certificate) {
    PALYRA_RETURN_IF_ERROR(AddTrust(out->credentials_, options.client_ca_pem, "client CA PEM"));
    gnutls_certificate_set_verify_function(out->credentials_, &ServerTlsCredentials::VerifyClient);
  }
  std::unique_lock lock(registry_mu);
  Registry()[out->credentials_] = out.get();
  return std::shared_ptr<const ServerTlsCredentials>(std::move(out));
}

ServerTlsCredentials::~ServerTlsCredentials() {
  if (credentials_ == nullptr) return;
  {
    std::unique_lock lock(registry_mu);
    Registry().erase(credentials_);
  }
  gnutls_certificate_free_credentials(credentials_);
}

Result<UniqueSession> ServerTlsCredentials::NewSession() const {
  PALYRA_ASSIGN_OR_RETURN(UniqueSession session,
                          InitSession(GNUTLS_SERVER | GNUTLS_NO_AUTO_SEND_TICKET, credentials_));
  gnutls_certificate_server_set_request(
      session.get(), require_client_certificate_ ? GNUTLS_CERT_REQUIRE : GNUTLS_CERT_IGNORE);
  gnutls_handshake_set_hook_function(session.get(), GNUTLS_HANDSHAKE_CLIENT_HELLO,
                                     GNUTLS_HOOK_POST, RequireAlpn);
  return session;
}

int ServerTlsCredentials::VerifyClient(gnutls_session_t session) {
  void* raw = nullptr;
  if (gnutls_credentials_get(session, GNUTLS_CRD_CERTIFICATE, &raw) != 0) {
    return GNUTLS_E_CERTIFICATE_ERROR;
  }
  const ServerTlsCredentials* self = nullptr;
  {
    std::shared_lock lock(registry_mu);
    auto it = Registry().find(static_cast<gnutls_certificate_credentials_t>(raw));
    if (it == Registry().end()) return GNUTLS_E_CERTIFICATE_ERROR;  // fail closed
    self = it->second;
  }
  // Chain to the gateway CA, validity and the clientAuth purpose.
  gnutls_typed_vdata_st purpose{};
  purpose.type = GNUTLS_DT_KEY_PURPOSE_OID;
  purpose.data = reinterpret_cast<unsigned char*>(const_cast<char*>(GNUTLS_KP_TLS_WWW_CLIENT));
  unsigned status = 0;
  if (gnutls_certificate_verify_peers(session, &purpose, 1, &status) < 0 || status != 0) {
    return GNUTLS_E_CERTIFICATE_ERROR;
  }
  // Then revocation, against the live store.
  Result<std::string> fingerprint = PeerCertificateFingerprint(session);
  if (!fingerprint.ok() || self->is_revoked_(*fingerprint)) return GNUTLS_E_CERTIFICATE_ERROR;
  return 0;
}

Result<std::shared_ptr<const ClientTlsCredentials>> ClientTlsCredentials::Create(
    const ClientTlsOptions& options) {
  if (options.server_name.empty()) return InvalidArgument("TLS server name is empty");
  const bool has_cert = !options.client_certificate_chain_pem.empty();
  const bool has_key = !options.client_private_key_pem.empty();
  if (has_cert != has_key) {
    return InvalidArgument("give both the client certificate and its private key, or neither");
  }
  std::shared_ptr<ClientTlsCredentials> out(new ClientTlsCredentials());
  PALYRA_RETURN_IF_ERROR(AllocateCredentials(&out->credentials_));
  PALYRA_RETURN_IF_ERROR(AddTrust(out->credentials_, options.ca_pem, "server CA PEM"));
  if (has_cert) {
    PALYRA_RETURN_IF_ERROR(AddKeyPair(out->credentials_, options.client_certificate_chain_pem,
                                      options.client_private_key_pem,
                                      "client certificate and key"));
  }
  out->server_name_ = options.server_name;
  if (options.alpn.empty()) return InvalidArgument("the ALPN to offer must not be empty");
  out->alpn_ = options.alpn;
  // Chain, validity, the name and the serverAuth purpose, checked during the handshake.
  out->server_checks_[0].type = GNUTLS_DT_DNS_HOSTNAME;
  out->server_checks_[0].data =
      reinterpret_cast<unsigned char*>(const_cast<char*>(out->server_name_.c_str()));
  out->server_checks_[1].type = GNUTLS_DT_KEY_PURPOSE_OID;
  out->server_checks_[1].data =
      reinterpret_cast<unsigned char*>(const_cast<char*>(GNUTLS_KP_TLS_WWW_SERVER));
  return std::shared_ptr<const ClientTlsCredentials>(std::move(out));
}

ClientTlsCredentials::~ClientTlsCredentials() {
  if (credentials_ != nullptr) gnutls_certificate_free_credentials(credentials_);
}

Result<UniqueSession> ClientTlsCredentials::NewSession() const {
  PALYRA_ASSIGN_OR_RETURN(UniqueSession session, InitSession(GNUTLS_CLIENT, credentials_));
  if (int rc = gnutls_server_name_set(session.get(), GNUTLS_NAME_DNS, server_name_.data(),
                                      server_name_.size());
      rc != GNUTLS_E_SUCCESS) {
    return GnutlsError(rc, "setting the TLS server name");
  }
  gnutls_session_set_verify_cert2(session.get(), const_cast<gnutls_typed_vdata_st*>(server_checks_),
                                  2, 0);
  if (alpn_ != kAlpn) {
    gnutls_datum_t alpn = Datum(alpn_);
    if (int rc = gnutls_alpn_set_protocols(session.get(), &alpn, 1, 0); rc != GNUTLS_E_SUCCESS) {
      return GnutlsError(rc, "setting ALPN");
    }
  }
  return session;
}

Result<std::string> PeerCertificateFingerprint(gnutls_session_t session) {
  unsigned count = 0;
  const gnutls_datum_t* chain = gnutls_certificate_get_peers(session, &count);
  if (chain == nullptr || count == 0) {
    return FailedPrecondition("the peer presented no certificate");
  }
  return crypto::Sha256Hex(std::span(chain[0].data, chain[0].size));
}

Status CheckNegotiatedAlpn(gnutls_session_t session) {
  gnutls_datum_t selected{};
  if (gnutls_alpn_get_selected_protocol(session, &selected) != 0 ||
      std::string_view(reinterpret_cast<const char*>(selected.data), selected.size) != kAlpn) {
    return FailedPrecondition("the peer did not negotiate ALPN " + std::string(kAlpn));
  }
  return Status::Ok();
}

}  // namespace palyra::transport::quic
