package io.spofscan.cli.lsp;

import io.spofscan.cli.lsp.Units.Kind;
import io.spofscan.cli.lsp.Units.Partition;
import io.spofscan.cli.lsp.Units.Unit;
import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.report.ScanReport;
import io.spofscan.core.scan.Failures;
import io.spofscan.core.scan.OrderedParallel;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.core.suppress.Suppression;
import io.spofscan.core.suppress.SuppressionFinder;
import io.spofscan.parsers.ci.CiPipelineParser;
import io.spofscan.parsers.cloudformation.spec.CfnSpecValidator;
import io.spofscan.parsers.codeowners.CodeownersParser;
import io.spofscan.parsers.sql.SqlMigrationParser;
import io.spofscan.parsers.terraform.TerraformParser;
import io.spofscan.parsers.terraform.TerraformPlanParser;
import io.spofscan.parsers.documents.DocumentParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One workspace folder, scanned as {@code spofscan scan} would and kept up to date edit by edit: the model of every
 * unit (see {@link Units}) is cached; a change re-parses the changed file's unit only, with the editor's unsaved
 * text in place of the file's, then the rules, suppressions and ignores run again over the merged model. Nothing is
 * written to disk. Not thread-safe: the server calls it from one thread.
 */
final class Workspace {
  private final ScanPipeline scan;
  /** Editor buffers by absolute path: what the user sees wins over the disk. */
  private final Map<Path, String> open = new HashMap<>();
  /** Text as read (buffer or disk) by absolute path, for module calls, suppressions and ranges; dropped on change. */
  private final Map<Path, String> texts = new HashMap<>();
  private final Map<Unit, Model> models = new HashMap<>();
  private final Map<Path, List<Suppression>> comments = new HashMap<>();
  private Partition partition;
  private int lastParsedUnits;
  private ScanReport lastReport;

  Workspace(ScanPipeline scan) {
    this.scan = scan;
  }

  Path root() {
    return scan.root();
  }

  ScanPipeline scan() {
    return scan;
  }

  /** The last {@link #analyze()}'s report, null before the first. */
  ScanReport lastReport() {
    return lastReport;
  }

  /** Units re-parsed by the last {@link #analyze()}. */
  int lastParsedUnits() {
    return lastParsedUnits;
  }

  boolean contains(Path file) {
    return Units.absolute(file).startsWith(scan.root());
  }

  /** Whether {@code file} is one the scan reads (a .tf, a manifest...), as of the last walk. */
  boolean knows(Path file) {
    return partition != null && (partition.unitOf().containsKey(Units.absolute(file))
        || partition.codeowners().stream().anyMatch(f -> Units.absolute(f.file()).equals(Units.absolute(file))));
  }

  /** The editor's text of {@code file} (null: closed, the disk's text counts again). */
  void setText(Path file, String text) {
    Path abs = Units.absolute(file);
    // what the file said before this edit: an open buffer is never in the disk-text cache
    String before = open.containsKey(abs) ? open.get(abs) : texts.get(abs);
    if (text == null) {
      open.remove(abs);
    } else {
      open.put(abs, text);
    }
    changed(abs, before);
  }

  /** The file changed on disk (saved, created, deleted). */
  void changedOnDisk(Path file) {
    Path abs = Units.absolute(file);
    changed(abs, open.containsKey(abs) ? open.get(abs) : texts.get(abs));
  }

  /** @param before the text the last analysis saw, null when it read none */
  private void changed(Path abs, String before) {
    texts.remove(abs);
    comments.remove(abs);
    if (partition == null) {
      return;
    }
    Unit unit = partition.unitOf().get(abs);
    if (unit != null) {
      models.remove(unit);
      // a module call added or removed joins or splits module trees: cut the workspace again
      if (unit.kind() == Kind.TERRAFORM && !sameModuleCalls(before, text(abs))) {
        partition = null;
      }
    } else if (!knows(abs)) {
      partition = null; // a file the last walk did not see: walk again
    }
  }

  private static boolean sameModuleCalls(String before, String after) {
    return before != null && after != null && before.contains("source") == after.contains("source")
        && (!before.contains("source") || localSources(before).equals(localSources(after)));
  }

  private static Set<String> localSources(String text) {
    Set<String> out = new TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"?source\"?\\s*[=:]\\s*\"(\\.{1,2}/[^\"]*)\"")
        .matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Walks the folder again on the next analysis (files were created or deleted). */
  void rewalk() {
    partition = null;
    rewalkFiles = true;
  }

  private boolean rewalkFiles;

  /** Parses what changed since the last call and runs the analysis over the whole workspace. */
  ScanReport analyze() {
    if (partition == null) {
      if (rewalkFiles || !models.isEmpty()) {
        scan.refresh(); // not the first analysis: the walk at open is not fresh any more
      }
      rewalkFiles = false;
      partition = Units.of(scan.files(), f -> text(Units.absolute(f.file())));
      models.keySet().retainAll(new HashSet<>(partition.units()));
    }
    List<Unit> stale = partition.units().stream().filter(u -> !models.containsKey(u)).toList();
    lastParsedUnits = stale.size();
    int threads = stale.size() > 1 ? scan.threads() : 1;
    OrderedParallel.forEach(stale, threads, u -> Map.entry(u, parse(u)), e -> models.put(e.getKey(), e.getValue()));

    List<Model> parts = new ArrayList<>();
    List<Resource> planned = new ArrayList<>();
    for (Unit u : partition.units()) {
      Model m = models.get(u);
      parts.add(m);
      if (u.kind() == Kind.PLAN) {
        planned.addAll(m.resources());
      }
    }
    Model merged = Model.merge(parts);
    if (!planned.isEmpty()) {
      merged = withoutPlanned(merged, planned);
    }
    if (!partition.codeowners().isEmpty()) {
      Set<String> owned = new TreeSet<>();
      merged.resources().forEach(r -> owned.add(r.path()));
      partition.units().stream().filter(u -> u.kind() == Kind.CI)
          .forEach(u -> u.files().forEach(f -> owned.add(f.displayPath())));
      List<String> all = scan.files().stream().map(SourceFile::displayPath).toList();
      merged = Model.merge(List.of(merged, CodeownersParser.parse(partition.codeowners(), owned, all,
          scan.options().maxFileBytes())));
    }
    lastReport = scan.analyze(merged, f -> comments.computeIfAbsent(Units.absolute(f.file()), abs -> {
      String t = text(abs);
      return t == null ? List.of() : SuppressionFinder.comments(f.displayPath(), t);
    }));
    return lastReport;
  }

  /** One unit parsed as the scan parses it, with editor buffers in place of their files. */
  private Model parse(Unit u) {
    try {
      return switch (u.kind()) {
        case TERRAFORM -> new TerraformParser(scan.options()).withThreads(1).parse(u.files(), Map.copyOf(open));
        case DOCUMENT -> document(u.files().get(0));
        case PLAN -> new TerraformPlanParser(scan.options()).parse(u.files(), partition.terraform());
        case SQL -> new SqlMigrationParser(scan.options()).parse(u.files());
        case CI -> CiPipelineParser.parse(u.files(), scan.options().maxFileBytes());
      };
    } catch (RuntimeException | StackOverflowError e) {
      return new Model(List.of(), List.of(Diagnostic.error(SourceRange.at(u.first(), 1, 1),
          "could not be read: " + Failures.describe(e))));
    }
  }

  private Model document(SourceFile f) {
    String buffer = open.get(Units.absolute(f.file()));
    DocumentParser parser = new DocumentParser(scan.options(), 1);
    Model m = buffer == null ? parser.parse(List.of(f)) : parser.parseText(f.displayPath(), buffer);
    if (m.resources().isEmpty()) {
      return m;
    }
    List<Diagnostic> spec = CfnSpecValidator.validate(m);
    return spec.isEmpty() ? m : Model.merge(List.of(m, new Model(List.of(), spec)));
  }

  /** A plan's resources stand for the configuration's copies of them (as in a scan). */
  private static Model withoutPlanned(Model merged, Collection<Resource> planned) {
    Set<String> keys = new HashSet<>();
    Set<Resource> fromPlan = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    fromPlan.addAll(planned);
    planned.forEach(r -> keys.add(r.path() + "|" + r.address()));
    List<Resource> kept = merged.resources().stream()
        .filter(r -> fromPlan.contains(r) || !keys.contains(r.path() + "|" + r.address())).toList();
    return new Model(kept, merged.diagnostics());
  }

  /** The current text of a file: the editor's buffer, else the disk's (null when unreadable or not UTF-8). */
  String text(Path file) {
    Path abs = Units.absolute(file);
    String buffer = open.get(abs);
    if (buffer != null) {
      return buffer;
    }
    return texts.computeIfAbsent(abs, Workspace::read);
  }

  private static String read(Path abs) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(abs))).toString();
    } catch (CharacterCodingException e) {
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The absolute file a reported display path names. */
  Path fileOf(String displayPath) {
    return scan.root().resolve(displayPath).normalize();
  }
}
