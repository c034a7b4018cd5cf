package io.spofscan.cli.lsp;

import io.spofscan.core.model.SourceRange;
import io.spofscan.core.report.ScanReport;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.rule.Severity;
import io.spofscan.core.scan.Failures;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * spofscan as a Language Server: every workspace folder scanned on start, findings published as diagnostics, edits
 * re-analysed from the editor's text (one unit re-parsed, see {@link Workspace}), hover with the rule's rationale
 * and fix, and quick fixes for one-attribute fixes. All analysis runs on one worker thread, in the order the edits
 * came, and edits that pile up while it works are analysed together. Failures become log messages.
 */
final class SpofscanLanguageServer implements LanguageServer, LanguageClientAware, TextDocumentService,
    WorkspaceService {
  static final String SOURCE = "spofscan";
  private static final String RULES_DOC = ScanReport.INFORMATION_URI + "/blob/main/docs/rules.md#";

  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "spofscan-lsp");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, String> environment;
  private final CompletableFuture<Integer> exited = new CompletableFuture<>();
  private final AtomicBoolean analysisQueued = new AtomicBoolean();
  private final java.util.Queue<Runnable> pendingEdits = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private volatile boolean shutdown;
  private LanguageClient client;
  private final List<Path> roots = new ArrayList<>();
  /** Worker thread only from here on. */
  private final List<Workspace> workspaces = new ArrayList<>();
  private final Map<String, RuleMeta> rules = new HashMap<>();
  /** What was last published, by document URI. */
  private final Map<String, List<Published>> published = new HashMap<>();

  /** One published diagnostic and the finding it shows (null for a parse or scan diagnostic). */
  record Published(Diagnostic diagnostic, Finding finding, Workspace workspace) {}

  private final ScanPipeline.Opener scans;

  SpofscanLanguageServer(Map<String, String> environment, ScanPipeline.Opener scans) {
    this.environment = Map.copyOf(environment);
    this.scans = scans;
  }

  /** Completes with the process's exit code on {@code exit}: 0 after {@code shutdown}, else 1 (as LSP asks). */
  CompletableFuture<Integer> exited() {
    return exited;
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = client;
  }

  // ---- lifecycle

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
      for (WorkspaceFolder f : params.getWorkspaceFolders()) {
        pathOf(f.getUri()).ifPresent(roots::add);
      }
    } else if (params.getRootUri() != null) {
      pathOf(params.getRootUri()).ifPresent(roots::add);
    } else if (params.getRootPath() != null) {
      roots.add(Path.of(params.getRootPath()));
    }
    ServerCapabilities caps = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Full);
    sync.setSave(new SaveOptions(false));
    caps.setTextDocumentSync(sync);
    caps.setHoverProvider(true);
    caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
    return CompletableFuture.completedFuture(new InitializeResult(caps,
        new ServerInfo(SOURCE)));
  }

  @Override
  public void initialized(InitializedParams params) {
    worker.execute(guarded("scanning the workspace", () -> {
      List<String> summaries = new ArrayList<>();
      for (Path root : roots) {
        try {
          long start = System.nanoTime();
          Workspace w = new Workspace(scans.open(root, environment));
          workspaces.add(w);
          w.scan().rules().forEach(m -> rules.put(m.id(), m));
          ScanReport report = w.analyze();
          summaries.add("spofscan: scanned " + root + ": " + report.findings().size() + " findings in "
              + w.lastParsedUnits() + " units, " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (IllegalArgumentException e) {
          log(MessageType.Error, "spofscan: cannot scan " + root + ": " + e.getMessage());
          client.showMessage(new MessageParams(MessageType.Error, "spofscan: " + e.getMessage()));
        }
      }
      publish();
      summaries.forEach(s -> log(MessageType.Info, s)); // after the diagnostics: "scanned" means all are out
    }));
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    // answered once the analyses already queued are done, so no diagnostics arrive after it
    return CompletableFuture.supplyAsync(() -> null, worker);
  }

  @Override
  public void exit() {
    worker.shutdown(); // not shutdownNow: an interrupted write would close the client's channel
    try {
      worker.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exited.complete(shutdown ? 0 : 1);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return this;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return this;
  }

  // ---- documents

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    String text = params.getTextDocument().getText();
    onWorker(() -> edited(uri, text, true));
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    if (params.getContentChanges().isEmpty()) {
      return;
    }
    String uri = params.getTextDocument().getUri();
    // full sync: the last change holds the whole text
    String text = params.getContentChanges().get(params.getContentChanges().size() - 1).getText();
    onWorker(() -> edited(uri, text, false));
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    onWorker(() -> edited(uri, null, false));
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    onWorker(() -> pathOf(uri).flatMap(this::workspaceOf).ifPresent(w -> {
      Path p = pathOf(uri).get();
      if (!w.knows(p)) {
        w.rewalk(); // a new file saved for the first time
      }
    }));
  }

  private void edited(String uri, String text, boolean opened) {
    Optional<Path> path = pathOf(uri);
    if (path.isEmpty()) {
      return;
    }
    workspaceOf(path.get()).ifPresent(w -> {
      if (opened && !w.knows(path.get()) && java.nio.file.Files.exists(path.get())) {
        w.rewalk();
      }
      w.setText(path.get(), text);
    });
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    // no settings: spofscan reads .spofscan.yml
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    List<String> uris = new ArrayList<>();
    Set<String> createdOrDeleted = new HashSet<>();
    params.getChanges().forEach(c -> {
      uris.add(c.getUri());
      if (c.getType() != FileChangeType.Changed) {
        createdOrDeleted.add(c.getUri());
      }
    });
    onWorker(() -> {
      for (String uri : uris) {
        pathOf(uri).ifPresent(p -> workspaceOf(p).ifPresent(w -> {
          if (createdOrDeleted.contains(uri)) {
            w.rewalk();
          } else {
            w.changedOnDisk(p);
          }
        }));
      }
    });
  }

  /**
   * Queues an edit; the worker applies all queued edits before one analysis, so a burst of keystrokes costs one
   * analysis, and a request queued after an edit is answered from the analysis that includes it.
   */
  private void onWorker(Runnable edit) {
    if (shutdown) {
      return;
    }
    pendingEdits.add(edit);
    if (analysisQueued.compareAndSet(false, true)) {
      worker.execute(guarded("analysing", () -> {
        analysisQueued.set(false);
        // every edit queued so far, then one analysis; an edit queued from here on queues its own analysis
        for (Runnable e; (e = pendingEdits.poll()) != null; ) {
          guarded("applying an edit", e).run();
        }
        long start = System.nanoTime();
        int units = 0;
        for (Workspace w : workspaces) {
          w.analyze();
          units += w.lastParsedUnits();
        }
        publish();
        log(MessageType.Log, "spofscan: analysed in " + (System.nanoTime() - start) / 1_000_000 + " ms (" + units
            + " units parsed)");
      }));
    }
  }

  // ---- diagnostics

  /** Publishes every file's diagnostics, and empty lists to files that had some and have none now. */
  private void publish() {
    Map<String, List<Published>> now = new LinkedHashMap<>();
    for (Workspace w : workspaces) {
      ScanReport report = w.lastReport();
      if (report == null) {
        continue;
      }
      for (Finding f : report.findings()) {
        Path file = w.fileOf(f.location().path());
        now.computeIfAbsent(file.toUri().toString(), u -> new ArrayList<>())
            .add(new Published(diagnostic(f, w), f, w));
      }
      for (io.spofscan.core.model.Diagnostic d : report.diagnostics()) {
        Path file = w.fileOf(d.location().path());
        if (!w.contains(file) || !java.nio.file.Files.isRegularFile(file)) {
          continue;
        }
        now.computeIfAbsent(file.toUri().toString(), u -> new ArrayList<>())
            .add(new Published(diagnostic(d, w), null, w));
      }
    }
    for (Map.Entry<String, List<Published>> e : now.entrySet()) {
      List<Published> before = published.get(e.getKey());
      if (before == null || !diagnostics(before).equals(diagnostics(e.getValue()))) {
        client.publishDiagnostics(new PublishDiagnosticsParams(e.getKey(), diagnostics(e.getValue())));
      }
    }
    for (String uri : published.keySet()) {
      if (!now.containsKey(uri)) {
        client.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
      }
    }
    published.clear();
    published.putAll(now);
  }

  private static List<Diagnostic> diagnostics(List<Published> ps) {
    return ps.stream().map(Published::diagnostic).toList();
  }

  private Diagnostic diagnostic(Finding f, Workspace w) {
    Diagnostic d = new Diagnostic();
    d.setRange(range(f.location(), w));
    d.setSeverity(!f.certain() ? DiagnosticSeverity.Information
        : f.severity().atLeast(Severity.HIGH) ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning);
    d.setSource(SOURCE);
    d.setCode(f.ruleId());
    d.setCodeDescription(new DiagnosticCodeDescription(href(f.ruleId())));
    StringBuilder message = new StringBuilder(f.message());
    if (!f.certain()) {
      message.insert(0, "(unknown) ");
    }
    f.notes().forEach(n -> message.append('\n').append(n));
    d.setMessage(message.toString());
    return d;
  }

  private Diagnostic diagnostic(io.spofscan.core.model.Diagnostic scan, Workspace w) {
    Diagnostic d = new Diagnostic();
    d.setRange(range(scan.location(), w));
    d.setSeverity(switch (scan.level()) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFO -> DiagnosticSeverity.Information;
    });
    d.setSource(SOURCE);
    d.setMessage(scan.message());
    return d;
  }

  /** The rule's first reference, else its section of the rules page. */
  private String href(String ruleId) {
    RuleMeta m = rules.get(ruleId);
    if (m != null && !m.references().isEmpty() && m.references().get(0).startsWith("http")) {
      return m.references().get(0);
    }
    return RULES_DOC + ruleId.toLowerCase(Locale.ROOT);
  }

  /** 1-based line and column to LSP's 0-based; without an end, to the end of the line. */
  private static Range range(SourceRange at, Workspace w) {
    int line = Math.max(0, at.line() - 1);
    int column = Math.max(0, at.column() - 1);
    if (at.hasEnd()) {
      return new Range(new Position(line, column),
          new Position(Math.max(line, at.endLine() - 1), Math.max(0, at.endColumn() - 1)));
    }
    return new Range(new Position(line, column), new Position(line, Math.max(column, lineLength(w, at, line))));
  }

  private static int lineLength(Workspace w, SourceRange at, int line) {
    String text = w.text(w.fileOf(at.path()));
    if (text == null) {
      return 0;
    }
    int start = 0;
    for (int i = 0; i < line; i++) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        return 0;
      }
      start = nl + 1;
    }
    int end = text.indexOf('\n', start);
    end = end < 0 ? text.length() : end;
    if (end > start && text.charAt(end - 1) == '\r') {
      end--;
    }
    return end - start;
  }

  // ---- hover and quick fixes

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    String uri = params.getTextDocument().getUri();
    Position pos = params.getPosition();
    return onWorker(() -> {
      List<Published> here = at(uri, new Range(pos, pos));
      if (here.isEmpty()) {
        return null;
      }
      StringBuilder md = new StringBuilder();
      Range range = here.get(0).diagnostic().getRange();
      for (Published p : here) {
        Finding f = p.finding();
        RuleMeta m = rules.get(f.ruleId());
        if (md.length() > 0) {
          md.append("\n\n---\n\n");
        }
        md.append("**").append(f.ruleId()).append("** · ").append(f.severity().label())
            .append(f.certain() ? "" : " (unknown)");
        if (m != null) {
          md.append(" · ").append(m.title()).append("\n\n").append(m.rationale()).append("\n\n**Fix:** ")
              .append(m.remediation());
        }
        md.append("\n\n[").append(f.ruleId()).append("](").append(href(f.ruleId())).append(')');
      }
      return new Hover(new MarkupContent(MarkupKind.MARKDOWN, md.toString()), range);
    });
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    String uri = params.getTextDocument().getUri();
    Range asked = params.getRange();
    return onWorker(() -> {
      List<Either<Command, CodeAction>> actions = new ArrayList<>();
      Set<String> offered = new HashSet<>();
      for (Published p : at(uri, asked)) {
        Finding f = p.finding();
        if (!QuickFixes.has(f.ruleId())) {
          continue;
        }
        String text = p.workspace().text(p.workspace().fileOf(f.location().path()));
        QuickFixes.find(f.ruleId(), text, p.diagnostic().getRange().getStart().getLine()).ifPresent(e -> {
          if (!offered.add(e.line() + ":" + e.startColumn())) {
            return;
          }
          CodeAction a = new CodeAction(e.title() + " (" + f.ruleId() + ")");
          a.setKind(CodeActionKind.QuickFix);
          a.setDiagnostics(List.of(p.diagnostic()));
          a.setIsPreferred(true);
          TextEdit edit = new TextEdit(new Range(new Position(e.line(), e.startColumn()),
              new Position(e.line(), e.endColumn())), e.newText());
          a.setEdit(new WorkspaceEdit(Map.of(uri, List.of(edit))));
          actions.add(Either.forRight(a));
        });
      }
      return actions;
    });
  }

  /** Published findings of {@code uri} whose lines overlap {@code range}. */
  private List<Published> at(String uri, Range range) {
    List<Published> out = new ArrayList<>();
    for (Published p : published.getOrDefault(normalized(uri), List.of())) {
      Range r = p.diagnostic().getRange();
      if (p.finding() != null && r.getStart().getLine() <= range.getEnd().getLine()
          && r.getEnd().getLine() >= range.getStart().getLine()) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparing((Published p) -> p.diagnostic().getRange().getStart().getLine()));
    return out;
  }

  private static String normalized(String uri) {
    return pathOf(uri).map(p -> p.toUri().toString()).orElse(uri);
  }

  /** Runs a request on the worker (after the analyses queued before it); a failure is logged and answers null. */
  private <T> CompletableFuture<T> onWorker(Supplier<T> request) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return request.get();
      } catch (RuntimeException | StackOverflowError e) {
        log(MessageType.Error, "spofscan: request failed: " + Failures.describe(e));
        return null;
      }
    }, worker);
  }

  // ---- helpers

  private Optional<Workspace> workspaceOf(Path file) {
    Workspace best = null;
    for (Workspace w : workspaces) {
      if (w.contains(file) && (best == null || w.root().getNameCount() > best.root().getNameCount())) {
        best = w;
      }
    }
    return Optional.ofNullable(best);
  }

  static Optional<Path> pathOf(String uri) {
    try {
      URI u = URI.create(uri);
      return "file".equals(u.getScheme()) ? Optional.of(Path.of(u).toAbsolutePath().normalize()) : Optional.empty();
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }

  private Runnable guarded(String what, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException | StackOverflowError e) {
        log(MessageType.Error, "spofscan: failed " + what + ": " + Failures.describe(e));
      }
    };
  }

  private void log(MessageType type, String message) {
    if (client != null) {
      client.logMessage(new MessageParams(type, message));
    }
  }
}
