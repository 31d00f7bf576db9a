// RuleConfig from the properties file (keys in rule_config.h). Every present key is checked:
// a typo in a tolerance must stop the run (exit 2), never silently leave the default in force.
#include "exceptions/rule_config.h"

#include <Poco/Exception.h>
#include <Poco/Util/AbstractConfiguration.h>

#include <charconv>

#include "orders/decimal.h"

namespace ordex::exceptions {
namespace {

using Poco::Util::AbstractConfiguration;
using Error = std::optional<edi::Failure>;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  return out;
}

Error bad(const std::string& key, const std::string& value, std::string_view expected) {
  return edi::Failure{key + ": '" + value + "' is not " + std::string(expected)};
}

Error read_decimal(const std::string& key, const std::string& value, orders::Decimal& out) {
  const std::optional<orders::Decimal> d = orders::parse_decimal(trim(value));
  if (!d || d->e4 < 0) return bad(key, value, "a number of at least 0 (up to 4 decimals)");
  out = *d;
  return std::nullopt;
}

Error read_hours(const std::string& key, const std::string& value, std::int64_t& out) {
  const std::string_view t = trim(value);
  std::int64_t h = -1;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), h);
  // A year of hours is already absurd; the cap keeps hours * 3600 far from overflow.
  if (ec != std::errc() || end != t.data() + t.size() || h < 0 || h > 24 * 366) {
    return bad(key, value, "a whole number of hours from 0 to 8784");
  }
  out = h;
  return std::nullopt;
}

// A comma list of catalog names; replaces the list inherited, so a partner can re-enable.
Error read_disabled(const std::string& key, const std::string& value,
                    std::bitset<kExceptionTypeCount>& out) {
  std::bitset<kExceptionTypeCount> set;
  std::string_view rest = value;
  while (true) {
    const std::size_t comma = rest.find(',');
    const std::string_view name = trim(rest.substr(0, comma));
    if (!name.empty()) {
      const std::optional<ExceptionType> t = exception_type_from(name);
      if (!t) return edi::Failure{key + ": unknown exception type '" + std::string(name) + "'"};
      set.set(static_cast<std::size_t>(*t));
    }
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  out = set;
  return std::nullopt;
}

Error read_param(const std::string& key, const std::string& name, const std::string& value,
                 RuleParams& p) {
  if (name == "price_tolerance_pct") return read_decimal(key, value, p.price_tolerance_pct);
  if (name == "qty_tolerance") return read_decimal(key, value, p.qty_tolerance);
  if (name == "asn_missing_hours") return read_hours(key, value, p.asn_missing_hours);
  if (name == "asn_late_hours") return read_hours(key, value, p.asn_late_hours);
  if (name == "at_risk_silence_hours") return read_hours(key, value, p.at_risk_silence_hours);
  if (name == "fa_missing_hours") return read_hours(key, value, p.fa_missing_hours);
  if (name == "disabled") return read_disabled(key, value, p.disabled);
  return edi::Failure{key + ": unknown rule parameter"};
}

// Every key under `prefix` ("rules" or "partner.ID.rules").
Error read_params(const AbstractConfiguration& config, const std::string& prefix, RuleParams& p) {
  AbstractConfiguration::Keys names;
  config.keys(prefix, names);
  for (const std::string& name : names) {
    const std::string key = prefix + "." + name;
    if (Error e = read_param(key, name, config.getString(key), p)) return e;
  }
  return std::nullopt;
}

Error read_severities(const AbstractConfiguration& config, RuleConfig& out) {
  AbstractConfiguration::Keys names;
  config.keys("severity", names);
  for (const std::string& name : names) {
    const std::string key = "severity." + name;
    const std::optional<ExceptionType> type = exception_type_from(name);
    if (!type) return edi::Failure{key + ": unknown exception type '" + name + "'"};
    const std::string value = config.getString(key);
    const std::optional<Severity> s = severity_from(lower(trim(value)));
    if (!s) return bad(key, value, "critical, high, medium or low");
    out.set_severity(*type, *s);
  }
  return std::nullopt;
}

// partner.ID.tier and partner.ID.rules.*; other partner.ID.* keys belong to other settings.
Error read_partner(const AbstractConfiguration& config, const std::string& id, RuleConfig& out) {
  const std::string prefix = "partner." + id;
  if (config.has(prefix + ".tier")) {
    const std::string value = config.getString(prefix + ".tier");
    const std::string tier = lower(trim(value));
    if (tier == "key") {
      out.set_key_partner(id);
    } else if (tier != "standard") {
      return bad(prefix + ".tier", value, "key or standard");
    }
  }
  AbstractConfiguration::Keys rules;
  config.keys(prefix + ".rules", rules);
  if (rules.empty()) return std::nullopt;
  return read_params(config, prefix + ".rules", out.partner(id));
}

edi::Result<RuleConfig> read(const AbstractConfiguration& config) {
  RuleConfig out;
  // Global first: a partner's parameters start as a copy of the global ones.
  if (Error e = read_params(config, "rules", out.global())) return *e;
  if (Error e = read_severities(config, out)) return *e;
  AbstractConfiguration::Keys partners;
  config.keys("partner", partners);
  for (const std::string& id : partners) {
    if (Error e = read_partner(config, id, out)) return *e;
  }
  return out;
}

}  // namespace

edi::Result<RuleConfig> RuleConfig::load(const AbstractConfiguration& config) {
  try {
    return read(config);
  } catch (const Poco::Exception& e) {
    return edi::Failure{"rule configuration: " + e.displayText()};
  }
}

const RuleParams& RuleConfig::params(const std::string& partner_id) const {
  const auto it = partners_.find(partner_id);
  return it == partners_.end() ? global_ : it->second;
}

RuleParams& RuleConfig::partner(const std::string& partner_id) {
  return partners_.try_emplace(partner_id, global_).first->second;
}

Severity RuleConfig::severity(ExceptionType type, const std::string& partner_id,
                              std::optional<Severity> rule_says) const {
  const std::optional<Severity>& configured = severity_[static_cast<std::size_t>(type)];
  const Severity base = rule_says ? *rule_says : configured ? *configured : entry(type).severity;
  const auto key = key_partners_.find(partner_id);
  return key != key_partners_.end() && key->second ? raised(base) : base;
}

}  // namespace ordex::exceptions
