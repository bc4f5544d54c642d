#include "node_host/capabilities/input_fields.h"

#include "common/strings.h"

namespace palyra::node_host {

Result<std::string> RequireStringField(const nlohmann::json& input, std::string_view capability,
                                       std::string_view field) {
  const std::string name(capability);
  const std::string key(field);
  if (!input.is_object()) {
    return InvalidArgument(name + " input must be a JSON object like {\"" + key +
                           "\": \"...\"}, got " + input.type_name());
  }
  const auto it = input.find(key);
  if (it == input.end()) {
    return InvalidArgument(name + " input is missing the string field \"" + key + "\"");
  }
  if (!it->is_string()) {
    return InvalidArgument(name + " input field \"" + key + "\" must be a string, got " +
                           it->type_name());
  }
  const std::string& value = it->get_ref<const std::string&>();
  if (TrimAsciiWhitespace(value).empty()) {
    return InvalidArgument(name + " input field \"" + key + "\" must not be blank");
  }
  return value;
}

}  // namespace palyra::node_host
