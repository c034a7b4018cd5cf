package io.spofscan.cli;

import io.spofscan.cli.lsp.StdioServer;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code spofscan lsp}: the Language Server on standard input and output. Standard output is the protocol channel:
 * while the server runs, {@code System.out} is standard error, so a stray print cannot corrupt the protocol.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true,
    description = "Run the Language Server (LSP over standard input/output) for editors: findings as diagnostics "
        + "while you type, hover with the rule's rationale, quick fixes. See docs/editors.md.",
    footer = {"", "Exit codes: 0 after the client's shutdown and exit, 1 when the client left without shutdown."})
final class LspCommand implements Callable<Integer> {
  @Override
  public Integer call() throws InterruptedException {
    PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
    System.setOut(System.err);
    return StdioServer.serve(new FileInputStream(FileDescriptor.in), protocol, System.getenv(), WorkspaceScan::open);
  }
}
