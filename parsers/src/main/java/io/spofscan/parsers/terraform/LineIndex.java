package io.spofscan.parsers.terraform;

import io.spofscan.core.model.SourceRange;
import java.util.Arrays;

/**
 * Turns character offsets of a source text into 1-based lines and columns (UTF-16 code units). Only LF ends a line,
 * as in HCL (a CR before it belongs to the line).
 */
final class LineIndex {
  private final String path;
  private final int[] lineStarts;

  LineIndex(String path, String text) {
    this.path = path;
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
  }

  String path() {
    return path;
  }

  int line(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  int column(int offset) {
    return offset - lineStarts[line(offset) - 1] + 1;
  }

  SourceRange at(int offset) {
    return SourceRange.at(path, line(offset), column(offset));
  }

  int lineStart(int line) {
    return lineStarts[Math.max(0, Math.min(line - 1, lineStarts.length - 1))];
  }
}
