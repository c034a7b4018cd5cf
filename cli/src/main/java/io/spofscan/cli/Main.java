package io.spofscan.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import picocli.CommandLine;

/** The {@code spofscan} command. {@link #main} only exits; {@link #run} returns the exit code (used by tests). */
public final class Main {
  /** Exit code: no certain finding at or above the threshold. */
  public static final int OK = 0;
  /** Exit code: certain findings at or above the threshold. */
  public static final int FINDINGS = 1;
  /** Exit code: usage error, unreadable input or internal error; never used for findings. */
  public static final int ERROR = 2;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine cl = SpofscanCommand.commandLine(args);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (e instanceof UserError) {
        err.println("spofscan: " + e.getMessage());
      } else {
        err.println("spofscan: internal error" + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + (debug ? "" : " (a bug in spofscan; run with --debug for details and please report it)"));
      }
      if (debug) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        err.print(trace);
      }
      err.flush();
      return ERROR;
    });
    cl.setParameterExceptionHandler((e, argv) -> {
      PrintWriter err = e.getCommandLine().getErr();
      err.println("spofscan: " + e.getMessage());
      err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
      err.flush();
      return ERROR;
    });
    try {
      return cl.execute(args);
    } catch (RuntimeException | Error e) {
      // picocli handles exceptions from commands; this only guards its own failures, still never exit 1.
      System.err.println("spofscan: internal error" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      return ERROR;
    }
  }
}
