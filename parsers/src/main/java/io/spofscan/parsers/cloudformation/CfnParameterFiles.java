package io.spofscan.parsers.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads CloudFormation parameter files: the AWS CLI JSON format ({@code [{"ParameterKey": .., "ParameterValue":
 * ..}]}), the CodePipeline/CDK format ({@code {"Parameters": {"Name": "value"}}}), or {@code NAME=VALUE} lines
 * ({@code #} comments and blank lines ignored).
 */
public final class CfnParameterFiles {
  private CfnParameterFiles() {}

  public static Map<String, String> read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String trimmed = text.trim();
    Map<String, String> out = new LinkedHashMap<>();
    if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
      JsonNode root;
      try {
        root = new ObjectMapper().readTree(trimmed);
      } catch (IOException e) {
        throw new IOException(file + ": not a valid parameter file (JSON): " + firstLine(e.getMessage()));
      }
      if (root.isArray()) {
        for (JsonNode p : root) {
          JsonNode key = p.get("ParameterKey");
          if (key == null || !key.isValueNode()) {
            throw new IOException(file + ": every entry needs a ParameterKey");
          }
          if (p.path("UsePreviousValue").asBoolean(false) && !p.has("ParameterValue")) {
            continue;
          }
          out.put(key.asText(), p.path("ParameterValue").asText(""));
        }
        return out;
      }
      JsonNode params = root.has("Parameters") ? root.get("Parameters") : root;
      for (Map.Entry<String, JsonNode> e : params.properties()) {
        out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
      }
      return out;
    }
    int lineNumber = 0;
    for (String line : text.split("\r?\n")) {
      lineNumber++;
      String l = line.trim();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int eq = l.indexOf('=');
      if (eq <= 0) {
        throw new IOException(file + ":" + lineNumber + ": expected NAME=VALUE");
      }
      out.put(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
    }
    return out;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
