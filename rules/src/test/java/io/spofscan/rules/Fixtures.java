package io.spofscan.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The rule fixtures under testdata/&lt;format&gt;/&lt;RULE-ID&gt;/ and the findings their markers expect. */
final class Fixtures {
  private Fixtures() {}

  static final List<String> FORMATS = List.of("terraform", "cloudformation", "kubernetes");

  private static final Pattern MARKER =
      Pattern.compile("#\\s*expect(-unknown)?:\\s*(SPOF-[A-Z0-9]+-\\d{3}(?:\\s*,\\s*SPOF-[A-Z0-9]+-\\d{3})*)");

  static Path root() {
    String prop = System.getProperty("spofscan.testdata");
    if (prop == null || prop.isBlank()) {
      throw new IllegalStateException("system property spofscan.testdata is not set (surefire sets it)");
    }
    return Path.of(prop);
  }

  /** One fixture file: its format folder, the rule folder it sits in, and the file. */
  record Case(String format, String ruleId, Path file) {
    String displayPath() {
      return root().relativize(file).toString().replace('\\', '/');
    }

    boolean isJson() {
      return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    @Override
    public String toString() {
      return displayPath();
    }
  }

  static List<Case> all() {
    List<Case> out = new ArrayList<>();
    for (String format : FORMATS) {
      Path dir = root().resolve(format);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      for (Path ruleDir : list(dir)) {
        if (!Files.isDirectory(ruleDir)) {
          continue;
        }
        for (Path f : list(ruleDir)) {
          if (Files.isRegularFile(f) && !f.getFileName().toString().endsWith(".expect")) {
            out.add(new Case(format, ruleDir.getFileName().toString(), f));
          }
        }
      }
    }
    return out;
  }

  static List<Case> ofFormat(String format) {
    return all().stream().filter(c -> c.format().equals(format)).toList();
  }

  /** Expected findings as sorted "LINE RULE-ID" or "LINE RULE-ID unknown" strings. */
  static List<String> expected(Case c) {
    List<String> out = new ArrayList<>();
    if (c.isJson()) {
      Path sidecar = c.file().resolveSibling(c.file().getFileName() + ".expect");
      if (Files.exists(sidecar)) {
        for (String line : read(sidecar).split("\n")) {
          String t = line.strip();
          if (!t.isEmpty() && !t.startsWith("#")) {
            out.add(String.join(" ", t.split("\\s+")));
          }
        }
      }
    } else {
      String[] lines = read(c.file()).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher m = MARKER.matcher(lines[i]);
        while (m.find()) {
          for (String id : m.group(2).split("\\s*,\\s*")) {
            out.add((i + 1) + " " + id + (m.group(1) != null ? " unknown" : ""));
          }
        }
      }
    }
    out.sort(null);
    return out;
  }

  static String read(Path p) {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
