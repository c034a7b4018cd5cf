package io.spofscan.parsers.cloudformation.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The CloudFormation resource specification spofscan ships: for every resource type its property names (with a
 * short type and the required flag), its attribute names (valid {@code Fn::GetAtt} names) and whether AWS marks it
 * stateful. Read once, on first use, from {@code cfn-spec/cfn-spec.json.gz} on the classpath, which
 * {@code tools/cfn-spec/extract.py} writes from a pinned {@code @aws-cdk/aws-service-spec}. Immutable, thread-safe.
 * Names are case-sensitive, as CloudFormation's are.
 */
public final class CfnSpec {
  static final String RESOURCE = "/cfn-spec/cfn-spec.json.gz";

  /** A property of a resource type: its short type ("String", "Boolean", "List<Object>", ...) and whether it is required. */
  public record Property(String name, String type, boolean required) {}

  /** A resource type's entry. */
  public record ResourceType(String name, Map<String, Property> properties, List<String> attributes,
      boolean stateful) {
    public ResourceType {
      properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
      attributes = List.copyOf(attributes);
    }
  }

  private final String source;
  private final Map<String, ResourceType> types;

  private CfnSpec(String source, Map<String, ResourceType> types) {
    this.source = source;
    this.types = Collections.unmodifiableMap(types);
  }

  /** Lazy holder: the file is read the first time {@link #get()} is called, never at class load of callers. */
  private static final class Holder {
    static final CfnSpec INSTANCE = load();
  }

  /** The shipped specification. */
  public static CfnSpec get() {
    return Holder.INSTANCE;
  }

  private static CfnSpec load() {
    try (InputStream raw = CfnSpec.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("the CloudFormation specification " + RESOURCE + " is missing from the jar");
      }
      try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
        return read(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CloudFormation specification " + RESOURCE, e);
    }
  }

  /** Reads the data file's JSON with the streaming parser (a tree would cost twice the time for nothing). */
  static CfnSpec read(InputStream json) throws IOException {
    int format = 0;
    String source = "";
    Map<String, ResourceType> types = new LinkedHashMap<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "format" -> format = p.getIntValue();
          case "source" -> source = p.getText();
          case "types" -> {
            expect(p.currentToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String name = p.currentName();
              p.nextToken();
              types.put(name, readType(name, p));
            }
          }
          default -> p.skipChildren();
        }
      }
    }
    if (format != 1) {
      throw new IllegalStateException("unsupported CloudFormation specification format " + format);
    }
    return new CfnSpec(source, types);
  }

  private static ResourceType readType(String name, JsonParser p) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    Map<String, Property> props = new LinkedHashMap<>();
    List<String> attributes = new ArrayList<>();
    boolean stateful = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "properties" -> {
          expect(p.currentToken(), JsonToken.START_OBJECT);
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String prop = p.currentName();
            p.nextToken();
            props.put(prop, readProperty(prop, p));
          }
        }
        case "attributes" -> {
          expect(p.currentToken(), JsonToken.START_ARRAY);
          while (p.nextToken() == JsonToken.VALUE_STRING) {
            attributes.add(p.getText());
          }
        }
        case "stateful" -> stateful = p.getValueAsBoolean();
        default -> p.skipChildren();
      }
    }
    return new ResourceType(name, props, attributes, stateful);
  }

  private static Property readProperty(String name, JsonParser p) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    String type = "";
    boolean required = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "type" -> type = p.getText();
        case "required" -> required = p.getValueAsBoolean();
        default -> p.skipChildren();
      }
    }
    return new Property(name, type, required);
  }

  private static void expect(JsonToken actual, JsonToken wanted) throws IOException {
    if (actual != wanted) {
      throw new IOException("malformed CloudFormation specification: expected " + wanted + ", found " + actual);
    }
  }

  /** Where the data came from, e.g. {@code @aws-cdk/aws-service-spec@0.1.216}. */
  public String source() {
    return source;
  }

  /** All type names, in the file's (sorted) order. */
  public Set<String> typeNames() {
    return types.keySet();
  }

  public int typeCount() {
    return types.size();
  }

  public boolean isKnownType(String type) {
    return types.containsKey(type);
  }

  public Optional<ResourceType> type(String type) {
    return Optional.ofNullable(types.get(type));
  }

  /** True when {@code type} is known and has a property named exactly {@code property}. */
  public boolean isKnownProperty(String type, String property) {
    ResourceType t = types.get(type);
    return t != null && t.properties().containsKey(property);
  }

  public Optional<Property> property(String type, String property) {
    ResourceType t = types.get(type);
    return t == null ? Optional.empty() : Optional.ofNullable(t.properties().get(property));
  }

  /** True when AWS marks the type as holding data (a database, a bucket, a file system...). */
  public boolean isStateful(String type) {
    ResourceType t = types.get(type);
    return t != null && t.stateful();
  }

  /** The valid {@code Fn::GetAtt} names of a type, sorted; empty for an unknown type. */
  public List<String> attributes(String type) {
    ResourceType t = types.get(type);
    return t == null ? List.of() : t.attributes();
  }
}
