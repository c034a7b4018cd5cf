package io.spofscan.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small YAML/JSON reader that keeps where every key and value was written, so configuration errors can name
 * file:line. Scalars are kept as their text.
 */
final class LocatedYaml {
  private LocatedYaml() {}

  /**
   * A node: a String, a {@code Map<String, Node>}, a {@code List<Node>}, or null. A map entry's node is located at
   * its key, so an error about an entry names the line the user wrote the key on.
   */
  record Node(Object value, String file, int line, int column) {
    String at() {
      return file + ":" + line + ":" + column;
    }

    @SuppressWarnings("unchecked")
    Map<String, Node> map() {
      if (value instanceof Map<?, ?> m) {
        return (Map<String, Node>) m;
      }
      if (value == null) {
        return Map.of(); // "key:" with everything below commented out
      }
      throw new UserError(at() + ": expected a mapping");
    }

    @SuppressWarnings("unchecked")
    List<Node> list() {
      if (value instanceof List<?> l) {
        return (List<Node>) l;
      }
      if (value instanceof String) {
        return List.of(this); // a single value is a one-item list
      }
      if (value == null) {
        return List.of();
      }
      throw new UserError(at() + ": expected a list");
    }

    String text() {
      if (value instanceof String s) {
        return s;
      }
      throw new UserError(at() + ": expected a single value");
    }
  }

  static Node read(Path file, String shownAs) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("cannot read " + shownAs + ": " + OutputFiles.reason(e), e);
    }
    try (JsonParser p = new YAMLFactory().createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return new Node(new LinkedHashMap<String, Node>(), shownAs, 1, 1);
      }
      return value(p, shownAs);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? shownAs : shownAs + ":" + Math.max(1, at.getLineNr()) + ":"
          + Math.max(1, at.getColumnNr());
      throw new UserError(where + ": not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
    } catch (IOException e) {
      throw new UserError("cannot read " + shownAs + ": " + e.getMessage(), e);
    }
  }

  private static Node value(JsonParser p, String file) throws IOException {
    JsonLocation start = p.currentTokenLocation();
    int line = Math.max(1, start.getLineNr());
    int col = Math.max(1, start.getColumnNr());
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, Node> map = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        JsonLocation keyAt = p.currentTokenLocation();
        String name = p.currentName();
        p.nextToken();
        Node v = value(p, file);
        // the key's location is what errors about the key name
        map.put(name, new Node(v.value(), file, Math.max(1, keyAt.getLineNr()), Math.max(1, keyAt.getColumnNr())));
      }
      return new Node(map, file, line, col);
    }
    if (t == JsonToken.START_ARRAY) {
      List<Node> list = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        list.add(value(p, file));
      }
      return new Node(list, file, line, col);
    }
    if (t == JsonToken.VALUE_NULL) {
      return new Node(null, file, line, col);
    }
    return new Node(p.getText(), file, line, col);
  }
}
