package io.spofscan.parsers.cloudformation;

import io.spofscan.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The sections of a CloudFormation template the evaluator reads. */
record CfnTemplate(Value.MapValue root, Value parameters, Value conditions, Value mappings, Set<String> resourceIds) {

  static CfnTemplate of(Value.MapValue root) {
    return new CfnTemplate(root, root.get("Parameters"), root.get("Conditions"), root.get("Mappings"),
        root.get("Resources").entries().keySet());
  }

  /** A parameter's AllowedValues as strings, or empty when it declares none. */
  List<String> allowedValues(String parameter) {
    List<String> out = new ArrayList<>();
    for (Value v : parameters.get(parameter).get("AllowedValues").items()) {
      v.asString().ifPresent(out::add);
    }
    return out;
  }

  /** True when the root looks like a template: a format version, or resources with {@code Type: X::Y::Z}. */
  static boolean looksLike(Value root) {
    if (!(root instanceof Value.MapValue m)) {
      return false;
    }
    if (m.entries().containsKey("AWSTemplateFormatVersion")) {
      return true;
    }
    if (!(m.get("Resources") instanceof Value.MapValue resources)) {
      return false;
    }
    for (Value r : resources.entries().values()) {
      String type = r.get("Type").asString().orElse("");
      if (type.contains("::")) {
        return true;
      }
    }
    return false;
  }
}
