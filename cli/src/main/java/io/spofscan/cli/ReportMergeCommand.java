package io.spofscan.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spofscan.core.json.Json;
import io.spofscan.core.report.ScanReport;
import io.spofscan.core.rule.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spofscan report merge}: combines per-repository JSON results ({@code spofscan --format json}) into one
 * organisation report — SPOFs per repository, per rule and per severity — and, given the previous merged report,
 * how many findings are new and how many were resolved since then.
 *
 * <p>Findings are matched across runs by repository name and the scan's stable fingerprint (rule + path + resource
 * address), so a finding that only moved lines is neither new nor resolved. A repository missing from this run is
 * listed as not scanned; its findings are not counted as resolved, since a scan that did not run fixed nothing.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Merge per-repository JSON results into one organisation report (JSON, optionally Markdown).",
    exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 2)
public final class ReportMergeCommand implements Callable<Integer> {
  static final String REPORT_KIND = "organisation";
  /** Created on first use: picocli instantiates every command at start-up, and a scan needs no Jackson. */
  private static final class Mapper {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "ORG.json",
      description = "Where to write the merged JSON report.")
  Path output;

  @Option(names = "--markdown", paramLabel = "ORG.md", description = "Also write a Markdown summary here.")
  Path markdown;

  @Option(names = "--previous", paramLabel = "PREV.json",
      description = "A previous merged report: counts new and resolved findings against it.")
  Path previous;

  @Option(names = "--name", paramLabel = "RESULT=REPO",
      description = "Name the repository of a result file (default: the file name without .json). Repeatable.")
  List<String> names = new ArrayList<>();

  @Parameters(arity = "1..*", paramLabel = "RESULT.json", description = "Per-repository JSON results.")
  List<Path> results = new ArrayList<>();

  /** Runs the command without exiting the JVM: the entry for tests and for the parent {@code report} command. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new ReportMergeCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("spofscan: " + (e instanceof UserError ? "" : "internal error: ") + e.getMessage());
      return Main.ERROR;
    });
    return cl.execute(args);
  }

  @Override
  public Integer call() throws IOException {
    Map<String, String> nameByFile = parseNames(names);
    List<RepoResult> repos = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    Set<String> usedMappings = new LinkedHashSet<>();
    for (Path file : results) {
      String name = repoName(file, nameByFile, usedMappings);
      if (!seen.add(name)) {
        throw new UserError("two results are named '" + name + "': name them apart with --name FILE=REPO");
      }
      repos.add(RepoResult.read(file, name));
    }
    for (String key : nameByFile.keySet()) {
      if (!usedMappings.contains(key)) {
        throw new UserError("--name " + key + "=...: no result file given matches " + key);
      }
    }
    repos.sort(Comparator.comparing(RepoResult::name));
    Previous prev = previous == null ? null : Previous.read(previous);
    OrgReport report = OrgReport.of(repos, prev, previous == null ? null : previous.getFileName().toString());
    write(output, Json.write(report.toJson()));
    if (markdown != null) {
      write(markdown, report.toMarkdown());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "merged %d repositories: %d findings (%d uncertain)%s -> %s%n", repos.size(),
        report.totalFindings(), report.totalUnknown(),
        prev == null ? "" : String.format(Locale.ROOT, ", %d new, %d resolved", report.totalNew(),
            report.totalResolved()),
        output);
    out.flush();
    return 0;
  }

  private static Map<String, String> parseNames(List<String> mappings) {
    Map<String, String> byFile = new LinkedHashMap<>();
    for (String m : mappings) {
      int eq = m.lastIndexOf('=');
      if (eq <= 0 || eq == m.length() - 1) {
        throw new UserError("--name expects RESULT=REPO, got '" + m + "'");
      }
      byFile.put(m.substring(0, eq), m.substring(eq + 1));
    }
    return byFile;
  }

  /** A mapping may name the result as given on the command line or by its file name alone. */
  private static String repoName(Path file, Map<String, String> nameByFile, Set<String> used) {
    String fileName = file.getFileName().toString();
    for (String key : List.of(file.toString(), fileName)) {
      if (nameByFile.containsKey(key)) {
        used.add(key);
        return nameByFile.get(key);
      }
    }
    return fileName.toLowerCase(Locale.ROOT).endsWith(".json")
        ? fileName.substring(0, fileName.length() - ".json".length()) : fileName;
  }

  private static void write(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  static JsonNode readJson(Path file, String what) {
    try {
      return Mapper.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new UserError(what + " " + file + ": no such file");
    } catch (JsonProcessingException e) {
      throw new UserError(what + " " + file + ":" + e.getLocation().getLineNr() + ": not valid JSON ("
          + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new UserError(what + " " + file + ": cannot read (" + e.getMessage() + ")");
    }
  }

  /** {@code spofscan report}: the group the merge lives in (room for other report commands later). */
  @Command(name = "report", mixinStandardHelpOptions = true,
      description = "Work with scan results: merge per-repository JSON results into an organisation report.",
      subcommands = {ReportMergeCommand.class})
  static final class Group implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'report merge'");
    }
  }

  /** One finding as the merge needs it. */
  record RepoFinding(String ruleId, String title, Severity severity, boolean certain, String fingerprint) {}

  /** One repository's scan result, read from {@code --format json}. */
  record RepoResult(String name, String source, String toolVersion, int files, int resources,
      List<RepoFinding> findings, int filesWithErrors) {

    static RepoResult read(Path file, String name) {
      JsonNode root = readJson(file, "result");
      if (root.path("tool").path("report").asText().equals(REPORT_KIND)) {
        throw new UserError("result " + file + ": is a merged organisation report, not a repository result");
      }
      if (!root.path("tool").path("name").asText().equals(ScanReport.TOOL_NAME) || !root.path("findings").isArray()) {
        throw new UserError("result " + file + ": not a spofscan JSON result (expected tool.name \""
            + ScanReport.TOOL_NAME + "\" and a findings array; produce it with --format json)");
      }
      List<RepoFinding> findings = new ArrayList<>();
      int index = 0;
      for (JsonNode f : root.path("findings")) {
        index++;
        String ruleId = f.path("ruleId").asText("");
        String fingerprint = f.path("fingerprint").asText("");
        if (ruleId.isEmpty() || fingerprint.isEmpty()) {
          throw new UserError("result " + file + ": finding #" + index + " has no ruleId or fingerprint");
        }
        Severity severity;
        try {
          severity = Severity.parse(f.path("severity").asText(""));
        } catch (IllegalArgumentException e) {
          throw new UserError("result " + file + ": finding #" + index + ": " + e.getMessage());
        }
        findings.add(new RepoFinding(ruleId, f.path("title").asText(ruleId), severity,
            f.path("certain").asBoolean(true), fingerprint));
      }
      JsonNode summary = root.path("summary");
      return new RepoResult(name, file.getFileName().toString(), root.path("tool").path("version").asText(""),
          summary.path("files").asInt(0), summary.path("resources").asInt(0), findings,
          summary.path("filesWithErrors").asInt(0));
    }

    Set<String> fingerprints() {
      Set<String> fps = new TreeSet<>();
      findings.forEach(f -> fps.add(f.fingerprint()));
      return fps;
    }

    Map<Severity, Integer> certainBySeverity() {
      Map<Severity, Integer> counts = zeroCounts();
      findings.stream().filter(RepoFinding::certain).forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
      return counts;
    }

    long unknown() {
      return findings.stream().filter(f -> !f.certain()).count();
    }
  }

  /** The fingerprints of a previous merged report, per repository. */
  record Previous(Map<String, Set<String>> fingerprintsByRepo) {
    static Previous read(Path file) {
      JsonNode root = readJson(file, "previous report");
      if (!root.path("tool").path("report").asText().equals(REPORT_KIND) || !root.path("repositories").isArray()) {
        throw new UserError("previous report " + file + ": not a merged report of spofscan report merge");
      }
      Map<String, Set<String>> byRepo = new TreeMap<>();
      for (JsonNode repo : root.path("repositories")) {
        Set<String> fps = new TreeSet<>();
        repo.path("fingerprints").forEach(fp -> fps.add(fp.asText()));
        byRepo.put(repo.path("name").asText(), fps);
      }
      return new Previous(byRepo);
    }
  }

  static Map<Severity, Integer> zeroCounts() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    return counts;
  }

  /** Trend of one repository against the previous report; null counts when it was not in that report. */
  record Trend(Integer added, Integer resolved) {}

  /** One rule across the organisation. */
  record RuleTotal(String ruleId, String title, Severity severity, int findings, int unknown, Set<String> repos) {}

  /** The merged report, computed once and rendered to JSON and Markdown. */
  record OrgReport(List<RepoResult> repos, Map<String, Trend> trends, List<String> notScanned,
      List<RuleTotal> rules, String previousName) {

    static OrgReport of(List<RepoResult> repos, Previous prev, String previousName) {
      Map<String, Trend> trends = new LinkedHashMap<>();
      List<String> notScanned = new ArrayList<>();
      if (prev != null) {
        for (RepoResult r : repos) {
          Set<String> before = prev.fingerprintsByRepo().get(r.name());
          Set<String> now = r.fingerprints();
          if (before == null) {
            trends.put(r.name(), new Trend(now.size(), 0));
          } else {
            int added = (int) now.stream().filter(fp -> !before.contains(fp)).count();
            int resolved = (int) before.stream().filter(fp -> !now.contains(fp)).count();
            trends.put(r.name(), new Trend(added, resolved));
          }
        }
        Set<String> current = new TreeSet<>();
        repos.forEach(r -> current.add(r.name()));
        prev.fingerprintsByRepo().keySet().stream().filter(n -> !current.contains(n)).forEach(notScanned::add);
      }
      Map<String, RuleTotal> byRule = new TreeMap<>();
      for (RepoResult r : repos) {
        for (RepoFinding f : r.findings()) {
          RuleTotal t = byRule.get(f.ruleId());
          Set<String> names = t == null ? new TreeSet<>() : t.repos();
          names.add(r.name());
          byRule.put(f.ruleId(), new RuleTotal(f.ruleId(), f.title(), f.severity(),
              (t == null ? 0 : t.findings()) + 1, (t == null ? 0 : t.unknown()) + (f.certain() ? 0 : 1), names));
        }
      }
      List<RuleTotal> rules = new ArrayList<>(byRule.values());
      rules.sort(Comparator.comparing(RuleTotal::severity).thenComparing(RuleTotal::findings, Comparator.reverseOrder())
          .thenComparing(RuleTotal::ruleId));
      return new OrgReport(repos, trends, notScanned, rules, previousName);
    }

    int totalFindings() {
      return repos.stream().mapToInt(r -> r.findings().size()).sum();
    }

    long totalUnknown() {
      return repos.stream().mapToLong(RepoResult::unknown).sum();
    }

    int totalNew() {
      return trends.values().stream().mapToInt(Trend::added).sum();
    }

    int totalResolved() {
      return trends.values().stream().mapToInt(Trend::resolved).sum();
    }

    Map<Severity, Integer> certainBySeverity() {
      Map<Severity, Integer> counts = zeroCounts();
      repos.forEach(r -> r.certainBySeverity().forEach((s, n) -> counts.merge(s, n, Integer::sum)));
      return counts;
    }

    private static Map<String, Object> labels(Map<Severity, Integer> counts) {
      Map<String, Object> m = new LinkedHashMap<>();
      counts.forEach((s, n) -> m.put(s.label(), n));
      return m;
    }

    Map<String, Object> toJson() {
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("tool", Map.of("name", ScanReport.TOOL_NAME, "report", REPORT_KIND));
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("repositories", repos.size());
      summary.put("repositoriesWithFindings", (int) repos.stream().filter(r -> !r.findings().isEmpty()).count());
      summary.put("findings", totalFindings());
      summary.put("bySeverity", labels(certainBySeverity()));
      summary.put("unknown", totalUnknown());
      summary.put("filesWithErrors", repos.stream().mapToInt(RepoResult::filesWithErrors).sum());
      root.put("summary", summary);
      if (previousName != null) {
        Map<String, Object> trend = new LinkedHashMap<>();
        trend.put("previous", previousName);
        trend.put("new", totalNew());
        trend.put("resolved", totalResolved());
        trend.put("notScanned", List.copyOf(notScanned));
        root.put("trend", trend);
      }
      List<Object> repoList = new ArrayList<>();
      for (RepoResult r : repos) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("source", r.source());
        m.put("toolVersion", r.toolVersion());
        m.put("files", r.files());
        m.put("resources", r.resources());
        m.put("findings", r.findings().size());
        m.put("bySeverity", labels(r.certainBySeverity()));
        m.put("unknown", r.unknown());
        m.put("filesWithErrors", r.filesWithErrors());
        Trend t = trends.get(r.name());
        if (t != null) {
          m.put("new", t.added());
          m.put("resolved", t.resolved());
        }
        m.put("fingerprints", List.copyOf(r.fingerprints()));
        repoList.add(m);
      }
      root.put("repositories", repoList);
      List<Object> ruleList = new ArrayList<>();
      for (RuleTotal t : rules) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ruleId", t.ruleId());
        m.put("title", t.title());
        m.put("severity", t.severity().label());
        m.put("findings", t.findings());
        m.put("unknown", t.unknown());
        m.put("repositories", List.copyOf(t.repos()));
        ruleList.add(m);
      }
      root.put("rules", ruleList);
      return root;
    }

    String toMarkdown() {
      StringBuilder md = new StringBuilder();
      Map<Severity, Integer> sev = certainBySeverity();
      md.append("# spofscan organisation report\n\n");
      md.append(String.format(Locale.ROOT, "%d repositories, %d with findings: **%d SPOF findings** "
              + "(%d critical, %d high, %d medium, %d low certain; %d uncertain).%n",
          repos.size(), repos.stream().filter(r -> !r.findings().isEmpty()).count(), totalFindings(),
          sev.get(Severity.CRITICAL), sev.get(Severity.HIGH), sev.get(Severity.MEDIUM), sev.get(Severity.LOW),
          totalUnknown()));
      if (previousName != null) {
        md.append(String.format(Locale.ROOT, "%nSince `%s`: **%d new**, **%d resolved**.%s%n", cell(previousName),
            totalNew(), totalResolved(), notScanned.isEmpty() ? ""
                : " Not scanned this time (not counted as resolved): " + String.join(", ",
                    notScanned.stream().map(n -> "`" + cell(n) + "`").toList()) + "."));
      }
      md.append("\n## Per repository\n\n");
      boolean trend = previousName != null;
      md.append("| Repository | Findings | Critical | High | Medium | Low | Uncertain |")
          .append(trend ? " New | Resolved |" : "").append(" Files with errors |\n");
      md.append("|---|---:|---:|---:|---:|---:|---:|").append(trend ? "---:|---:|" : "").append("---:|\n");
      for (RepoResult r : repos) {
        Map<Severity, Integer> s = r.certainBySeverity();
        md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d |", cell(r.name()),
            r.findings().size(), s.get(Severity.CRITICAL), s.get(Severity.HIGH), s.get(Severity.MEDIUM),
            s.get(Severity.LOW), r.unknown()));
        if (trend) {
          Trend t = trends.get(r.name());
          md.append(String.format(Locale.ROOT, " %d | %d |", t.added(), t.resolved()));
        }
        md.append(String.format(Locale.ROOT, " %d |%n", r.filesWithErrors()));
      }
      md.append("\n## Per rule\n\n");
      if (rules.isEmpty()) {
        md.append("No findings.\n");
      } else {
        md.append("| Rule | Title | Severity | Findings | Uncertain | Repositories |\n");
        md.append("|---|---|---|---:|---:|---:|\n");
        for (RuleTotal t : rules) {
          md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %d |%n", cell(t.ruleId()),
              cell(t.title()), t.severity().label(), t.findings(), t.unknown(), t.repos().size()));
        }
      }
      return md.toString();
    }

    /** Text safe inside a Markdown table cell. */
    private static String cell(String s) {
      return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("`", "'");
    }
  }
}
