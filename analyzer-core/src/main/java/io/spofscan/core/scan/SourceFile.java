package io.spofscan.core.scan;

import java.nio.file.Path;

/**
 * A file to scan.
 *
 * @param file where to read it
 * @param displayPath how findings name it: relative to the repository root with '/' separators
 * @param root the scan root it was found under; nothing outside it may be read on its behalf
 */
public record SourceFile(Path file, String displayPath, Path root) {

  public String fileName() {
    Path name = file.getFileName();
    return name == null ? displayPath : name.toString();
  }
}
