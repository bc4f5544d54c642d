#include "crypto/tls_probe.h"

#include <fcntl.h>
#include <netdb.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "crypto/openssl_util.h"

namespace palyra::crypto {
namespace {

using Clock = std::chrono::steady_clock;

struct FdCloser {
  int fd = -1;
  ~FdCloser() {
    if (fd >= 0) ::close(fd);
  }
};

int RemainingMs(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() > 0 ? static_cast<int>(left.count()) : 0;
}

bool WaitFor(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    pollfd p{fd, events, 0};
    int n = ::poll(&p, 1, RemainingMs(deadline));
    if (n > 0) return true;
    if (n == 0) return false;
    if (errno != EINTR) return false;
  }
}

std::string Where(const TlsProbeTarget& target) {
  return target.host + ":" + std::to_string(target.port);
}

// A non-blocking TCP connection to the first address that answers before the deadline.
Result<int> Connect(const TlsProbeTarget& target, Clock::time_point deadline) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(target.port);
  if (int rc = ::getaddrinfo(target.host.c_str(), port.c_str(), &hints, &found); rc != 0) {
    return Unavailable("cannot resolve " + target.host + ": " + ::gai_strerror(rc));
  }
  std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> list(found, ::freeaddrinfo);
  std::string last_error = "no address";
  for (addrinfo* ai = list.get(); ai != nullptr; ai = ai->ai_next) {
    int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                      ai->ai_protocol);
    if (fd < 0) continue;
    FdCloser closer{fd};
    if (::connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
      if (errno != EINPROGRESS) {
        last_error = std::strerror(errno);
        continue;
      }
      if (!WaitFor(fd, POLLOUT, deadline)) {
        last_error = "connection timed out";
        continue;
      }
      int err = 0;
      socklen_t len = sizeof(err);
      ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
      if (err != 0) {
        last_error = std::strerror(err);
        continue;
      }
    }
    closer.fd = -1;
    return fd;
  }
  return Unavailable("cannot connect to " + Where(target) + ": " + last_error);
}

}  // namespace

Result<std::vector<Certificate>> ProbeTlsPeerChain(const TlsProbeTarget& target,
                                                   std::chrono::milliseconds timeout) {
  const Clock::time_point deadline = Clock::now() + timeout;
  PALYRA_ASSIGN_OR_RETURN(int fd, Connect(target, deadline));
  FdCloser closer{fd};

  std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> ctx(SSL_CTX_new(TLS_client_method()),
                                                         SSL_CTX_free);
  if (!ctx) return internal::OpenSslError("TLS probe: SSL_CTX_new");
  SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION);
  // Deliberately unverified: the caller pins the chain by fingerprint afterwards.
  SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr);
  std::unique_ptr<SSL, decltype(&SSL_free)> ssl(SSL_new(ctx.get()), SSL_free);
  if (!ssl) return internal::OpenSslError("TLS probe: SSL_new");
  SSL_set_fd(ssl.get(), fd);
  if (!target.server_name.empty()) {
    SSL_set_tlsext_host_name(ssl.get(), target.server_name.c_str());
  }
  if (!target.alpn.empty() && target.alpn.size() < 256) {
    std::string wire(1, static_cast<char>(target.alpn.size()));
    wire += target.alpn;
    SSL_set_alpn_protos(ssl.get(), reinterpret_cast<const unsigned char*>(wire.data()),
                        static_cast<unsigned>(wire.size()));
  }
  for (;;) {
    int rc = SSL_connect(ssl.get());
    if (rc == 1) break;
    int err = SSL_get_error(ssl.get(), rc);
    short events = err == SSL_ERROR_WANT_READ ? POLLIN : err == SSL_ERROR_WANT_WRITE ? POLLOUT : 0;
    if (events == 0) {
      unsigned long code = ERR_get_error();
      ERR_clear_error();
      char text[256] = "handshake failed";
      if (code != 0) ERR_error_string_n(code, text, sizeof(text));
      return Unavailable("TLS handshake with " + Where(target) + " failed: " + text);
    }
    if (!WaitFor(fd, events, deadline)) {
      return Unavailable("TLS handshake with " + Where(target) + " timed out");
    }
  }

  STACK_OF(X509)* chain = SSL_get_peer_cert_chain(ssl.get());  // owned by the SSL
  const int count = chain == nullptr ? 0 : sk_X509_num(chain);
  if (count <= 0) return InvalidArgument(Where(target) + " presented no certificate");
  if (static_cast<size_t>(count) > kMaxProbedChainCertificates) {
    return InvalidArgument(Where(target) + " presented " + std::to_string(count) +
                           " certificates; at most " +
                           std::to_string(kMaxProbedChainCertificates) + " are accepted");
  }
  std::vector<Certificate> out;
  for (int i = 0; i < count; ++i) {
    X509* x509 = sk_X509_value(chain, i);
    unsigned char* der = nullptr;
    int len = i2d_X509(x509, &der);
    if (len <= 0) return internal::OpenSslError("TLS probe: i2d_X509");
    Bytes bytes(der, der + len);
    OPENSSL_free(der);
    PALYRA_ASSIGN_OR_RETURN(Certificate cert, Certificate::FromDer(bytes));
    out.push_back(std::move(cert));
  }
  SSL_shutdown(ssl.get());  // best effort close_notify; the answer is already in hand
  return out;
}

}  // namespace palyra::crypto
