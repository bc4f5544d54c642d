#pragma once
// Errors as values. Libraries return Status / Result<T>; only service edges translate these into
// gRPC statuses, so the codes deliberately mirror gRPC's numbering for a lossless mapping.

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

namespace palyra {

enum class StatusCode : int {
  kOk = 0,
  kCancelled = 1,
  kUnknown = 2,
  kInvalidArgument = 3,
  kDeadlineExceeded = 4,
  kNotFound = 5,
  kAlreadyExists = 6,
  kPermissionDenied = 7,
  kResourceExhausted = 8,
  kFailedPrecondition = 9,
  kAborted = 10,
  kOutOfRange = 11,
  kUnimplemented = 12,
  kInternal = 13,
  kUnavailable = 14,
  kDataLoss = 15,
  kUnauthenticated = 16,
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "INVALID_ARGUMENT: device_id must be a canonical ULID"
  std::string ToString() const;

  // Prefixes the message with context, keeping the code: "loading config: <message>".
  Status WithContext(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
inline Status PermissionDenied(std::string m) { return {StatusCode::kPermissionDenied, std::move(m)}; }
inline Status FailedPrecondition(std::string m) {
  return {StatusCode::kFailedPrecondition, std::move(m)};
}
inline Status ResourceExhausted(std::string m) {
  return {StatusCode::kResourceExhausted, std::move(m)};
}
inline Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
inline Status Unauthenticated(std::string m) { return {StatusCode::kUnauthenticated, std::move(m)}; }
inline Status Unimplemented(std::string m) { return {StatusCode::kUnimplemented, std::move(m)}; }
inline Status DeadlineExceeded(std::string m) {
  return {StatusCode::kDeadlineExceeded, std::move(m)};
}
inline Status Aborted(std::string m) { return {StatusCode::kAborted, std::move(m)}; }
inline Status Cancelled(std::string m) { return {StatusCode::kCancelled, std::move(m)}; }
inline Status DataLoss(std::string m) { return {StatusCode::kDataLoss, std::move(m)}; }

// The Status of an error value. A Status is its own; a richer error type (one that carries the
// details a caller branches on, such as identity::PairingFailure) declares its own StatusOf next
// to it, found by argument-dependent lookup.
inline const Status& StatusOf(const Status& status) { return status; }

// Either a value or an error: a non-OK Status, or an error type E with a StatusOf(const E&).
// Whatever E is, status() gives the Status, so PALYRA_ASSIGN_OR_RETURN works on every Result.
template <typename T, typename E = Status>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  // An error whose Status is OK is a bug of the caller's; for a plain Status it becomes INTERNAL.
  Result(E error) : state_(std::in_place_index<1>, std::move(error)) {   // NOLINT
    if constexpr (std::is_same_v<E, Status>) {
      if (std::get<1>(state_).ok()) {
        state_.template emplace<1>(StatusCode::kInternal, "Result constructed from an OK status");
      }
    }
  }

  bool ok() const { return state_.index() == 0; }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : StatusOf(std::get<1>(state_));
  }
  // The error with its details; only when !ok() (throws std::bad_variant_access otherwise).
  const E& error() const { return std::get<1>(state_); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, E> state_;
};

}  // namespace palyra

#define PALYRA_CONCAT_INNER(a, b) a##b
#define PALYRA_CONCAT(a, b) PALYRA_CONCAT_INNER(a, b)

// Returns early from the enclosing function when `expr` yields a non-OK Status. The local is
// named after the line so that a use inside a lambda passed to another use does not shadow it.
#define PALYRA_RETURN_IF_ERROR(expr)                                        \
  do {                                                                      \
    ::palyra::Status PALYRA_CONCAT(palyra_status_, __LINE__) = (expr);      \
    if (!PALYRA_CONCAT(palyra_status_, __LINE__).ok())                      \
      return PALYRA_CONCAT(palyra_status_, __LINE__);                       \
  } while (false)

// `PALYRA_ASSIGN_OR_RETURN(auto x, MakeX());` binds the value or returns the error.
#define PALYRA_ASSIGN_OR_RETURN(lhs, expr)                                  \
  auto PALYRA_CONCAT(palyra_result_, __LINE__) = (expr);                    \
  if (!PALYRA_CONCAT(palyra_result_, __LINE__).ok())                        \
    return PALYRA_CONCAT(palyra_result_, __LINE__).status();                \
  lhs = std::move(PALYRA_CONCAT(palyra_result_, __LINE__)).value()
