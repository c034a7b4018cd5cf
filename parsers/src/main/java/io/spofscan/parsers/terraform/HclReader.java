package io.spofscan.parsers.terraform;

import com.bertramlabs.plugins.hcl4j.HCLParserException;
import com.bertramlabs.plugins.hcl4j.HclLexerAccess;
import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLBlock;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.SourceRange;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one HCL file (.tf or .tfvars) into {@link Hcl.File}: pre-processes it, runs hcl4j's lexer in a worker with
 * a deadline (the lexer is quadratic in the file size), walks the symbol tree without recursion, and parses every
 * attribute's expression from the original text with {@link ExprParser}.
 */
final class HclReader {
  static final int MAX_BLOCK_DEPTH = 64;
  private static final Set<String> TOP_LEVEL_BLOCKS = Set.of("terraform", "provider", "variable", "output", "locals",
      "module", "resource", "data", "moved", "import", "removed", "check", "ephemeral");
  private static final Pattern LEXER_POSITION = Pattern.compile("line:? ?(\\d+),? col(?:umn)?:? ?(\\d+)");

  private final ExecutorService workers;
  private final long deadlineMillis;

  HclReader(ExecutorService workers, long deadlineMillis) {
    this.workers = workers;
    this.deadlineMillis = deadlineMillis;
  }

  /** @param configuration true for .tf files (top-level attributes are a leak), false for .tfvars */
  Hcl.File read(String path, String text, boolean configuration) {
    LineIndex lines = new LineIndex(path, text);
    HclPreprocessor.Result prepared = HclPreprocessor.run(text);
    if (!prepared.ok()) {
      return Hcl.File.failed(path, Diagnostic.error(lines.at(prepared.errorOffset()),
          "Terraform syntax error: " + prepared.error()));
    }
    List<Lexed> symbols;
    AtomicLong lexerThread = new AtomicLong(-1);
    Future<List<Lexed>> job = workers.submit(() -> {
      lexerThread.set(Thread.currentThread().getId());
      return lexInChunks(prepared, lines);
    });
    try {
      symbols = awaitWithinCpuBudget(job, lexerThread);
    } catch (TimeoutException e) {
      job.cancel(true);
      return Hcl.File.failed(path, Diagnostic.error(SourceRange.at(path, 1, 1),
          "reading this file took longer than " + deadlineMillis / 1000.0 + " s of CPU time: skipped"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Hcl.File.failed(path, Diagnostic.error(SourceRange.at(path, 1, 1), "interrupted while reading"));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ChunkFailure f) {
        return Hcl.File.failed(path, lexerFailure(path, f.getCause(), f.lineDelta, f.columnDelta));
      }
      return Hcl.File.failed(path, lexerFailure(path, cause, 0, 0));
    }
    return build(path, text, lines, symbols, configuration, prepared);
  }

  /**
   * Waits for the lexer while its thread has used less than the deadline in CPU time, so a busy machine does not
   * make a file time out that a quiet one reads (results must not depend on load). Where thread CPU time is not
   * measurable, wall time counts; a wall-clock backstop of ten times the deadline bounds the scan either way.
   */
  private List<Lexed> awaitWithinCpuBudget(Future<List<Lexed>> job, AtomicLong lexerThread)
      throws InterruptedException, ExecutionException, TimeoutException {
    long budgetNanos = TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
    long start = System.nanoTime();
    long poll = Math.max(1, Math.min(50, deadlineMillis));
    while (true) {
      try {
        return job.get(poll, TimeUnit.MILLISECONDS);
      } catch (TimeoutException notYet) {
        long waited = System.nanoTime() - start;
        long id = lexerThread.get();
        long cpu = id < 0 || !CPU.isThreadCpuTimeSupported() ? -1 : CPU.getThreadCpuTime(id);
        if ((cpu >= 0 ? cpu : waited) > budgetNanos || waited > 10 * budgetNanos) {
          throw notYet;
        }
      }
    }
  }

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** A top-level symbol and the offset of the chunk it was lexed from. */
  private record Lexed(Symbol symbol, int delta) {}

  /** A lexer failure inside a chunk, with what to add to its line and column. */
  private static final class ChunkFailure extends Exception {
    final int lineDelta;
    final int columnDelta;

    ChunkFailure(Throwable cause, int lineDelta, int columnDelta) {
      super(cause.getMessage(), cause, false, false);
      this.lineDelta = lineDelta;
      this.columnDelta = columnDelta;
    }
  }

  /**
   * Lexes each top-level block on its own: the lexer is quadratic in its input, so many small inputs cost far less
   * than one large one. Chunks end right after a top-level '}', so no construct is cut.
   */
  private static List<Lexed> lexInChunks(HclPreprocessor.Result prepared, LineIndex lines) throws Exception {
    String text = prepared.text();
    List<Lexed> out = new ArrayList<>();
    int start = 0;
    List<Integer> ends = new ArrayList<>(prepared.topLevelEnds());
    ends.add(text.length() - 1);
    for (int end : ends) {
      if (end + 1 <= start) {
        continue;
      }
      String chunk = text.substring(start, end + 1);
      if (!chunk.isBlank()) {
        List<Symbol> symbols;
        try {
          symbols = HclLexerAccess.lex(new StringReader(chunk));
        } catch (HCLParserException | IOException | RuntimeException e) {
          throw new ChunkFailure(e, lines.line(start) - 1, lines.column(start) - 1);
        }
        for (Symbol s : symbols == null ? List.<Symbol>of() : symbols) {
          out.add(new Lexed(s, start));
        }
      }
      start = end + 1;
    }
    return out;
  }

  private static Diagnostic lexerFailure(String path, Throwable cause, int lineDelta, int columnDelta) {
    String message = cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage();
    int line = 1;
    int col = 1;
    Matcher m = LEXER_POSITION.matcher(message);
    if (m.find()) {
      line = Integer.parseInt(m.group(1));
      col = Integer.parseInt(m.group(2)) + (line == 1 ? columnDelta : 0);
      line += lineDelta;
      message = message.substring(0, m.start()).strip();
      message = message.endsWith("on") ? message.substring(0, message.length() - 2).strip() : message;
      message = message.endsWith("found") ? message + " at line " + line + " column " + col : message;
    } else {
      line += lineDelta;
    }
    String what = cause instanceof HCLParserException || cause instanceof IOException ? "Terraform syntax error"
        : "Terraform file could not be read";
    String firstLine = message.lines().findFirst().orElse("").strip();
    if (firstLine.length() > 160) {
      firstLine = firstLine.substring(0, 160) + "...";
    }
    return Diagnostic.error(SourceRange.at(path, line, col), what + ": " + firstLine);
  }

  /** Mutable twin of a block while its children are collected. */
  private static final class Node {
    final HCLBlock symbol;
    final int depth;
    final int delta;
    final List<Hcl.Attribute> attributes = new ArrayList<>();
    final List<Node> children = new ArrayList<>();

    Node(HCLBlock symbol, int depth, int delta) {
      this.symbol = symbol;
      this.depth = depth;
      this.delta = delta;
    }
  }

  private Hcl.File build(String path, String text, LineIndex lines, List<Lexed> symbols, boolean configuration,
      HclPreprocessor.Result prepared) {
    List<int[]> topSpans = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Hcl.Attribute> topAttributes = new ArrayList<>();
    List<Node> roots = new ArrayList<>();
    Deque<Node> work = new ArrayDeque<>();
    boolean leaked = false;
    for (Lexed lexed : symbols) {
      Symbol s = lexed.symbol();
      int delta = lexed.delta();
      if (s instanceof HCLBlock b) {
        Node node = new Node(b, 1, delta);
        roots.add(node);
        topSpans.add(new int[] {keywordOffset(text, b, delta),
            prepared.closeOf(braceOffset(text, b, delta)) + 1});
        work.push(node);
        String type = b.blockNames == null || b.blockNames.isEmpty() ? "" : b.blockNames.get(0);
        if (configuration && !TOP_LEVEL_BLOCKS.contains(type) && !leaked) {
          leaked = true;
          diagnostics.add(Diagnostic.warning(lines.at(keywordOffset(text, b, delta)),
              "unexpected top-level block '" + type + "': the file's structure may be read incompletely"));
        }
      } else if (s instanceof HCLAttribute a) {
        Hcl.Attribute attr = attribute(text, prepared.text(), lines, a, delta, diagnostics, topSpans);
        topAttributes.add(attr);
        if (configuration && !leaked) {
          leaked = true;
          diagnostics.add(Diagnostic.warning(attr.range(), "attribute '" + a.getName()
              + "' outside any block: the file's structure may be read incompletely"));
        }
      }
    }
    // Iterative walk: hostile files nest thousands of blocks.
    while (!work.isEmpty()) {
      Node node = work.pop();
      if (node.depth > MAX_BLOCK_DEPTH) {
        return Hcl.File.failed(path, Diagnostic.error(lines.at(keywordOffset(text, node.symbol, node.delta)),
            "blocks nested deeper than " + MAX_BLOCK_DEPTH + " levels: file skipped"));
      }
      List<Symbol> children = node.symbol.getChildren() == null ? List.of() : node.symbol.getChildren();
      List<int[]> spans = new ArrayList<>();
      for (Symbol c : children) {
        if (c instanceof HCLBlock b) {
          Node child = new Node(b, node.depth + 1, node.delta);
          node.children.add(child);
          work.push(child);
          spans.add(new int[] {keywordOffset(text, b, node.delta),
              prepared.closeOf(braceOffset(text, b, node.delta)) + 1});
        } else if (c instanceof HCLAttribute a) {
          node.attributes.add(attribute(text, prepared.text(), lines, a, node.delta, diagnostics, spans));
        }
      }
      Set<String> names = new HashSet<>();
      for (Hcl.Attribute a : node.attributes) {
        if (!names.add(a.name())) { // hcl4j keeps both silently; Terraform refuses the file
          diagnostics.add(Diagnostic.error(a.range(), "attribute '" + a.name()
              + "' is set twice in one block: Terraform rejects this (Attribute redefined)"));
        }
      }
      int open = braceOffset(text, node.symbol, node.delta);
      int stray = strayText(text, open + 1, prepared.closeOf(open), spans);
      if (stray >= 0) {
        return Hcl.File.failed(path, Diagnostic.error(lines.at(stray), "Terraform syntax error: unexpected text '"
            + excerpt(text, stray) + "'"));
      }
    }
    int stray = strayText(text, 0, text.length(), topSpans);
    if (stray >= 0) {
      return Hcl.File.failed(path, Diagnostic.error(lines.at(stray), "Terraform syntax error: unexpected text '"
          + excerpt(text, stray) + "'"));
    }
    List<Hcl.Block> blocks = new ArrayList<>();
    for (Node root : roots) {
      blocks.add(freeze(root, text, lines));
    }
    return new Hcl.File(path, topAttributes, blocks, diagnostics, true);
  }

  /**
   * The first offset in [from, to) that no item covers and that is not blank or a comment, or -1. hcl4j's lexer
   * silently skips text it cannot read; Terraform rejects it.
   */
  private static int strayText(String text, int from, int to, List<int[]> spans) {
    if (to < from) {
      return -1;
    }
    List<int[]> sorted = new ArrayList<>(spans);
    sorted.sort((x, y) -> Integer.compare(x[0], y[0]));
    int i = from;
    int next = 0;
    while (i < to) {
      while (next < sorted.size() && sorted.get(next)[1] <= i) {
        next++;
      }
      if (next < sorted.size() && sorted.get(next)[0] <= i) {
        i = Math.max(i + 1, sorted.get(next)[1]);
        continue;
      }
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u2028' || c == '\u2029' || c == '\u0085' || c == ',') {
        i++;
      } else if (c == '#' || (c == '/' && i + 1 < to && text.charAt(i + 1) == '/')) {
        int nl = text.indexOf('\n', i);
        i = nl < 0 ? to : nl;
      } else if (c == '/' && i + 1 < to && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? to : end + 2;
      } else {
        return i;
      }
    }
    return -1;
  }

  private static String excerpt(String text, int at) {
    int end = at;
    while (end < text.length() && end - at < 20 && text.charAt(end) != '\n') {
      end++;
    }
    return text.substring(at, end).strip();
  }

  static int braceOffset(String text, HCLBlock b, int delta) {
    int i = (int) Math.min(Math.max(0, b.getPosition() == null ? 0 : b.getPosition() + 1 + delta), text.length());
    if (i < text.length() && text.charAt(i) != '{') {
      int found = text.indexOf('{', i);
      i = found < 0 ? i : found;
    }
    return i;
  }

  /** Depth is bounded by {@link #MAX_BLOCK_DEPTH}, so this recursion is safe. */
  private static Hcl.Block freeze(Node node, String text, LineIndex lines) {
    List<Hcl.Block> nested = new ArrayList<>();
    for (Node child : node.children) {
      nested.add(freeze(child, text, lines));
    }
    List<String> names = node.symbol.blockNames == null ? List.of("") : node.symbol.blockNames;
    return new Hcl.Block(names.get(0), List.copyOf(names.subList(1, names.size())),
        lines.at(keywordOffset(text, node.symbol, node.delta)), new Hcl.Body(node.attributes, nested));
  }

  /** hcl4j places a block at its '{'; the finding belongs on the keyword, found by walking back over the labels. */
  static int keywordOffset(String text, HCLBlock b, int delta) {
    int i = braceOffset(text, b, delta);
    int labels = b.blockNames == null ? 0 : b.blockNames.size();
    i--;
    for (int k = 0; k < labels && i >= 0; k++) {
      while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
        i--;
      }
      if (i < 0) {
        break;
      }
      if (text.charAt(i) == '"') {
        i--;
        while (i >= 0 && !(text.charAt(i) == '"' && (i == 0 || text.charAt(i - 1) != '\\'))) {
          i--;
        }
        i--;
      } else {
        while (i >= 0 && ExprParser.isIdentPart(text.charAt(i))) {
          i--;
        }
      }
    }
    return Math.max(0, Math.min(i + 1, text.length() - 1));
  }

  private static Hcl.Attribute attribute(String text, String prepared, LineIndex lines, HCLAttribute a, int delta,
      List<Diagnostic> diagnostics, List<int[]> spans) {
    String lexed = a.getName() == null ? "" : a.getName();
    int offset = (int) Math.min(Math.max(0, a.getPosition() == null ? 0 : a.getPosition() + delta), text.length());
    if (!prepared.startsWith(lexed, offset)) {
      int found = prepared.indexOf(lexed, lines.lineStart(lines.line(offset)));
      offset = found < 0 ? offset : found;
    }
    // The prepared text keeps every offset, so the name as written (Unicode letters included) is at the same place.
    String name = prepared.startsWith(lexed, offset) ? text.substring(offset, offset + lexed.length()) : lexed;
    SourceRange at = lines.at(offset);
    ExprParser parser = new ExprParser(text, lines);
    int valueStart = offset + name.length();
    try {
      int eq = valueStart;
      if (text.startsWith("\"", offset)) {
        eq = text.indexOf('"', offset + 1) + 1;
      }
      while (eq < text.length() && (text.charAt(eq) == ' ' || text.charAt(eq) == '\t' || text.charAt(eq) == '"')) {
        eq++;
      }
      if (eq >= text.length() || (text.charAt(eq) != '=' && text.charAt(eq) != ':')) {
        throw new ExprParser.SyntaxError(eq, "expected '=' after " + name);
      }
      valueStart = eq + 1;
      Expr expr = parser.parseAt(valueStart);
      String written = text.substring(valueStart, parser.position()).strip();
      parser.skipSpace();
      int end = parser.position();
      if (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '}') {
        throw new ExprParser.SyntaxError(end, "unexpected text after the value of " + name);
      }
      spans.add(new int[] {offset, end});
      return new Hcl.Attribute(name, at, expr, written);
    } catch (ExprParser.SyntaxError e) {
      // Terraform rejects the file; the rest of it is still worth analysing, with this value unknown.
      diagnostics.add(Diagnostic.error(lines.at(Math.min(e.offset(), Math.max(0, text.length() - 1))),
          "Terraform syntax error in the value of '" + name + "': " + e.getMessage()));
      int eol = text.indexOf('\n', valueStart);
      spans.add(new int[] {offset, eol < 0 ? text.length() : eol});
      return new Hcl.Attribute(name, at, null, text.substring(Math.min(valueStart, text.length()),
          eol < 0 ? text.length() : eol).strip());
    }
  }
}
