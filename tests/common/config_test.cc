#include "common/config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/files.h"
#include "support/test_util.h"

namespace palyra {
namespace {

using ::testing::HasSubstr;
using testing_util::ScopedTempDir;

ConfigSchema TestSchema() {
  std::vector<ConfigKey> keys = {
      ConfigKey::String("daemon.log_level", "info", "PALYRA_LOG_LEVEL")
          .Validate([](const ConfigValue& v) {
            const auto& s = std::get<std::string>(v);
            if (s == "debug" || s == "info" || s == "warn") return Status::Ok();
            return InvalidArgument("must be one of debug, info, warn");
          }),
      ConfigKey::Int("gateway.grpc_port", 7443, 0, 65535, "PALYRA_GATEWAY_GRPC_PORT"),
      ConfigKey::String("gateway.bind", "127.0.0.1", "PALYRA_GATEWAY_BIND"),
      ConfigKey::Bool("gateway.tls.enabled", false, "PALYRA_GATEWAY_TLS_ENABLED"),
      ConfigKey::StringList("gateway.allowed_names", {"localhost"}, "PALYRA_GATEWAY_ALLOWED_NAMES"),
      ConfigKey::String("admin.token", "", "PALYRA_ADMIN_TOKEN").Secret(),
      ConfigKey::Int("limits.max_nodes", 100, 1, std::numeric_limits<int64_t>::max()),
  };
  Result<ConfigSchema> schema = ConfigSchema::Create(std::move(keys));
  EXPECT_TRUE(schema.ok()) << schema.status().ToString();
  return std::move(schema).value();
}

class ConfigTest : public ::testing::Test {
 protected:
  std::filesystem::path WriteToml(const std::string& text) {
    const auto path = dir_ / "palyra.toml";
    EXPECT_TRUE(WriteFileAtomic(path, text, 0600).ok());
    return path;
  }

  Result<Config> Load(std::optional<std::filesystem::path> file, Environment env = {},
                      std::vector<ConfigOverride> overrides = {}) {
    ConfigLoadOptions options;
    options.file = std::move(file);
    options.env = std::move(env);
    options.overrides = std::move(overrides);
    return Config::Load(schema_, options);
  }

  // Loads and expects INVALID_ARGUMENT; returns the message.
  std::string LoadError(std::optional<std::filesystem::path> file, Environment env = {},
                        std::vector<ConfigOverride> overrides = {}) {
    Result<Config> c = Load(std::move(file), std::move(env), std::move(overrides));
    EXPECT_FALSE(c.ok());
    if (c.ok()) return "";
    EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument) << c.status().ToString();
    return c.status().message();
  }

  ScopedTempDir dir_;
  ConfigSchema schema_ = TestSchema();
};

TEST_F(ConfigTest, DefaultsOnly) {
  Result<Config> c = Load(std::nullopt);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->GetInt("gateway.grpc_port"), 7443);
  EXPECT_EQ(c->GetString("gateway.bind"), "127.0.0.1");
  EXPECT_FALSE(c->GetBool("gateway.tls.enabled"));
  EXPECT_EQ(c->GetStringList("gateway.allowed_names"), std::vector<std::string>{"localhost"});
  EXPECT_EQ(c->Source("gateway.grpc_port"), ConfigSource::kDefault);
  EXPECT_EQ(c->SourceDescription("gateway.grpc_port"), "default");
}

TEST_F(ConfigTest, PrecedenceDefaultFileEnvFlag) {
  const auto file = WriteToml(R"(
[gateway]
grpc_port = 1001
bind = "127.0.0.2"
allowed_names = ["a", "b"]

[gateway.tls]
enabled = true

[daemon]
log_level = "warn"
)");
  Environment env = {{"PALYRA_GATEWAY_GRPC_PORT", "1002"},
                     {"PALYRA_GATEWAY_BIND", "127.0.0.3"},
                     {"UNRELATED", "x"}};
  std::vector<ConfigOverride> flags = {{"gateway.grpc_port", "1003", "--grpc-port"}};

  Result<Config> c = Load(file, env, flags);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  // flag > env > file > default
  EXPECT_EQ(c->GetInt("gateway.grpc_port"), 1003);
  EXPECT_EQ(c->Source("gateway.grpc_port"), ConfigSource::kFlag);
  EXPECT_EQ(c->SourceDescription("gateway.grpc_port"), "flag --grpc-port");
  EXPECT_EQ(c->GetString("gateway.bind"), "127.0.0.3");
  EXPECT_EQ(c->Source("gateway.bind"), ConfigSource::kEnv);
  EXPECT_EQ(c->SourceDescription("gateway.bind"), "env PALYRA_GATEWAY_BIND");
  EXPECT_TRUE(c->GetBool("gateway.tls.enabled"));
  EXPECT_EQ(c->Source("gateway.tls.enabled"), ConfigSource::kFile);
  EXPECT_EQ(c->SourceDescription("gateway.tls.enabled"), "file " + file.string());
  EXPECT_EQ(c->GetStringList("gateway.allowed_names"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(c->GetString("daemon.log_level"), "warn");
  EXPECT_EQ(c->GetInt("limits.max_nodes"), 100);
  EXPECT_EQ(c->Source("limits.max_nodes"), ConfigSource::kDefault);
}

TEST_F(ConfigTest, EnvBeatsFileWithoutFlags) {
  const auto file = WriteToml("[gateway]\ngrpc_port = 1001\n");
  Result<Config> c = Load(file, {{"PALYRA_GATEWAY_GRPC_PORT", "0"}});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->GetInt("gateway.grpc_port"), 0);
  EXPECT_EQ(c->Source("gateway.grpc_port"), ConfigSource::kEnv);
}

TEST_F(ConfigTest, DottedAndInlineKeysInFile) {
  const auto file = WriteToml("gateway.grpc_port = 1\ngateway.tls = { enabled = true }\n");
  Result<Config> c = Load(file);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->GetInt("gateway.grpc_port"), 1);
  EXPECT_TRUE(c->GetBool("gateway.tls.enabled"));
}

TEST_F(ConfigTest, EnvBoolSpellings) {
  for (const auto& [text, expected] : std::vector<std::pair<std::string, bool>>{{"true", true},
                                                                                {"TRUE", true},
                                                                                {"1", true},
                                                                                {"yes", true},
                                                                                {"Yes", true},
                                                                                {"false", false},
                                                                                {"False", false},
                                                                                {"0", false},
                                                                                {"no", false},
                                                                                {"NO", false}}) {
    Result<Config> c = Load(std::nullopt, {{"PALYRA_GATEWAY_TLS_ENABLED", text}});
    ASSERT_TRUE(c.ok()) << text << ": " << c.status().ToString();
    EXPECT_EQ(c->GetBool("gateway.tls.enabled"), expected) << text;
  }
  EXPECT_EQ(LoadError(std::nullopt, {{"PALYRA_GATEWAY_TLS_ENABLED", "on"}}),
            "env PALYRA_GATEWAY_TLS_ENABLED: gateway.tls.enabled must be a boolean "
            "(true/false/1/0/yes/no), got \"on\"");
}

TEST_F(ConfigTest, EnvStringList) {
  Result<Config> c = Load(std::nullopt, {{"PALYRA_GATEWAY_ALLOWED_NAMES", " a, b ,,c "}});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->GetStringList("gateway.allowed_names"), (std::vector<std::string>{"a", "b", "c"}));
}

TEST_F(ConfigTest, MalformedToml) {
  const auto file = WriteToml("[gateway]\ngrpc_port = 1\nbind = \"unterminated\n");
  const std::string m = LoadError(file);
  EXPECT_THAT(m, HasSubstr("config file " + file.string() + ": line 3: "));
}

TEST_F(ConfigTest, UnknownKeyInFile) {
  const auto file = WriteToml("[gateway]\ngrpc_port = 1\ngrcp_port = 7443\n");
  EXPECT_EQ(LoadError(file),
            "config file " + file.string() + ": line 3: unknown key 'gateway.grcp_port'");
}

TEST_F(ConfigTest, UnknownTableInFile) {
  // A table that matches no key is reported as a whole, at its header.
  const auto file = WriteToml("[gatewya]\ngrpc_port = 1\n");
  EXPECT_EQ(LoadError(file), "config file " + file.string() + ": line 1: unknown key 'gatewya'");
}

TEST_F(ConfigTest, FirstErrorInFileOrderIsReported) {
  const auto file = WriteToml("zzz = 1\n[gateway]\ngrpc_port = \"x\"\n");
  EXPECT_THAT(LoadError(file), HasSubstr("line 1: unknown key 'zzz'"));
}

TEST_F(ConfigTest, WrongTypeInFile) {
  auto file = WriteToml("[gateway]\ngrpc_port = \"abc\"\n");
  EXPECT_EQ(LoadError(file), "config file " + file.string() +
                                 ": line 2: gateway.grpc_port must be an integer between 0 and "
                                 "65535, got \"abc\"");
  file = WriteToml("[gateway.tls]\nenabled = \"yes\"\n");
  EXPECT_EQ(LoadError(file), "config file " + file.string() +
                                 ": line 2: gateway.tls.enabled must be a boolean (true or false), "
                                 "got \"yes\"");
  file = WriteToml("[gateway]\nallowed_names = [\"a\", 1]\n");
  EXPECT_THAT(LoadError(file), HasSubstr("gateway.allowed_names must be an array of strings"));
  file = WriteToml("[gateway]\nbind = 5\n");
  EXPECT_THAT(LoadError(file), HasSubstr("line 2: gateway.bind must be a string, got 5"));
  file = WriteToml("gateway = 5\n");
  EXPECT_THAT(LoadError(file), HasSubstr("line 1: gateway must be a table, got 5"));
}

TEST_F(ConfigTest, OutOfRangeInFile) {
  const auto file = WriteToml("\n[gateway]\ngrpc_port = 70000\n");
  EXPECT_EQ(LoadError(file), "config file " + file.string() +
                                 ": line 3: gateway.grpc_port must be an integer between 0 and "
                                 "65535, got 70000");
}

TEST_F(ConfigTest, BadValueInEnv) {
  EXPECT_EQ(LoadError(std::nullopt, {{"PALYRA_GATEWAY_GRPC_PORT", "abc"}}),
            "env PALYRA_GATEWAY_GRPC_PORT: gateway.grpc_port must be an integer between 0 and "
            "65535, got \"abc\"");
  EXPECT_EQ(LoadError(std::nullopt, {{"PALYRA_GATEWAY_GRPC_PORT", "65536"}}),
            "env PALYRA_GATEWAY_GRPC_PORT: gateway.grpc_port must be an integer between 0 and "
            "65535, got 65536");
  EXPECT_THAT(LoadError(std::nullopt, {{"PALYRA_GATEWAY_GRPC_PORT", "12x"}}),
              HasSubstr("got \"12x\""));
  EXPECT_THAT(LoadError(std::nullopt, {{"PALYRA_GATEWAY_GRPC_PORT", ""}}), HasSubstr("got \"\""));
  EXPECT_THAT(LoadError(std::nullopt, {{"PALYRA_GATEWAY_GRPC_PORT", "99999999999999999999"}}),
              HasSubstr("must be an integer between 0 and 65535"));
}

TEST_F(ConfigTest, BadValueInFlag) {
  EXPECT_EQ(LoadError(std::nullopt, {}, {{"gateway.grpc_port", "-1", "--grpc-port"}}),
            "flag --grpc-port: gateway.grpc_port must be an integer between 0 and 65535, got -1");
  EXPECT_EQ(LoadError(std::nullopt, {}, {{"gateway.nope", "1", ""}}),
            "flag gateway.nope: unknown key 'gateway.nope'");
}

TEST_F(ConfigTest, CustomValidatorNamesSource) {
  EXPECT_EQ(
      LoadError(std::nullopt, {{"PALYRA_LOG_LEVEL", "loud"}}),
      "env PALYRA_LOG_LEVEL: daemon.log_level must be one of debug, info, warn, got \"loud\"");
  const auto file = WriteToml("[daemon]\nlog_level = \"loud\"\n");
  EXPECT_EQ(LoadError(file), "config file " + file.string() +
                                 ": line 2: daemon.log_level must be one of debug, info, warn, "
                                 "got \"loud\"");
}

TEST_F(ConfigTest, SecretsAreNeverPrinted) {
  std::vector<ConfigKey> keys = {
      ConfigKey::String("admin.token", "", "PALYRA_ADMIN_TOKEN")
          .Secret()
          .Validate([](const ConfigValue& v) {
            return std::get<std::string>(v).size() >= 8 || std::get<std::string>(v).empty()
                       ? Status::Ok()
                       : InvalidArgument("must be at least 8 characters");
          })};
  Result<ConfigSchema> schema = ConfigSchema::Create(std::move(keys));
  ASSERT_TRUE(schema.ok());
  ConfigLoadOptions options;
  options.env = {{"PALYRA_ADMIN_TOKEN", "hunter2"}};
  Result<Config> bad = Config::Load(*schema, options);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "env PALYRA_ADMIN_TOKEN: admin.token must be at least 8 characters");
  EXPECT_THAT(bad.status().message(), ::testing::Not(HasSubstr("hunter2")));

  options.env = {{"PALYRA_ADMIN_TOKEN", "correct-horse-battery"}};
  Result<Config> good = Config::Load(*schema, options);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good->GetString("admin.token"), "correct-horse-battery");
  EXPECT_EQ(good->DisplayValue("admin.token"), "<redacted>");
  EXPECT_THAT(good->DebugString(), ::testing::Not(HasSubstr("correct-horse")));

  // Wrong type for a secret in the file: no value echoed either.
  const auto file = WriteToml("[admin]\ntoken = 12345678\n");
  options.env.clear();
  options.file = file;
  Result<Config> typed = Config::Load(*schema, options);
  ASSERT_FALSE(typed.ok());
  EXPECT_THAT(typed.status().message(), HasSubstr("admin.token must be a string"));
  EXPECT_THAT(typed.status().message(), ::testing::Not(HasSubstr("12345678")));
}

TEST_F(ConfigTest, DebugStringShowsValuesAndSources) {
  Result<Config> c = Load(std::nullopt, {{"PALYRA_GATEWAY_GRPC_PORT", "9"}});
  ASSERT_TRUE(c.ok());
  const std::string dump = c->DebugString();
  EXPECT_THAT(dump, HasSubstr("gateway.grpc_port = 9  (env PALYRA_GATEWAY_GRPC_PORT)\n"));
  EXPECT_THAT(dump, HasSubstr("gateway.bind = \"127.0.0.1\"  (default)\n"));
  EXPECT_THAT(dump, HasSubstr("gateway.allowed_names = [\"localhost\"]  (default)\n"));
  EXPECT_THAT(dump, HasSubstr("admin.token = <redacted>  (default)\n"));
}

TEST_F(ConfigTest, MissingFileIsAnError) {
  Result<Config> c = Load(dir_ / "absent.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(c.status().message(), HasSubstr("config file " + (dir_ / "absent.toml").string()));
}

TEST_F(ConfigTest, OversizedFileIsRejected) {
  const auto file = WriteToml(std::string(kMaxConfigFileBytes + 1, '#'));
  EXPECT_THAT(LoadError(file), HasSubstr("larger than the limit of 1048576 bytes"));
}

TEST(ConfigOverrideTest, Parse) {
  Result<ConfigOverride> o = ParseConfigOverride("gateway.grpc_port=0");
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->key, "gateway.grpc_port");
  EXPECT_EQ(o->value, "0");
  Result<ConfigOverride> with_eq = ParseConfigOverride("a.b=x=y");
  ASSERT_TRUE(with_eq.ok());
  EXPECT_EQ(with_eq->value, "x=y");
  EXPECT_FALSE(ParseConfigOverride("novalue").ok());
  EXPECT_FALSE(ParseConfigOverride("=1").ok());
}

TEST(ConfigSchemaTest, RejectsBadSchemas) {
  auto create = [](std::vector<ConfigKey> keys) {
    return ConfigSchema::Create(std::move(keys)).status().code();
  };
  EXPECT_EQ(create({ConfigKey::Int("a.b", 1, 0, 10), ConfigKey::Int("a.b", 1, 0, 10)}),
            StatusCode::kInternal);
  EXPECT_EQ(create({ConfigKey::Int("a", 1, 0, 10), ConfigKey::Int("a.b", 1, 0, 10)}),
            StatusCode::kInternal);
  EXPECT_EQ(create({ConfigKey::Int("a.b", 11, 0, 10)}), StatusCode::kInternal);
  EXPECT_EQ(create({ConfigKey::Int("A.b", 1, 0, 10)}), StatusCode::kInternal);
  EXPECT_EQ(create({ConfigKey::Int("a..b", 1, 0, 10)}), StatusCode::kInternal);
  EXPECT_EQ(create({ConfigKey::Int("a.b", 1, 0, 10, "X"), ConfigKey::Int("a.c", 1, 0, 10, "X")}),
            StatusCode::kInternal);
  ConfigKey mismatched = ConfigKey::Int("a.b", 1, 0, 10);
  mismatched.default_value = std::string("1");
  EXPECT_EQ(create({mismatched}), StatusCode::kInternal);
  EXPECT_TRUE(ConfigSchema::Create({ConfigKey::Int("a.b", 1, 0, 10)}).ok());
}

TEST(ConfigEnvironmentTest, ReadsProcessEnvironment) {
  const Environment env = ReadProcessEnvironment();
  // PATH is set in any sane test environment; just check the parsing shape.
  for (const auto& [k, v] : env) {
    EXPECT_FALSE(k.empty());
    EXPECT_EQ(k.find('='), std::string::npos);
  }
}

}  // namespace
}  // namespace palyra
