// The DER encoder behind certificate issuance: canonical forms that a strict parser insists on.
#include "crypto/der_writer.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace palyra::crypto::internal::der {
namespace {

using testing::FailsWith;

TEST(DerWriterTest, IntegersAreMinimalAndPositive) {
  EXPECT_EQ(SmallInteger(0), (Bytes{0x02, 0x01, 0x00}));
  EXPECT_EQ(SmallInteger(2), (Bytes{0x02, 0x01, 0x02}));
  EXPECT_EQ(SmallInteger(0x80), (Bytes{0x02, 0x02, 0x00, 0x80}));  // not read as negative
  EXPECT_EQ(SmallInteger(0x1234), (Bytes{0x02, 0x02, 0x12, 0x34}));
  // Leading zero octets go, but one stays in front of a set top bit.
  EXPECT_EQ(UnsignedInteger(Bytes{0x00, 0x00, 0x7f}), (Bytes{0x02, 0x01, 0x7f}));
  EXPECT_EQ(UnsignedInteger(Bytes{0x00, 0x00, 0x85, 0x01}), (Bytes{0x02, 0x03, 0x00, 0x85, 0x01}));
  EXPECT_EQ(UnsignedInteger(Bytes{0x00, 0x00}), (Bytes{0x02, 0x01, 0x00}));
  EXPECT_EQ(UnsignedInteger(Bytes{}), (Bytes{0x02, 0x01, 0x00}));
}

TEST(DerWriterTest, LengthsUseTheShortestForm) {
  EXPECT_EQ(OctetString(Bytes(127, 0xaa)).size(), 2u + 127);
  Bytes long_form = OctetString(Bytes(128, 0xaa));
  EXPECT_EQ(Bytes(long_form.begin(), long_form.begin() + 3), (Bytes{0x04, 0x81, 0x80}));
  Bytes two_octets = OctetString(Bytes(300, 0xaa));
  EXPECT_EQ(Bytes(two_octets.begin(), two_octets.begin() + 4), (Bytes{0x04, 0x82, 0x01, 0x2c}));
  EXPECT_EQ(two_octets.size(), 4u + 300);
  Bytes nested = Sequence({Boolean(true), Bytes(OctetString(Bytes(200, 1)))});
  EXPECT_EQ(Bytes(nested.begin(), nested.begin() + 3), (Bytes{0x30, 0x81, 3 + 3 + 200}));
}

TEST(DerWriterTest, NamedBitStringsDropTrailingZeroBits) {
  // digitalSignature only: one octet 0x80 with 7 unused bits.
  EXPECT_EQ(NamedBitString({0}), (Bytes{0x03, 0x02, 0x07, 0x80}));
  // digitalSignature, keyCertSign, cRLSign: 0x86, one unused bit.
  EXPECT_EQ(NamedBitString({0, 5, 6}), (Bytes{0x03, 0x02, 0x01, 0x86}));
  // Bit 8 needs a second octet.
  EXPECT_EQ(NamedBitString({0, 8}), (Bytes{0x03, 0x03, 0x07, 0x80, 0x80}));
  // Out-of-range entries are ignored (the builder passes -1 for "not set").
  EXPECT_EQ(NamedBitString({-1, 4, 40}), (Bytes{0x03, 0x02, 0x03, 0x08}));
  EXPECT_EQ(NamedBitString({}), (Bytes{0x03, 0x01, 0x00}));
  EXPECT_EQ(BitStringBytes(Bytes{0xde, 0xad}), (Bytes{0x03, 0x03, 0x00, 0xde, 0xad}));
}

TEST(DerWriterTest, BooleansAndStrings) {
  EXPECT_EQ(Boolean(true), (Bytes{0x01, 0x01, 0xff}));
  EXPECT_EQ(Boolean(false), (Bytes{0x01, 0x01, 0x00}));
  EXPECT_EQ(Utf8String("h\xc3\xa9"), (Bytes{0x0c, 0x03, 'h', 0xc3, 0xa9}));
  const uint8_t arcs[] = {0x55, 0x04, 0x03};
  EXPECT_EQ(Oid(arcs), (Bytes{0x06, 0x03, 0x55, 0x04, 0x03}));
  EXPECT_EQ(Constructed(kContextConstructed | 3, {Bytes{0x30, 0x00}}),
            (Bytes{0xa3, 0x02, 0x30, 0x00}));
}

std::string TimeText(int64_t unix_seconds, uint8_t* tag) {
  auto encoded = Time(unix_seconds);
  EXPECT_TRUE(encoded.ok()) << encoded.status().ToString();
  if (!encoded.ok()) return {};
  *tag = (*encoded)[0];
  return std::string(encoded->begin() + 2, encoded->end());
}

TEST(DerWriterTest, TimesSwitchToGeneralizedOutside1950To2049) {
  uint8_t tag = 0;
  EXPECT_EQ(TimeText(0, &tag), "700101000000Z");
  EXPECT_EQ(tag, kUtcTime);
  // 2049-12-31T23:59:59Z is the last UTCTime; a second later is GeneralizedTime.
  EXPECT_EQ(TimeText(2524607999, &tag), "491231235959Z");
  EXPECT_EQ(tag, kUtcTime);
  EXPECT_EQ(TimeText(2524608000, &tag), "20500101000000Z");
  EXPECT_EQ(tag, kGeneralizedTime);
  // 1949-12-31T23:59:59Z, before the UTCTime window.
  EXPECT_EQ(TimeText(-631152001, &tag), "19491231235959Z");
  EXPECT_EQ(tag, kGeneralizedTime);
  EXPECT_EQ(TimeText(-631152000, &tag), "500101000000Z");
  EXPECT_EQ(tag, kUtcTime);
  EXPECT_TRUE(FailsWith(Time(int64_t{400} * 1000 * 1000 * 1000), StatusCode::kInvalidArgument,
                        "out of range"));
}

}  // namespace
}  // namespace palyra::crypto::internal::der
