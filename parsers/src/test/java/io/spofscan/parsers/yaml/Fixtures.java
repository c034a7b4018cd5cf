package io.spofscan.parsers.yaml;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.scan.FileWalker;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.parsers.documents.DocumentParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads fixture folders under testdata/parsers the way a scan does. */
public final class Fixtures {
  private Fixtures() {}

  public static Path dir(String relative) {
    String base = System.getProperty("spofscan.testdata", "../testdata");
    return Path.of(base, "parsers").resolve(relative);
  }

  public static Model parse(String relative) {
    return parse(relative, ScanOptions.defaults());
  }

  public static Model parse(String relative, ScanOptions options) {
    return parse(dir(relative), options);
  }

  public static Model parse(Path dir, ScanOptions options) {
    try {
      // files are named from the fixture's parent folder: "intrinsics/short-form.yaml"
      FileWalker.Result walked = new FileWalker(dir.getParent()).walk(List.of(dir));
      return new DocumentParser(options).parse(walked.files());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ScanOptions withParameters(Map<String, String> cfnParameters) {
    return new ScanOptions(Map.of(), List.of(), Map.of(), cfnParameters, "default",
        ScanOptions.DEFAULT_MAX_FILE_BYTES);
  }

  public static Resource resource(Model model, String address) {
    return model.resources().stream().filter(r -> r.address().equals(address)).findFirst()
        .orElseThrow(() -> new AssertionError("no resource " + address + " in " + addresses(model)));
  }

  public static List<String> addresses(Model model) {
    return model.resources().stream().map(Resource::address).collect(Collectors.toList());
  }

  public static String diagnostics(Model model) {
    return model.diagnostics().stream().map(d -> d.level() + " " + d.location() + " " + d.message())
        .collect(Collectors.joining("\n"));
  }

  /** Debug form of a value: scalars, unknown reasons and line:column of every node. */
  public static String dump(Value v) {
    StringBuilder out = new StringBuilder();
    dump(v, "", out);
    return out.toString();
  }

  private static void dump(Value v, String indent, StringBuilder out) {
    String at = v.location().map(r -> "@" + r.line() + ":" + r.column()).orElse("");
    if (v instanceof Value.MapValue m) {
      out.append("{").append(at).append("\n");
      m.entries().forEach((k, val) -> {
        out.append(indent).append("  ").append(k).append(": ");
        dump(val, indent + "  ", out);
      });
      out.append(indent).append("}\n");
    } else if (v instanceof Value.ListValue l) {
      out.append("[").append(at).append("\n");
      l.items().forEach(i -> {
        out.append(indent).append("  - ");
        dump(i, indent + "  ", out);
      });
      out.append(indent).append("]\n");
    } else if (v instanceof Value.Scalar s) {
      out.append(s.value() == null ? "null" : s.value().getClass().getSimpleName() + "(" + s.value() + ")")
          .append(at).append("\n");
    } else {
      out.append(v.describe()).append(at).append("\n");
    }
  }

  public static List<Diagnostic> errors(Model model) {
    return model.diagnostics().stream().filter(d -> d.level() == Diagnostic.Level.ERROR).toList();
  }
}
