package io.spofscan.parsers.yaml;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import java.util.List;
import java.util.Optional;

/**
 * What the tree builders read from one YAML or JSON stream: its documents (empty and comment-only ones left out),
 * the notes a format may turn into diagnostics (duplicate keys, aliases, merge keys), and the error that stopped
 * the read, if any. Documents read before an error are kept.
 */
public record ParsedDocuments(List<Document> documents, List<Note> notes, Optional<Diagnostic> error) {

  public ParsedDocuments {
    documents = List.copyOf(documents);
    notes = List.copyOf(notes);
  }

  /** One document of a stream: its root value and where its content starts. */
  public record Document(Value root, SourceRange start) {}

  /** Something legal in YAML/JSON that a format may reject or warn about. */
  public record Note(NoteKind kind, SourceRange at, String detail) {}

  public enum NoteKind {
    /** A mapping key written twice; the last value was kept. */
    DUPLICATE_KEY,
    /** An alias {@code *name}; it was expanded. */
    ALIAS,
    /** A merge key {@code <<}; it was applied. */
    MERGE_KEY,
    /** A local tag that is not a CloudFormation intrinsic; the value under it was kept. */
    UNKNOWN_TAG,
    /** A mapping key that is itself a mapping or sequence (often an unrendered {@code {{ template }}}). */
    COMPLEX_KEY
  }

  public boolean failed() {
    return error.isPresent();
  }
}
