package io.spofscan.cli.lsp;

import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.Parsers;
import io.spofscan.parsers.ci.CiPipelineParser;
import io.spofscan.parsers.codeowners.CodeownersParser;
import io.spofscan.parsers.sql.MigrationFiles;
import io.spofscan.parsers.terraform.TerraformPlanParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workspace's files cut into units that parse independently, so one edit re-parses one unit: the Terraform
 * directories that call each other as local modules (one module tree is evaluated as a whole), one YAML/JSON
 * document file, one plan, one folder of SQL migrations (their order matters), one CI definition. CODEOWNERS files
 * are no unit: they are judged over the merged model.
 */
final class Units {
  enum Kind { TERRAFORM, DOCUMENT, PLAN, SQL, CI }

  /** One unit; equal units (same kind, same files) share a cached model. */
  record Unit(Kind kind, List<SourceFile> files) {
    Unit {
      files = List.copyOf(files);
    }

    String first() {
      return files.get(0).displayPath();
    }
  }

  /** The partition of one file list. */
  record Partition(List<Unit> units, List<SourceFile> terraform, List<SourceFile> codeowners,
      Map<Path, Unit> unitOf) {}

  /** A local module source in HCL ({@code source = "../x"}) or in .tf.json ({@code "source": "./x"}). */
  private static final Pattern LOCAL_SOURCE = Pattern.compile("\"?source\"?\\s*[=:]\\s*\"(\\.{1,2}/[^\"]*)\"");

  private Units() {}

  /**
   * @param text a file's current text (the editor's, else the disk's), null when unreadable
   */
  static Partition of(List<SourceFile> files, Function<SourceFile, String> text) {
    List<SourceFile> terraform = new ArrayList<>();
    List<SourceFile> codeowners = new ArrayList<>();
    List<Unit> units = new ArrayList<>();
    Map<String, List<SourceFile>> sqlDirs = new TreeMap<>();
    Set<String> chartDirs = new HashSet<>();
    for (SourceFile f : files) {
      if (f.fileName().equals("Chart.yaml") || f.fileName().equals("Chart.yml")) {
        chartDirs.add(parentOf(f.displayPath()));
      }
    }
    for (SourceFile f : files) {
      if (CodeownersParser.isCodeowners(f.displayPath())) {
        codeowners.add(f);
      } else if (CiPipelineParser.isCiDefinition(f.displayPath())) {
        units.add(new Unit(Kind.CI, List.of(f)));
      } else if (Parsers.isTerraformSource(f.fileName())) {
        terraform.add(f);
      } else if (MigrationFiles.isSqlFile(f.fileName())) {
        sqlDirs.computeIfAbsent(parentOf(f.displayPath()), d -> new ArrayList<>()).add(f);
      } else if (isPlan(f)) {
        units.add(new Unit(Kind.PLAN, List.of(f)));
      } else if (!insideChartTemplates(f.displayPath(), chartDirs)) {
        units.add(new Unit(Kind.DOCUMENT, List.of(f)));
      }
    }
    sqlDirs.values().forEach(dir -> units.add(new Unit(Kind.SQL, dir)));
    units.addAll(terraformTrees(terraform, text));
    units.sort(Comparator.comparing(Unit::first));
    Map<Path, Unit> unitOf = new HashMap<>();
    for (Unit u : units) {
      u.files().forEach(f -> unitOf.put(absolute(f.file()), u));
    }
    return new Partition(List.copyOf(units), List.copyOf(terraform), List.copyOf(codeowners), unitOf);
  }

  /** Directories joined by local module calls (either way), each group one unit. */
  private static List<Unit> terraformTrees(List<SourceFile> terraform, Function<SourceFile, String> text) {
    Map<Path, List<SourceFile>> dirs = new LinkedHashMap<>();
    for (SourceFile f : terraform) {
      dirs.computeIfAbsent(absolute(f.file()).getParent(), d -> new ArrayList<>()).add(f);
    }
    Map<Path, Path> parent = new HashMap<>();
    dirs.keySet().forEach(d -> parent.put(d, d));
    for (SourceFile f : terraform) {
      String lower = f.fileName().toLowerCase(Locale.ROOT);
      if (!(lower.endsWith(".tf") || lower.endsWith(".tf.json"))) {
        continue;
      }
      String t = text.apply(f);
      if (t == null || !t.contains("source")) {
        continue;
      }
      Path dir = absolute(f.file()).getParent();
      Matcher m = LOCAL_SOURCE.matcher(t);
      while (m.find()) {
        Path target = dir.resolve(m.group(1)).normalize();
        if (dirs.containsKey(target)) {
          parent.put(find(parent, dir), find(parent, target));
        }
      }
    }
    Map<Path, List<SourceFile>> groups = new LinkedHashMap<>();
    dirs.forEach((d, fs) -> groups.computeIfAbsent(find(parent, d), r -> new ArrayList<>()).addAll(fs));
    List<Unit> out = new ArrayList<>();
    for (List<SourceFile> g : groups.values()) {
      g.sort(Comparator.comparing(SourceFile::displayPath));
      out.add(new Unit(Kind.TERRAFORM, g));
    }
    return out;
  }

  private static Path find(Map<Path, Path> parent, Path p) {
    Path root = p;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    parent.put(p, root);
    return root;
  }

  static Path absolute(Path p) {
    return p.toAbsolutePath().normalize();
  }

  /** A .json file whose first bytes look like {@code terraform show -json} output (as the scan tells them). */
  private static boolean isPlan(SourceFile f) {
    if (!f.fileName().toLowerCase(Locale.ROOT).endsWith(".json")) {
      return false;
    }
    try (InputStream in = Files.newInputStream(f.file())) {
      return TerraformPlanParser.looksLikePlan(new String(in.readNBytes(4096), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return false;
    }
  }

  /** Helm templates are not YAML until rendered: the scan skips them, and so does the editor server. */
  private static boolean insideChartTemplates(String displayPath, Set<String> chartDirs) {
    for (String chart : chartDirs) {
      if (displayPath.startsWith(chart.isEmpty() ? "templates/" : chart + "/templates/")) {
        return true;
      }
    }
    return false;
  }

  private static String parentOf(String displayPath) {
    int slash = displayPath.lastIndexOf('/');
    return slash < 0 ? "" : displayPath.substring(0, slash);
  }
}
