package io.spofscan.parsers.terraform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON into located {@link Value}s (a member located at its key, an item at its start) without recursion.
 * Used for .tf.json, .tfvars.json and plan JSON.
 */
final class LocatedJson {
  private LocatedJson() {}

  /** A JSON syntax error with its 1-based position. */
  static final class JsonError extends Exception {
    final int line;
    final int column;

    JsonError(String message, int line, int column) {
      super(message, null, false, false);
      this.line = line;
      this.column = column;
    }
  }

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private static final class Frame {
    final boolean object;
    final SourceRange range;
    final Map<String, Value> members = new LinkedHashMap<>();
    final List<Value> items = new ArrayList<>();
    String key;
    SourceRange keyRange;

    Frame(boolean object, SourceRange range) {
      this.object = object;
      this.range = range;
    }

    Value build() {
      return object ? new Value.MapValue(members, range) : new Value.ListValue(items, range);
    }
  }

  static Value read(String path, String text) throws JsonError {
    try (JsonParser p = FACTORY.createParser(text)) {
      Deque<Frame> stack = new ArrayDeque<>();
      Value root = null;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME) {
          Frame top = stack.peek();
          top.key = p.currentName();
          top.keyRange = at(path, p.currentTokenLocation());
          continue;
        }
        Frame top = stack.peek();
        SourceRange here = top != null && top.object ? top.keyRange : at(path, p.currentTokenLocation());
        Value done = null;
        switch (t) {
          case START_OBJECT, START_ARRAY -> stack.push(new Frame(t == JsonToken.START_OBJECT, here));
          case END_OBJECT, END_ARRAY -> done = stack.pop().build();
          case VALUE_STRING -> done = new Value.Scalar(p.getText(), here);
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> done = Value.of(p.getDecimalValue(), here);
          case VALUE_TRUE, VALUE_FALSE -> done = new Value.Scalar(t == JsonToken.VALUE_TRUE, here);
          case VALUE_NULL -> done = new Value.Scalar(null, here);
          default -> {
          }
        }
        if (done != null) {
          Frame parent = stack.peek();
          if (parent == null) {
            root = done;
          } else if (parent.object) {
            parent.members.put(parent.key, done);
          } else {
            parent.items.add(done);
          }
        }
      }
      if (root == null) {
        throw new JsonError("empty JSON document", 1, 1);
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      String msg = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage().lines().findFirst().orElse("");
      throw new JsonError(msg, l == null ? 1 : Math.max(1, l.getLineNr()), l == null ? 1 : Math.max(1, l.getColumnNr()));
    } catch (IOException e) {
      throw new JsonError(String.valueOf(e.getMessage()), 1, 1);
    }
  }

  private static SourceRange at(String path, JsonLocation l) {
    return SourceRange.at(path, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
  }
}
