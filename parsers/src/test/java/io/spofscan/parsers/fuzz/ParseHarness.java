package io.spofscan.parsers.fuzz;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.Parsers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one input through the public parser entry ({@link Parsers#parse}) on a real file, in a worker thread with the
 * default stack size and a deadline, and checks the properties every input must keep:
 * the parse returns (no exception, no {@link Error}, no hang), and every diagnostic, resource and value it produces
 * names the file and points inside it (line 1 .. lines+1, column >= 1).
 */
final class ParseHarness implements AutoCloseable {
  private final Path dir;
  private final Duration deadline;
  private final PrintStream realOut = System.out;
  private final ByteArrayOutputStream strayOutput = new ByteArrayOutputStream();
  private ExecutorService worker = newWorker();

  /** While open, System.out is captured: a parser that prints would corrupt JSON and SARIF on stdout. */
  ParseHarness(Path dir, Duration deadline) {
    this.dir = dir;
    this.deadline = deadline;
    System.setOut(new PrintStream(strayOutput, true, StandardCharsets.UTF_8));
  }

  /** Empty when every property holds, else a one-paragraph description of the violation. */
  Optional<String> check(String fileName, byte[] input) throws IOException, InterruptedException {
    Path file = dir.resolve(fileName);
    Files.write(file, input);
    SourceFile source = new SourceFile(file, fileName, dir);
    Future<Model> result = worker.submit(() -> Parsers.parse(List.of(source), ScanOptions.defaults()));
    Model model;
    try {
      model = result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      worker.shutdownNow();
      worker = newWorker(); // the stuck thread is a daemon; carry on with a fresh one
      return Optional.of("did not finish within " + deadline.toSeconds() + " s");
    } catch (ExecutionException e) {
      return Optional.of("threw " + stackTop(e.getCause()));
    }
    if (strayOutput.size() > 0) {
      String printed = strayOutput.toString(StandardCharsets.UTF_8);
      strayOutput.reset();
      return Optional.of("wrote to stdout: " + printed.substring(0, Math.min(200, printed.length())));
    }
    return violations(model, fileName, lineCount(input));
  }

  static Optional<String> violations(Model model, String path, int lines) {
    for (Diagnostic d : model.diagnostics()) {
      Optional<String> bad = outside(d.location(), path, lines, "diagnostic '" + d.message() + "'");
      if (bad.isPresent()) {
        return bad;
      }
      if (d.message() == null || d.message().isBlank() || d.message().contains("\n\tat ")) {
        return Optional.of("diagnostic without a one-line message: " + d);
      }
    }
    for (Resource r : model.resources()) {
      Optional<String> bad = outside(r.range(), path, lines, "resource " + r.address());
      if (bad.isPresent()) {
        return bad;
      }
      // Iterative walk: a deeply nested body must not overflow the checker's own stack.
      Deque<Value> todo = new ArrayDeque<>();
      todo.push(r.body());
      while (!todo.isEmpty()) {
        Value v = todo.pop();
        Optional<SourceRange> at = v.location();
        if (at.isPresent()) {
          bad = outside(at.get(), path, lines, "value in " + r.address());
          if (bad.isPresent()) {
            return bad;
          }
        }
        if (v instanceof Value.MapValue m) {
          m.entries().values().forEach(todo::push);
        } else if (v instanceof Value.ListValue l) {
          l.items().forEach(todo::push);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> outside(SourceRange at, String path, int lines, String what) {
    if (!at.path().equals(path)) {
      return Optional.of(what + " names path '" + at.path() + "', expected '" + path + "'");
    }
    if (at.line() < 1 || at.line() > lines + 1 || at.column() < 1) {
      return Optional.of(what + " at " + at + " is outside the file (" + lines + " lines)");
    }
    return Optional.empty();
  }

  /**
   * An upper bound of the line count any reader may see: LF, CRLF, lone CR, and the Unicode breaks YAML 1.1 also
   * honours (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR).
   */
  static int lineCount(byte[] input) {
    int lines = 1;
    for (int i = 0; i < input.length; i++) {
      int b = input[i] & 0xff;
      if (b == '\n' || b == '\r' && (i + 1 == input.length || input[i + 1] != '\n')) {
        lines++;
      } else if (b == 0xc2 && i + 1 < input.length && (input[i + 1] & 0xff) == 0x85) {
        lines++;
      } else if (b == 0xe2 && i + 2 < input.length && (input[i + 1] & 0xff) == 0x80
          && ((input[i + 2] & 0xff) == 0xa8 || (input[i + 2] & 0xff) == 0xa9)) {
        lines++;
      }
    }
    return lines;
  }

  private static String stackTop(Throwable t) {
    StringWriter s = new StringWriter();
    t.printStackTrace(new PrintWriter(s));
    String[] lines = s.toString().split("\n");
    return String.join("\n", java.util.Arrays.copyOf(lines, Math.min(lines.length, 12)));
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-parse");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void close() {
    System.setOut(realOut);
    worker.shutdownNow();
  }
}
