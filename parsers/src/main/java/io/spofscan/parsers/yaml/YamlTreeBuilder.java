package io.spofscan.parsers.yaml;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.parsers.yaml.ParsedDocuments.Document;
import io.spofscan.parsers.yaml.ParsedDocuments.Note;
import io.spofscan.parsers.yaml.ParsedDocuments.NoteKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Builds located {@link Value} trees from a YAML stream (all documents) by reading SnakeYAML's event stream
 * directly: every node keeps its line and column, short-form CloudFormation tags ({@code !Ref X},
 * {@code !GetAtt A.B}, on scalars, sequences and mappings) become the long-form intrinsic objects, aliases and
 * {@code <<} merge keys are expanded within a bound on the nodes they add, and duplicate keys keep the last value.
 * Everything a format may object to is recorded as a {@link Note}. Scalars follow YAML 1.1 (what CloudFormation and
 * Kubernetes' YAML libraries implement): {@code yes}/{@code on} are booleans.
 */
public final class YamlTreeBuilder {
  /** Short-form tags CloudFormation accepts, as {@code !Name} for {@code Fn::Name}. */
  static final Set<String> FUNCTION_TAGS = Set.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue",
      "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "Length", "ToJsonString",
      "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll", "ForEach");

  private static final String STANDARD_TAG = "tag:yaml.org,2002:";

  private final String path;
  private final String text;
  private final ParseLimits limits;
  private final LineIndex lines;
  private final Resolver resolver = new Resolver();
  private final Map<String, Anchored> anchors = new HashMap<>();
  private final List<Note> notes = new ArrayList<>();
  private long nodes;
  private long expanded;
  private ParserImpl parser;

  private record Anchored(Value value, long size) {}

  /** A problem found while building, located at a parser mark. */
  private static final class BuildFailure extends RuntimeException {
    private final transient Mark mark;

    BuildFailure(String message, Mark mark) {
      super(message, null, false, false);
      this.mark = mark;
    }
  }

  public YamlTreeBuilder(String path, String text, ParseLimits limits) {
    this.path = path;
    this.text = text;
    this.limits = limits;
    this.lines = new LineIndex(text);
  }

  public ParsedDocuments read() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(limits.maxChars(), 1024)));
    options.setAllowDuplicateKeys(true);
    options.setProcessComments(false);
    List<Document> documents = new ArrayList<>();
    Diagnostic error = null;
    try {
      parser = new ParserImpl(new StreamReader(text), options);
      parser.getEvent(); // stream start
      while (!parser.checkEvent(Event.ID.StreamEnd)) {
        parser.getEvent(); // document start
        anchors.clear();
        Event first = parser.peekEvent();
        SourceRange start = range(first.getStartMark(), null);
        Value root = node(0, null);
        parser.getEvent(); // document end
        boolean empty = root instanceof Value.Scalar s && s.value() == null;
        if (!empty) {
          documents.add(new Document(root, start));
        }
      }
    } catch (BuildFailure e) {
      error = Diagnostic.error(range(e.mark, null), e.getMessage());
    } catch (MarkedYAMLException e) {
      Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : "syntax error";
      String context = e.getContext() != null ? " " + e.getContext() : "";
      error = Diagnostic.error(at == null ? SourceRange.at(path, 1, 1) : range(at, null),
          "YAML syntax error: " + oneLine(problem + context));
    } catch (ReaderException e) {
      int[] lc = lines.lineAndColumnOfCodePoint(e.getPosition());
      error = Diagnostic.error(SourceRange.at(path, lc[0], lc[1]),
          String.format(Locale.ROOT, "not a text file: control character U+%04X is not allowed in YAML",
              e.getCodePoint()));
    } catch (YAMLException e) {
      error = Diagnostic.error(SourceRange.at(path, 1, 1), "YAML error: " + oneLine(String.valueOf(e.getMessage())));
    } catch (StackOverflowError e) {
      error = Diagnostic.error(SourceRange.at(path, 1, 1), "YAML nesting too deep to read");
    }
    return new ParsedDocuments(documents, notes, Optional.ofNullable(error));
  }

  private Value node(int depth, SourceRange keyAt) {
    if (depth > limits.maxDepth()) {
      throw new BuildFailure("nesting deeper than " + limits.maxDepth() + " levels", parser.peekEvent().getStartMark());
    }
    Event e = parser.getEvent();
    SourceRange own = range(e.getStartMark(), e.getEndMark());
    SourceRange at = keyAt != null ? keyAt : own;
    if (e instanceof AliasEvent alias) {
      return alias(alias, at);
    }
    long before = nodes;
    nodes++;
    String tag = e instanceof ScalarEvent s ? s.getTag() : e instanceof CollectionStartEvent c ? c.getTag() : null;
    boolean localTag = tag != null && tag.startsWith("!") && !tag.startsWith("!!");
    // an intrinsic's operand sits at the tag, the intrinsic itself where the node is used
    SourceRange buildAt = localTag ? own : at;
    Value built;
    if (e instanceof ScalarEvent s) {
      built = scalar(s, tag, buildAt);
    } else if (e instanceof CollectionStartEvent) {
      built = e.is(Event.ID.SequenceStart) ? sequence(depth, buildAt) : mapping(depth, buildAt);
    } else {
      throw new BuildFailure("unexpected YAML event " + e.getEventId(), e.getStartMark());
    }
    Value result = localTag ? intrinsic(tag, built, own, at) : built;
    String anchor = ((NodeEvent) e).getAnchor();
    if (anchor != null) {
      anchors.put(anchor, new Anchored(result, nodes - before));
    }
    return result;
  }

  private Value alias(AliasEvent alias, SourceRange at) {
    Anchored target = anchors.get(alias.getAnchor());
    if (target == null) {
      throw new BuildFailure("alias *" + alias.getAnchor() + " refers to no anchor", alias.getStartMark());
    }
    notes.add(new Note(NoteKind.ALIAS, at, alias.getAnchor()));
    nodes += target.size();
    expanded += target.size();
    if (expanded > limits.maxExpandedNodes()) {
      throw new BuildFailure("aliases expand to more than " + limits.maxExpandedNodes()
          + " nodes (alias bomb?): not read", alias.getStartMark());
    }
    return Values.relocate(target.value(), at);
  }

  private Value sequence(int depth, SourceRange own) {
    List<Value> items = new ArrayList<>();
    while (!parser.checkEvent(Event.ID.SequenceEnd)) {
      items.add(node(depth + 1, null));
    }
    parser.getEvent();
    return new Value.ListValue(items, own);
  }

  private Value mapping(int depth, SourceRange own) {
    Map<String, Value> entries = new LinkedHashMap<>();
    List<Value> merges = new ArrayList<>();
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      Event keyEvent = parser.peekEvent();
      SourceRange keyAt = range(keyEvent.getStartMark(), keyEvent.getEndMark());
      String key;
      if (keyEvent instanceof ScalarEvent k) {
        parser.getEvent();
        nodes++;
        if (k.getAnchor() != null) {
          anchors.put(k.getAnchor(), new Anchored(Value.of(k.getValue(), keyAt), 1));
        }
        if (k.isPlain() && "<<".equals(k.getValue()) && k.getTag() == null) {
          notes.add(new Note(NoteKind.MERGE_KEY, keyAt, "<<"));
          merges.add(node(depth + 1, keyAt));
          continue;
        }
        key = k.getValue();
      } else {
        Value complex = node(depth + 1, keyAt);
        key = complex.asString().orElse(complex.describe());
        if (!(complex instanceof Value.Scalar)) {
          notes.add(new Note(NoteKind.COMPLEX_KEY, keyAt, lineText(keyAt.line()).contains("{{") ? "{{" : ""));
        }
      }
      Value value = node(depth + 1, keyAt);
      if (entries.containsKey(key)) {
        notes.add(new Note(NoteKind.DUPLICATE_KEY, keyAt, key));
        entries.remove(key);
      }
      entries.put(key, value);
    }
    parser.getEvent();
    if (merges.isEmpty()) {
      return new Value.MapValue(entries, own);
    }
    Map<String, Value> merged = new LinkedHashMap<>();
    for (Value source : merges) {
      for (Value item : source instanceof Value.ListValue l ? l.items() : List.of(source)) {
        if (!(item instanceof Value.MapValue m)) {
          throw new BuildFailure("merge key << needs a mapping or a list of mappings", null);
        }
        m.entries().forEach(merged::putIfAbsent);
      }
    }
    merged.keySet().removeAll(entries.keySet());
    merged.putAll(entries);
    return new Value.MapValue(merged, own);
  }

  private Value scalar(ScalarEvent s, String tag, SourceRange at) {
    String v = s.getValue();
    Tag resolved;
    if (tag == null || tag.equals("!") || (tag.startsWith("!") && !tag.startsWith("!!"))) {
      boolean implicit = s.isPlain() && (tag == null || !tag.equals("!"));
      resolved = implicit ? resolver.resolve(NodeId.scalar, v, true) : Tag.STR;
    } else {
      resolved = new Tag(tag);
    }
    if (resolved.equals(Tag.NULL)) {
      return Value.of(null, at);
    }
    if (resolved.equals(Tag.BOOL)) {
      String lower = v.toLowerCase(Locale.ROOT);
      return Value.of(lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y"), at);
    }
    if (resolved.equals(Tag.INT) || resolved.equals(Tag.FLOAT)) {
      return Values.number(v, at);
    }
    return Value.of(v, at);
  }

  /** A short-form tag as the long form: {@code !Ref X} is {@code {Ref: X}}, {@code !Sub s} is {@code {Fn::Sub: s}}. */
  private Value intrinsic(String tag, Value operand, SourceRange own, SourceRange at) {
    String name = tag.substring(1);
    Value arg = operand instanceof Value.Scalar s && s.value() == null ? Value.of("", own) : operand;
    String key;
    if (name.equals("Ref") || name.equals("Condition")) {
      key = name;
    } else if (FUNCTION_TAGS.contains(name)) {
      key = "Fn::" + name;
      if (name.equals("GetAtt") && arg instanceof Value.Scalar s && s.value() instanceof String str) {
        int dot = str.indexOf('.');
        if (dot > 0) {
          arg = new Value.ListValue(List.of(Value.of(str.substring(0, dot), own), Value.of(str.substring(dot + 1), own)),
              own);
        }
      }
    } else if (name.startsWith("Rain::")) {
      // Rain directives (!Rain::Module, !Rain::Embed) have a JSON form {"Rain::Module": ...}: keep that shape
      notes.add(new Note(NoteKind.UNKNOWN_TAG, at, tag));
      key = name;
    } else {
      notes.add(new Note(NoteKind.UNKNOWN_TAG, at, tag));
      return Values.relocate(operand, at);
    }
    return new Value.MapValue(Map.of(key, Values.relocate(arg, own)), at);
  }

  private SourceRange range(Mark start, Mark end) {
    if (start == null) {
      return SourceRange.at(path, 1, 1);
    }
    int line = start.getLine() + 1;
    int column = lines.utf16Column(start.getLine(), start.getColumn());
    if (end == null || end.getLine() < start.getLine()) {
      return SourceRange.at(path, line, column);
    }
    return new SourceRange(path, line, column, end.getLine() + 1, lines.utf16Column(end.getLine(), end.getColumn()));
  }

  private String lineText(int line1) {
    return lines.lineText(line1 - 1);
  }

  static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }
}
