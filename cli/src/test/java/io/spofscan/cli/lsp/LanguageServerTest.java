package io.spofscan.cli.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channel;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over piped streams, driven by an LSP4J client in the same JVM, on a copy of the example files. */
class LanguageServerTest {
  private static final Path EXAMPLES = Path.of(System.getProperty("spofscan.testdata", "../testdata"))
      .resolve("examples");

  @TempDir
  Path repo;

  private final Client client = new Client();
  private LanguageServer server;
  private CompletableFuture<Integer> exitCode;
  private List<Channel> pipes;

  /** Records what the server sends. */
  static final class Client implements LanguageClient {
    final Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();
    final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    final List<MessageParams> logs = new ArrayList<>();

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams p) {
      diagnostics.put(p.getUri(), p.getDiagnostics());
      published.add(p);
    }

    @Override
    public synchronized void logMessage(MessageParams message) {
      logs.add(message);
    }

    synchronized boolean scanned() {
      return logs.stream().anyMatch(m -> m.getMessage().startsWith("spofscan: scanned"));
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams messageParams) {
      logMessage(messageParams);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
      return CompletableFuture.completedFuture(null);
    }
  }

  @BeforeEach
  void start() throws Exception {
    for (String dir : List.of("terraform", "cloudformation", "kubernetes")) {
      copy(EXAMPLES.resolve(dir), repo.resolve(dir));
    }
    // java.nio pipes rather than PipedInputStream: those fail with "Pipe broken" once the thread that last wrote
    // ends, and LSP4J writes from pooled threads that come and go.
    Pipe toServer = Pipe.open();
    Pipe toClient = Pipe.open();
    InputStream serverIn = Channels.newInputStream(toServer.source());
    OutputStream clientOut = Channels.newOutputStream(toServer.sink());
    InputStream clientIn = Channels.newInputStream(toClient.source());
    OutputStream serverOut = Channels.newOutputStream(toClient.sink());
    pipes = List.of(toServer.sink(), toServer.source(), toClient.sink(), toClient.source());
    exitCode = CompletableFuture.supplyAsync(() -> {
      try {
        return StdioServer.serve(serverIn, serverOut, Map.of(), io.spofscan.cli.WorkspaceScan::open);
      } catch (InterruptedException e) {
        return -1;
      }
    });
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
    launcher.startListening();
    server = launcher.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setWorkspaceFolders(List.of(new WorkspaceFolder(repo.toUri().toString(), "repo")));
    server.initialize(init).get(30, TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!client.scanned() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(client.scanned(), "first scan finished: " + client.logs);
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown().get(30, TimeUnit.SECONDS);
    server.exit();
    assertEquals(0, exitCode.get(30, TimeUnit.SECONDS), "exit after shutdown");
    for (Channel c : pipes) {
      c.close();
    }
  }

  @Test
  void publishesTheScansFindingsPerFile() {
    assertEquals(List.of("22 SPOF-RDS-001 Error", "44 SPOF-RDS-001 Information", "54 SPOF-REDIS-001 Error",
        "64 SPOF-REDIS-002 Error"), shown("terraform/main.tf"));
    assertTrue(shown("kubernetes/shop.yaml").contains("9 SPOF-K8S-001 Warning"), shown("kubernetes/shop.yaml").toString());
    assertTrue(shown("cloudformation/database.yaml").contains("24 SPOF-RDS-001 Error"));
    Diagnostic d = client.diagnostics.get(uri("terraform/main.tf")).get(0);
    assertEquals("spofscan", d.getSource());
    assertEquals(new Range(new Position(21, 2), new Position(21, 27)), d.getRange());
    assertTrue(d.getCodeDescription().getHref().startsWith("http"), d.getCodeDescription().getHref());
  }

  @Test
  void anEditThatFixesMultiAzClearsItsDiagnostic() throws Exception {
    String path = "terraform/main.tf";
    String text = Files.readString(repo.resolve(path));
    open(path, text);
    client.published.clear();
    change(path, text.replaceFirst("multi_az          = false", "multi_az          = true"), 2);
    PublishDiagnosticsParams p = awaitPublished(uri(path));
    assertFalse(lines(p.getDiagnostics()).contains("22 SPOF-RDS-001 Error"), lines(p.getDiagnostics()).toString());
    assertTrue(lines(p.getDiagnostics()).contains("44 SPOF-RDS-001 Information"));
    assertEquals(text, Files.readString(repo.resolve(path)), "the server never writes the file");

    change(path, text, 3); // and back
    assertTrue(lines(awaitPublished(uri(path)).getDiagnostics()).contains("22 SPOF-RDS-001 Error"));
  }

  @Test
  void anEditThatFixesAllFindingsOfAFileClearsThem() throws Exception {
    String path = "kubernetes/redis.yaml";
    String text = Files.readString(repo.resolve(path));
    assertFalse(shown(path).isEmpty());
    open(path, text);
    client.published.clear();
    change(path, "# emptied\n", 2);
    assertEquals(List.of(), awaitPublished(uri(path)).getDiagnostics());
  }

  @Test
  void hoverShowsTheRulesRationaleAndFix() throws Exception {
    Hover h = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(
        uri("terraform/main.tf")), new Position(21, 10))).get(30, TimeUnit.SECONDS);
    assertNotNull(h);
    String md = h.getContents().getRight().getValue();
    assertTrue(md.contains("SPOF-RDS-001") && md.contains("**Fix:**") && md.contains("multi_az"), md);
    assertEquals(null, server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(
        uri("terraform/main.tf")), new Position(0, 0))).get(30, TimeUnit.SECONDS));
  }

  @Test
  void quickFixesSetTheOneAttribute() throws Exception {
    assertEquals(List.of("21:22-27 true"), fixes("terraform/main.tf", 21));
    assertEquals(List.of("23:15-20 true"), fixes("cloudformation/database.yaml", 23));
    assertEquals(List.of("8:12-13 2"), fixes("kubernetes/shop.yaml", 8));
    assertEquals(List.of(), fixes("terraform/main.tf", 43), "a variable's value is not fixed in place");
  }

  private List<String> fixes(String path, int line) throws Exception {
    List<Either<org.eclipse.lsp4j.Command, CodeAction>> actions = server.getTextDocumentService().codeAction(
        new CodeActionParams(new TextDocumentIdentifier(uri(path)), new Range(new Position(line, 0),
            new Position(line, 0)), new CodeActionContext(List.of()))).get(30, TimeUnit.SECONDS);
    List<String> out = new ArrayList<>();
    for (Either<org.eclipse.lsp4j.Command, CodeAction> a : actions) {
      for (TextEdit e : a.getRight().getEdit().getChanges().get(uri(path))) {
        out.add(e.getRange().getStart().getLine() + ":" + e.getRange().getStart().getCharacter() + "-"
            + e.getRange().getEnd().getCharacter() + " " + e.getNewText());
      }
    }
    return out;
  }

  private void open(String path, String text) {
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
        new TextDocumentItem(uri(path), "terraform", 1, text)));
  }

  private void change(String path, String text, int version) {
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri(path), version), List.of(new TextDocumentContentChangeEvent(text))));
  }

  private PublishDiagnosticsParams awaitPublished(String uri) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      PublishDiagnosticsParams p = client.published.poll(1, TimeUnit.SECONDS);
      if (p != null && p.getUri().equals(uri)) {
        return p;
      }
    }
    throw new AssertionError("no diagnostics published for " + uri + "; log: " + client.logs);
  }

  private List<String> shown(String path) {
    return lines(client.diagnostics.getOrDefault(uri(path), List.of()));
  }

  private static List<String> lines(List<Diagnostic> ds) {
    return ds.stream().filter(d -> d.getCode() != null)
        .map(d -> (d.getRange().getStart().getLine() + 1) + " " + d.getCode().getLeft() + " " + name(d.getSeverity()))
        .toList();
  }

  private static String name(DiagnosticSeverity s) {
    return s.name();
  }

  private String uri(String path) {
    return repo.resolve(path).toUri().toString();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
