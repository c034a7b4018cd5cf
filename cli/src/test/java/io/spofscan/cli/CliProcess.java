package io.spofscan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the real CLI in a child JVM, as users do, and captures exit code, stdout and stderr. */
final class CliProcess {
  private CliProcess() {}

  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  static Result run(Path cwd, String... args) {
    return run(cwd, null, Map.of(), args);
  }

  static Result run(Path cwd, String stdin, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xshare:auto");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("TF_VAR_") || k.startsWith("GITHUB_") || k.equals("CI"));
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      CompletableFuture<String> out = drain(p.getInputStream());
      CompletableFuture<String> err = drain(p.getErrorStream());
      try (OutputStream in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("spofscan did not finish within 120 s: " + command);
      }
      return new Result(p.exitValue(), out.get(), err.get());
    } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
      throw new AssertionError("cannot run " + command, e);
    }
  }

  private static CompletableFuture<String> drain(InputStream s) {
    return CompletableFuture.supplyAsync(() -> {
      try (s) {
        return new String(s.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "<unreadable: " + e + ">";
      }
    });
  }
}
