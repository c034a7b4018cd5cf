package io.spofscan.cli;

import java.io.PrintWriter;
import java.util.Map;

/** What the terminal allows: colours and a progress line only on an interactive terminal, never in CI. */
record Terminal(boolean color, boolean progress) {

  static Terminal detect(Map<String, String> env) {
    boolean tty = System.console() != null;
    boolean ci = env.containsKey("CI") || env.containsKey("GITHUB_ACTIONS");
    boolean noColor = env.containsKey("NO_COLOR") || "dumb".equals(env.get("TERM"));
    return new Terminal(tty && !noColor, tty && !ci);
  }

  void progressLine(PrintWriter err, String message) {
    err.print("\r\u001b[K" + message + "...");
    err.flush();
  }

  void clearProgress(PrintWriter err) {
    if (progress) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }
}
