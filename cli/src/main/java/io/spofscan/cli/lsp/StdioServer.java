package io.spofscan.cli.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** The Language Server on a pair of streams, until the client says {@code exit} or closes its output. */
public final class StdioServer {
  /** LSP4J logs a stream closed at exit with a stack trace (to standard error): only its problems are worth it. */
  private static final java.util.logging.Logger JSONRPC_LOG = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");

  private StdioServer() {}

  /** Serves one client on these streams; returns the exit code (0 after shutdown and exit). */
  public static int serve(InputStream in, OutputStream out, Map<String, String> environment,
      ScanPipeline.Opener scans) throws InterruptedException {
    JSONRPC_LOG.setLevel(java.util.logging.Level.WARNING);
    SpofscanLanguageServer server = new SpofscanLanguageServer(environment, scans);
    Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    CompletableFuture<Object> closed = CompletableFuture.supplyAsync(() -> {
      try {
        return listening.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      } catch (ExecutionException | java.util.concurrent.CancellationException e) {
        return null;
      }
    });
    try {
      Object first = CompletableFuture.anyOf(server.exited(), closed).get();
      listening.cancel(true);
      // the stream closed without exit: LSP's "exit without shutdown" code
      return first instanceof Integer code ? code : server.exited().getNow(1);
    } catch (ExecutionException e) {
      return 1;
    }
  }
}
