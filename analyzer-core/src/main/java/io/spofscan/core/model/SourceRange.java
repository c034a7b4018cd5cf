package io.spofscan.core.model;

import java.util.Comparator;

/**
 * A place in a scanned file. {@code path} is relative to the scan root with '/' separators; lines and columns are
 * 1-based (never 0), columns count UTF-16 code units as SARIF does by default. An end of 0 means "unknown end".
 */
public record SourceRange(String path, int line, int column, int endLine, int endColumn)
    implements Comparable<SourceRange> {

  private static final Comparator<SourceRange> ORDER = Comparator.comparing(SourceRange::path)
      .thenComparingInt(SourceRange::line)
      .thenComparingInt(SourceRange::column);

  public SourceRange {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("a source range needs a path");
    }
    line = Math.max(1, line);
    column = Math.max(1, column);
    endLine = Math.max(0, endLine);
    endColumn = Math.max(0, endColumn);
  }

  public static SourceRange at(String path, int line, int column) {
    return new SourceRange(path, line, column, 0, 0);
  }

  public SourceRange withEnd(int newEndLine, int newEndColumn) {
    return new SourceRange(path, line, column, newEndLine, newEndColumn);
  }

  public boolean hasEnd() {
    return endLine >= line && endColumn >= 1;
  }

  @Override
  public int compareTo(SourceRange other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return path + ":" + line + ":" + column;
  }
}
