// The value types nlohmann's SAX interface hands a handler, named as the
// interface requires; a handler inherits them instead of repeating them.
#pragma once

namespace zhunru::json_input {

template <class Json>
struct SaxTypes {
  using number_integer_t = typename Json::number_integer_t;
  using number_unsigned_t = typename Json::number_unsigned_t;
  using number_float_t = typename Json::number_float_t;
  using string_t = typename Json::string_t;
  using binary_t = typename Json::binary_t;
};

}  // namespace zhunru::json_input
