package io.spofscan.parsers.yaml;

import java.util.Arrays;

/**
 * Line starts of a text, to turn a parser's code-point columns into the UTF-16 columns SARIF expects, and a
 * code-point offset into a line. Only texts with characters outside the Basic Multilingual Plane need the walk.
 */
final class LineIndex {
  private final String text;
  private final int[] lineStarts;
  private final boolean hasAstral;

  LineIndex(String text) {
    this.text = text;
    int[] starts = new int[16];
    int count = 1;
    boolean astral = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        astral = true;
      }
      boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
      if (lineBreak) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
    this.hasAstral = astral;
  }

  /** 1-based UTF-16 column of a 0-based line and 0-based code-point column. */
  int utf16Column(int line0, int codePointColumn0) {
    if (!hasAstral || line0 < 0 || line0 >= lineStarts.length) {
      return codePointColumn0 + 1;
    }
    int offset = lineStarts[line0];
    int units = 0;
    for (int cp = 0; cp < codePointColumn0 && offset + units < text.length(); cp++) {
      units += Character.charCount(text.codePointAt(offset + units));
    }
    return units + 1;
  }

  /** 1-based line and column of a 0-based code-point offset in the whole text. */
  int[] lineAndColumnOfCodePoint(int codePointOffset) {
    int utf16 = hasAstral ? text.offsetByCodePoints(0, Math.min(codePointOffset, text.codePointCount(0, text.length())))
        : Math.min(codePointOffset, text.length());
    int line = Arrays.binarySearch(lineStarts, utf16);
    if (line < 0) {
      line = -line - 2;
    }
    return new int[] {line + 1, utf16 - lineStarts[line] + 1};
  }

  /** The text of a 0-based line, without its line break. */
  String lineText(int line0) {
    if (line0 < 0 || line0 >= lineStarts.length) {
      return "";
    }
    int end = line0 + 1 < lineStarts.length ? lineStarts[line0 + 1] : text.length();
    while (end > lineStarts[line0] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(lineStarts[line0], end);
  }

  int lineCount() {
    return lineStarts.length;
  }
}
