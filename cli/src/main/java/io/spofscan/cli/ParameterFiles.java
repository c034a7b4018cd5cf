package io.spofscan.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudFormation parameter files in the shapes people keep them: the AWS CLI list
 * ({@code [{"ParameterKey": "A", "ParameterValue": "b"}]}), a CodePipeline template configuration
 * ({@code {"Parameters": {"A": "b"}}}) or a flat map ({@code A: b}), JSON or YAML.
 */
final class ParameterFiles {
  private ParameterFiles() {}

  static Map<String, String> read(Path file) {
    LocatedYaml.Node root = LocatedYaml.read(file, file.toString());
    Map<String, String> out = new LinkedHashMap<>();
    if (root.value() == null) {
      return out;
    }
    if (root.value() instanceof java.util.List) {
      for (LocatedYaml.Node item : root.list()) {
        Map<String, LocatedYaml.Node> m = item.map();
        LocatedYaml.Node key = m.get("ParameterKey");
        LocatedYaml.Node value = m.get("ParameterValue");
        if (key == null || value == null) {
          throw new UserError(item.at() + ": expected ParameterKey and ParameterValue");
        }
        out.put(key.text(), value.text());
      }
      return out;
    }
    Map<String, LocatedYaml.Node> map = root.map();
    Map<String, LocatedYaml.Node> params = map.containsKey("Parameters") && map.get("Parameters").value() instanceof Map
        ? map.get("Parameters").map() : map;
    params.forEach((k, v) -> out.put(k, v.value() instanceof java.util.List<?> l
        ? String.join(",", v.list().stream().map(LocatedYaml.Node::text).toList()) : v.text()));
    return out;
  }
}
