#include "identity/pairing_method.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "identity_test_util.h"

namespace palyra::identity {
namespace {

using testing::FailsWith;

TEST(PairingMethodTest, PinMustBeExactlySixAsciiDigits) {
  EXPECT_TRUE(PairingMethod::Pin("123456").Validate().ok());
  EXPECT_TRUE(PairingMethod::Pin("000000").Validate().ok());
  for (const char* bad :
       {"", "12345", "1234567", "12345a", " 12345", "12345 ", "１２３４５６", "-12345", "12 456"}) {
    EXPECT_TRUE(FailsWith(PairingMethod::Pin(bad).Validate(), StatusCode::kInvalidArgument,
                          "invalid pairing proof: a pairing PIN must be exactly 6 ASCII digits"))
        << "pin of " << std::string(bad).size() << " bytes";
  }
}

TEST(PairingMethodTest, QrTokenMustBe16To128Bytes) {
  EXPECT_TRUE(PairingMethod::Qr(std::string(16, 'a')).Validate().ok());
  EXPECT_TRUE(PairingMethod::Qr(std::string(128, 'a')).Validate().ok());
  EXPECT_TRUE(PairingMethod::Qr("0123456789ABCDEF0123456789ABCDEF").Validate().ok());
  EXPECT_TRUE(FailsWith(PairingMethod::Qr(std::string(15, 'a')).Validate(),
                        StatusCode::kInvalidArgument, "must be 16 to 128 bytes (got 15)"));
  EXPECT_TRUE(FailsWith(PairingMethod::Qr(std::string(129, 'a')).Validate(),
                        StatusCode::kInvalidArgument, "must be 16 to 128 bytes (got 129)"));
  EXPECT_TRUE(FailsWith(PairingMethod::Qr("").Validate(), StatusCode::kInvalidArgument,
                        "invalid pairing proof"));
}

TEST(PairingMethodTest, ValidationErrorsNeverEchoTheCode) {
  Status pin = PairingMethod::Pin("98765x").Validate();
  EXPECT_EQ(pin.message().find("98765"), std::string::npos) << pin.ToString();
  Status qr = PairingMethod::Qr("SECRET-TOKEN").Validate();
  EXPECT_EQ(qr.message().find("SECRET"), std::string::npos) << qr.ToString();
}

TEST(PairingMethodTest, DisplayLabels) {
  EXPECT_EQ(PairingMethod::Pin("123456").DisplayLabel(), "pin:******");
  EXPECT_EQ(PairingMethod::Qr("0123456789ABCDEF0123456789ABCDEF").DisplayLabel(), "qr:012345...");
  // Characters, not bytes: a multi-byte UTF-8 sequence is never cut in half.
  EXPECT_EQ(PairingMethod::Qr("ééééééééééééé").DisplayLabel(), "qr:éééééé...");
}

TEST(PairingMethodTest, DebugOutputShowsOnlyLengths) {
  PairingMethod pin = PairingMethod::Pin("123456");
  EXPECT_EQ(pin.DebugString(), "PairingMethod::Pin{code_len=6}");
  PairingMethod qr = PairingMethod::Qr("0123456789ABCDEF0123456789ABCDEF");
  EXPECT_EQ(qr.DebugString(), "PairingMethod::Qr{token_len=32}");

  std::ostringstream os;
  os << pin << " " << qr;
  EXPECT_EQ(os.str().find("123456"), std::string::npos);
  EXPECT_EQ(os.str().find("0123456789"), std::string::npos);
  EXPECT_NE(os.str().find("code_len=6"), std::string::npos);
  EXPECT_NE(os.str().find("token_len=32"), std::string::npos);
}

TEST(ClientKindTest, ParseTrimsAndLowercases) {
  EXPECT_EQ(*ParseClientKind("cli"), ClientKind::kCli);
  EXPECT_EQ(*ParseClientKind("  Desktop\n"), ClientKind::kDesktop);
  EXPECT_EQ(*ParseClientKind("\tNODE "), ClientKind::kNode);
  for (const char* bad : {"", "   ", "nodes", "no de", "phone", "Node\x01"}) {
    EXPECT_TRUE(FailsWith(ParseClientKind(bad), StatusCode::kInvalidArgument,
                          "client_kind must be one of: cli, desktop, node"))
        << bad;
  }
}

TEST(ClientKindTest, NamesRoundTrip) {
  for (ClientKind kind : {ClientKind::kCli, ClientKind::kDesktop, ClientKind::kNode}) {
    EXPECT_EQ(*ParseClientKind(ClientKindName(kind)), kind);
  }
  EXPECT_EQ(ClientKindName(ClientKind::kCli), "cli");
  EXPECT_EQ(ClientKindName(ClientKind::kDesktop), "desktop");
  EXPECT_EQ(ClientKindName(ClientKind::kNode), "node");
  std::ostringstream os;
  os << ClientKind::kDesktop;
  EXPECT_EQ(os.str(), "desktop");
}

}  // namespace
}  // namespace palyra::identity
