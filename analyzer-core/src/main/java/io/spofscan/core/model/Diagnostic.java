package io.spofscan.core.model;

import java.util.Comparator;

/**
 * Something the scan could not do fully for one file: a parse error (ERROR), a degraded parse or a value it could
 * not follow (WARNING), or a skipped input worth knowing about (INFO). Never a stack trace.
 */
public record Diagnostic(Level level, SourceRange location, String message) implements Comparable<Diagnostic> {

  public enum Level { ERROR, WARNING, INFO }

  private static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::location)
      .thenComparing(Diagnostic::level)
      .thenComparing(Diagnostic::message);

  public static Diagnostic error(SourceRange at, String message) {
    return new Diagnostic(Level.ERROR, at, message);
  }

  public static Diagnostic warning(SourceRange at, String message) {
    return new Diagnostic(Level.WARNING, at, message);
  }

  public static Diagnostic info(SourceRange at, String message) {
    return new Diagnostic(Level.INFO, at, message);
  }

  @Override
  public int compareTo(Diagnostic o) {
    return ORDER.compare(this, o);
  }
}
