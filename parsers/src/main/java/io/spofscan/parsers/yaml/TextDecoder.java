package io.spofscan.parsers.yaml;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.scan.Failures;
import io.spofscan.core.scan.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * Turns a file's bytes into text the way YAML and JSON readers expect: UTF-8 (a BOM is dropped), or UTF-16 when
 * a UTF-16 BOM says so (read, with a warning: CloudFormation and kubectl expect UTF-8). Invalid UTF-8 and binary
 * content (NUL bytes) are reported with their line instead of being read as garbage.
 */
public final class TextDecoder {
  private TextDecoder() {}

  /** The text, or the reason there is none; {@code warning} is set when the text was read but is unusual. */
  public record Decoded(Optional<String> text, Optional<Diagnostic> error, Optional<Diagnostic> warning) {}

  /**
   * Reads a scanned file as text, at most {@code maxBytes} of it: a larger file, an unreadable one or one that is
   * not text becomes a diagnostic and an empty result.
   */
  public static Optional<String> read(SourceFile f, long maxBytes, List<Diagnostic> diagnostics) {
    SourceRange top = SourceRange.at(f.displayPath(), 1, 1);
    byte[] bytes;
    try {
      long size = Files.size(f.file());
      if (size > maxBytes) {
        diagnostics.add(Diagnostic.warning(top, "file larger than " + maxBytes + " bytes: skipped"));
        return Optional.empty();
      }
      try (InputStream in = Files.newInputStream(f.file())) {
        bytes = in.readNBytes((int) Math.min(size, maxBytes));
      }
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(top, "cannot read: " + Failures.describe(e)));
      return Optional.empty();
    }
    Decoded decoded = decode(f.displayPath(), bytes);
    decoded.error().ifPresent(diagnostics::add);
    decoded.warning().ifPresent(diagnostics::add);
    return decoded.text();
  }

  public static Decoded decode(String path, byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return utf16(path, bytes, "UTF-16LE");
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return utf16(path, bytes, "UTF-16BE");
    }
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
        ? 3 : 0;
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return new Decoded(Optional.empty(), Optional.of(Diagnostic.error(SourceRange.at(path, lineAt(bytes, i), 1),
            "binary content (NUL byte at offset " + i + "): not a YAML or JSON text file")), Optional.empty());
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      CharBuffer out = decoder.decode(in);
      return new Decoded(Optional.of(out.toString()), Optional.empty(), Optional.empty());
    } catch (MalformedInputException e) {
      int offset = in.position();
      return invalid(path, bytes, offset);
    } catch (CharacterCodingException e) {
      return invalid(path, bytes, in.position());
    }
  }

  private static Decoded invalid(String path, byte[] bytes, int offset) {
    int bad = firstInvalidUtf8(bytes, offset);
    return new Decoded(Optional.empty(), Optional.of(Diagnostic.error(SourceRange.at(path, lineAt(bytes, bad), 1),
        "not valid UTF-8 (byte 0x" + Integer.toHexString(bytes[Math.min(bad, bytes.length - 1)] & 0xFF)
            + " at offset " + bad + "): save the file as UTF-8")), Optional.empty());
  }

  private static Decoded utf16(String path, byte[] bytes, String charset) {
    String text = new String(bytes, 2, bytes.length - 2, java.nio.charset.Charset.forName(charset));
    return new Decoded(Optional.of(text), Optional.empty(), Optional.of(Diagnostic.warning(SourceRange.at(path, 1, 1),
        "file is " + charset.replace("LE", "").replace("BE", "") + " encoded: read it, but CloudFormation and kubectl"
            + " expect UTF-8")));
  }

  /** The offset of the first byte that does not start a valid UTF-8 sequence (decoders report lazily). */
  private static int firstInvalidUtf8(byte[] b, int from) {
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      int n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
      if (n < 0) {
        return i;
      }
      for (int k = 1; k <= n; k++) {
        if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += n + 1;
    }
    return Math.min(from, Math.max(0, b.length - 1));
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
