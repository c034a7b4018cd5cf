package io.spofscan.parsers.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.parsers.yaml.ParsedDocuments.Document;
import io.spofscan.parsers.yaml.ParsedDocuments.Note;
import io.spofscan.parsers.yaml.ParsedDocuments.NoteKind;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a located {@link Value} tree from one JSON document with Jackson's streaming parser, read from a Reader so
 * columns count UTF-16 units. Duplicate keys keep the last value and are noted; content after the document is an
 * error. Nesting and length are bounded by {@link StreamReadConstraints}.
 */
public final class JsonTreeBuilder {
  private final String path;
  private final String text;
  private final ParseLimits limits;
  private final List<Note> notes = new ArrayList<>();

  public JsonTreeBuilder(String path, String text, ParseLimits limits) {
    this.path = path;
    this.text = text;
    this.limits = limits;
  }

  public ParsedDocuments read() {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth())
            .maxDocumentLength(limits.maxChars())
            .maxStringLength((int) Math.min(Integer.MAX_VALUE, Math.max(limits.maxChars(), 1024)))
            .build())
        .build();
    List<Document> documents = new ArrayList<>();
    try (JsonParser p = factory.createParser(new StringReader(text))) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return new ParsedDocuments(documents, notes, Optional.empty());
      }
      SourceRange start = at(p.currentTokenLocation(), null);
      Value root = node(p, null);
      documents.add(new Document(root, start));
      if (p.nextToken() != null) {
        return new ParsedDocuments(documents, notes, Optional.of(Diagnostic.error(at(p.currentTokenLocation(), null),
            "JSON error: unexpected content after the end of the document")));
      }
      return new ParsedDocuments(documents, notes, Optional.empty());
    } catch (StreamConstraintsException e) {
      return failed(documents, e, "JSON limit exceeded: ");
    } catch (JsonProcessingException e) {
      return failed(documents, e, "JSON syntax error: ");
    } catch (IOException e) {
      return new ParsedDocuments(documents, notes,
          Optional.of(Diagnostic.error(SourceRange.at(path, 1, 1), "cannot read JSON: " + e.getMessage())));
    }
  }

  private ParsedDocuments failed(List<Document> documents, JsonProcessingException e, String prefix) {
    JsonLocation loc = e.getLocation();
    SourceRange where = loc == null ? SourceRange.at(path, 1, 1) : at(loc, null);
    return new ParsedDocuments(documents, notes,
        Optional.of(Diagnostic.error(where, prefix + YamlTreeBuilder.oneLine(e.getOriginalMessage()))));
  }

  private Value node(JsonParser p, SourceRange keyAt) throws IOException {
    SourceRange own = at(p.currentTokenLocation(), null);
    SourceRange where = keyAt != null ? keyAt : own;
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Value> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonLocation keyStart = p.currentTokenLocation();
          SourceRange keyRange = new SourceRange(path, keyStart.getLineNr(), keyStart.getColumnNr(),
              keyStart.getLineNr(), keyStart.getColumnNr() + key.length() + 2);
          p.nextToken();
          Value v = node(p, keyRange);
          if (entries.containsKey(key)) {
            notes.add(new Note(NoteKind.DUPLICATE_KEY, keyRange, key));
            entries.remove(key);
          }
          entries.put(key, v);
        }
        return new Value.MapValue(entries, where);
      }
      case START_ARRAY: {
        List<Value> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(node(p, null));
        }
        return new Value.ListValue(items, where);
      }
      case VALUE_STRING:
        return Value.of(p.getText(), where);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return Values.number(p.getText(), where);
      case VALUE_TRUE:
        return Value.of(Boolean.TRUE, where);
      case VALUE_FALSE:
        return Value.of(Boolean.FALSE, where);
      case VALUE_NULL:
        return Value.of(null, where);
      default:
        throw new JsonProcessingException("unexpected token " + t, p.currentTokenLocation()) {};
    }
  }

  private SourceRange at(JsonLocation loc, SourceRange fallback) {
    if (loc == null || loc.getLineNr() < 1) {
      return fallback != null ? fallback : SourceRange.at(path, 1, 1);
    }
    return SourceRange.at(path, loc.getLineNr(), Math.max(1, loc.getColumnNr()));
  }
}
