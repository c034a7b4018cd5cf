package io.spofscan.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The rule fixtures under testdata/&lt;format&gt;/&lt;RULE-ID&gt;/ and the findings their markers expect. */
final class Fixtures {
  private Fixtures() {}

  /** Fixture folders of cross-rule behaviour (every rule runs over them), each with its own test. */
  static final java.util.Set<String> NOT_RULE_FOLDERS = java.util.Set.of("kustomize");

  static final List<String> FORMATS = List.of("terraform", "cloudformation", "kubernetes", "sql", "codeowners", "ci");

  /** {@code # expect: ID} or {@code -- expect-unknown: ID, ID}, optionally followed by a quoted key phrase. */
  private static final Pattern MARKER = Pattern.compile("(?:#|--)\\s*expect(-unknown)?:\\s*"
      + "(SPOF-[A-Z0-9]+-\\d{3}(?:\\s*,\\s*SPOF-[A-Z0-9]+-\\d{3})*)(?:\\s+\"([^\"]+)\")?");
  /** A sidecar line: {@code LINE RULE-ID [unknown] ["key phrase"]}. */
  private static final Pattern SIDECAR_LINE = Pattern.compile("(\\d+\\s+\\S+(?:\\s+unknown)?)(?:\\s+\"([^\"]+)\")?");

  static Path root() {
    String prop = System.getProperty("spofscan.testdata");
    if (prop == null || prop.isBlank()) {
      throw new IllegalStateException("system property spofscan.testdata is not set (surefire sets it)");
    }
    return Path.of(prop);
  }

  /**
   * One fixture: a file directly in a rule folder, or a sub-folder whose files are scanned together (a Terraform
   * root with its local modules, objects spread over several manifests). Markers of a folder case are compared
   * with their file's path.
   */
  record Case(String format, String ruleId, Path file) {
    String displayPath() {
      return display(file);
    }

    boolean isDirectory() {
      return Files.isDirectory(file);
    }

    /** The files scanned for this case. */
    List<Path> files() {
      if (!isDirectory()) {
        return List.of(file);
      }
      try (Stream<Path> s = Files.walk(file)) {
        return s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".expect"))
            .sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
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
        if (!Files.isDirectory(ruleDir) || NOT_RULE_FOLDERS.contains(ruleDir.getFileName().toString())) {
          continue;
        }
        for (Path f : list(ruleDir)) {
          if (Files.isDirectory(f) || !f.getFileName().toString().endsWith(".expect")) {
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

  static String display(Path p) {
    return root().relativize(p).toString().replace('\\', '/');
  }

  /**
   * One expected finding: its key ("LINE RULE-ID" or "LINE RULE-ID unknown", for a folder case prefixed with the
   * file's display path and a colon) and the phrase its message must contain, when the marker names one.
   */
  record Expected(String key, Optional<String> phrase) {}

  /** The keys of the expected findings, sorted. */
  static List<String> expected(Case c) {
    return expectedFindings(c).stream().map(Expected::key).toList();
  }

  /** The expected findings, sorted by key. */
  static List<Expected> expectedFindings(Case c) {
    if (!c.isDirectory()) {
      return expectedIn(c.file());
    }
    List<Expected> out = new ArrayList<>();
    for (Path f : c.files()) {
      expectedIn(f).forEach(e -> out.add(new Expected(display(f) + ":" + e.key(), e.phrase())));
    }
    out.sort(Comparator.comparing(Expected::key));
    return out;
  }

  private static List<Expected> expectedIn(Path file) {
    List<Expected> out = new ArrayList<>();
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
      Path sidecar = file.resolveSibling(file.getFileName() + ".expect");
      if (Files.exists(sidecar)) {
        for (String line : read(sidecar).split("\n")) {
          String t = line.strip();
          Matcher m = SIDECAR_LINE.matcher(t);
          if (!t.isEmpty() && !t.startsWith("#")) {
            if (!m.matches()) {
              throw new IllegalArgumentException(sidecar + ": not LINE RULE-ID [unknown] [\"phrase\"]: " + t);
            }
            out.add(new Expected(String.join(" ", m.group(1).split("\\s+")), Optional.ofNullable(m.group(2))));
          }
        }
      }
    } else {
      String[] lines = read(file).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher m = MARKER.matcher(lines[i]);
        while (m.find()) {
          for (String id : m.group(2).split("\\s*,\\s*")) {
            out.add(new Expected((i + 1) + " " + id + (m.group(1) != null ? " unknown" : ""),
                Optional.ofNullable(m.group(3))));
          }
        }
      }
    }
    out.sort(Comparator.comparing(Expected::key));
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
