#include <array>

#include "app/auth/directory.h"

namespace ordex::app::auth {

namespace {
// In Role order: the names are the stored form and the API's.
constexpr std::array<std::string_view, 4> kRoleNames = {"rep", "lead", "manager", "admin"};
}  // namespace

std::string_view role_name(Role role) { return kRoleNames[static_cast<std::size_t>(role)]; }

std::optional<Role> role_from(std::string_view name) {
  for (std::size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == name) return static_cast<Role>(i);
  }
  return std::nullopt;
}

}  // namespace ordex::app::auth
