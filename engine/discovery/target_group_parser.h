// Parsing target group lists in Prometheus's file and HTTP SD format:
//
//   [ { "targets": ["host:port", ...], "labels": { "name": "value", ... } }, ... ]
//
// as JSON (unknown keys ignored, as Go's encoding/json does) or YAML (strict:
// unknown keys are errors, as file SD's yaml.UnmarshalStrict). Label names
// must be valid Prometheus label names and values valid UTF-8. Each target
// becomes a label set {__address__="host:port"}. Sources are left empty for
// the caller to set. Errors are InvalidArgument naming the group index.
#pragma once

#include "core/status.h"
#include "discovery/target_group.h"

#include <string_view>
#include <vector>

namespace vigil::discovery {

Result<std::vector<TargetGroup>> parseTargetGroupsJson(std::string_view json);
Result<std::vector<TargetGroup>> parseTargetGroupsYaml(std::string_view yaml);

}  // namespace vigil::discovery
