package io.spofscan.cli.lsp;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import picocli.CommandLine.Command;

/**
 * {@code spofscan lsp}: the Language Server on standard input and output, until the client says {@code exit} or
 * closes the stream. Standard output is the protocol channel: while the server runs, {@code System.out} is
 * standard error, so a stray print cannot corrupt the protocol.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true,
    description = "Run the Language Server (LSP over standard input/output) for editors: findings as diagnostics "
        + "while you type, hover with the rule's rationale, quick fixes. See docs/editors.md.")
public final class LspCommand implements Callable<Integer> {
  /** LSP4J logs a stream closed at exit with a stack trace (to standard error): only its problems are worth it. */
  private static final java.util.logging.Logger JSONRPC_LOG = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");

  @Override
  public Integer call() throws InterruptedException {
    PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
    System.setOut(System.err);
    return serve(new FileInputStream(FileDescriptor.in), protocol, System.getenv());
  }

  /** Serves one client on these streams; returns the exit code (0 after shutdown and exit). */
  static int serve(InputStream in, OutputStream out, Map<String, String> environment) throws InterruptedException {
    JSONRPC_LOG.setLevel(java.util.logging.Level.WARNING);
    SpofscanLanguageServer server = new SpofscanLanguageServer(environment);
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
