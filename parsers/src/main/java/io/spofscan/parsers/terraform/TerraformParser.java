package io.spofscan.parsers.terraform;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Reference;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.core.model.ValueOrigin;
import io.spofscan.core.scan.OrderedParallel;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Terraform as Terraform sees it: every directory's .tf/.tf.json files form one module; variables take their values
 * in Terraform's precedence; count, for_each and dynamic blocks expand; local modules are followed with their
 * arguments bound. Each file that cannot be read becomes a diagnostic and the others go on.
 */
public final class TerraformParser {
  static final int MAX_MODULE_DEPTH = 16;
  /** Largest file file() reads: values and scripts, not data. */
  static final long MAX_READ_FILE_BYTES = 1_000_000;
  static final long DEFAULT_DEADLINE_MILLIS = 10_000;
  static final int MAX_INSTANCES = 10_000;
  /** Expansion stops here: count and for_each on nested modules multiply. */
  static final int MAX_RESOURCES = 200_000;
  /** Meta-arguments that name things rather than compute values: kept as the text written. */
  private static final Set<String> AS_WRITTEN = Set.of("depends_on", "provider", "providers", "ignore_changes",
      "replace_triggered_by");

  private final ScanOptions options;
  private final int threads;
  private final long deadlineMillis;

  public TerraformParser(ScanOptions options) {
    this(options, DEFAULT_DEADLINE_MILLIS, OrderedParallel.defaultThreads());
  }

  /** The same parser lexing {@code threads} files at once; results are the same for any value. */
  public TerraformParser withThreads(int threads) {
    return new TerraformParser(options, deadlineMillis, threads);
  }

  TerraformParser(ScanOptions options, long deadlineMillis) {
    this(options, deadlineMillis, OrderedParallel.defaultThreads());
  }

  private TerraformParser(ScanOptions options, long deadlineMillis, int threads) {
    this.options = options;
    this.deadlineMillis = deadlineMillis;
    this.threads = Math.max(1, threads);
  }

  public Model parse(List<SourceFile> files) {
    ExecutorService workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "spofscan-hcl-lexer");
      t.setDaemon(true);
      return t;
    });
    try {
      return new Run(files, new HclReader(workers, deadlineMillis)).run(true);
    } finally {
      workers.shutdownNow();
    }
  }

  /**
   * The files as {@link #parse(List)} reads them, except those whose absolute path is in {@code texts}: their text
   * is the one given (an editor's unsaved buffer) and nothing of them is read from disk.
   */
  public Model parse(List<SourceFile> files, Map<Path, String> texts) {
    ExecutorService workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "spofscan-hcl-lexer");
      t.setDaemon(true);
      return t;
    });
    try {
      Run run = new Run(files, new HclReader(workers, deadlineMillis));
      texts.forEach((path, text) -> run.givenText.put(path.toAbsolutePath().normalize(),
          text.startsWith("\uFEFF") ? text.substring(1) : text));
      return run.run(true);
    } finally {
      workers.shutdownNow();
    }
  }

  /**
   * One configuration file given as text (standard input): a root module of its own, in {@code root}'s folder
   * (where its local module calls resolve, never outside it). {@code displayPath} ending in {@code .tf.json} reads
   * JSON syntax, anything else HCL.
   */
  public Model parseText(String displayPath, String text, Path root) {
    String name = displayPath.toLowerCase(Locale.ROOT).endsWith(".tf.json") ? displayPath
        : displayPath.endsWith(".tf") ? displayPath : displayPath + ".tf";
    Path dir = root.toAbsolutePath().normalize();
    SourceFile given = new SourceFile(dir.resolve(Path.of(name).getFileName().toString()), displayPath, dir);
    ExecutorService workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "spofscan-hcl-lexer");
      t.setDaemon(true);
      return t;
    });
    try {
      Run run = new Run(List.of(given), new HclReader(workers, deadlineMillis));
      run.givenText.put(given.file(), text.startsWith("\uFEFF") ? text.substring(1) : text);
      return run.run(true);
    } finally {
      workers.shutdownNow();
    }
  }

  /** Each directory as a root module, without following module calls (for measurements). */
  Model parseFilesOnly(List<SourceFile> files) {
    ExecutorService workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "spofscan-hcl-lexer");
      t.setDaemon(true);
      return t;
    });
    try {
      return new Run(files, new HclReader(workers, deadlineMillis)).run(false);
    } finally {
      workers.shutdownNow();
    }
  }

  static boolean isConfig(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".tf") || lower.endsWith(".tf.json");
  }

  static boolean isVarFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".tfvars") || lower.endsWith(".tfvars.json");
  }

  /** State of one parse() call. */
  private final class Run {
    private final List<SourceFile> files;
    private final HclReader reader;
    private final Map<Path, Hcl.File> cache = new HashMap<>();
    private final Map<Path, SourceFile> known = new HashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<Resource> resources = new ArrayList<>();
    private final Evaluator evaluator = new Evaluator();
    /** Files whose text was given rather than read (standard input). */
    private final Map<Path, String> givenText = new HashMap<>();

    Run(List<SourceFile> files, HclReader reader) {
      this.files = files;
      this.reader = reader;
    }

    private boolean followModules = true;
    private final Set<Path> reached = new HashSet<>();
    private boolean capped;

    Model run(boolean followModules) {
      this.followModules = followModules;
      Map<Path, List<SourceFile>> dirs = new LinkedHashMap<>();
      List<SourceFile> sorted = new ArrayList<>(files);
      sorted.sort((a, b) -> a.displayPath().compareTo(b.displayPath()));
      for (SourceFile f : sorted) {
        Path abs = f.file().toAbsolutePath().normalize();
        known.put(abs, f);
        dirs.computeIfAbsent(abs.getParent(), d -> new ArrayList<>()).add(f);
      }
      // Lexing is the expensive part: read every file on the pool first (results in file order), evaluate after.
      OrderedParallel.forEach(sorted, threads, f -> Map.entry(f, readUncached(f)), read -> {
        cache.put(read.getKey().file().toAbsolutePath().normalize(), read.getValue());
        diagnostics.addAll(read.getValue().diagnostics());
      });
      Set<Path> called = new HashSet<>();
      for (Map.Entry<Path, List<SourceFile>> dir : dirs.entrySet()) {
        for (SourceFile f : dir.getValue()) {
          Hcl.File parsed = read(f);
          if (!isConfig(f.fileName())) {
            continue;
          }
          for (Hcl.Block b : parsed.blocks()) {
            if (b.type().equals("module")) {
              Path target = localSource(b, dir.getKey());
              if (target != null) {
                called.add(target);
              }
            }
          }
        }
      }
      evaluateRoots(dirs, called, true);
      // Directories only called from each other (a cycle) are reached from no root: evaluate them anyway.
      evaluateRoots(dirs, called, false);
      return new Model(resources, diagnostics);
    }

    private void evaluateRoots(Map<Path, List<SourceFile>> dirs, Set<Path> called, boolean uncalledOnly) {
      for (Map.Entry<Path, List<SourceFile>> dir : dirs.entrySet()) {
        List<SourceFile> config = dir.getValue().stream().filter(f -> isConfig(f.fileName())).toList();
        if (config.isEmpty() || reached.contains(dir.getKey())
            || (uncalledOnly && followModules && called.contains(dir.getKey()))) {
          continue;
        }
        try {
          Map<String, Value> inputs = rootInputs(dir.getValue(), config);
          new ModuleRun(dir.getKey(), config, "", List.of(), inputs, null, 0, Set.of(dir.getKey())).evaluate();
        } catch (RuntimeException | StackOverflowError e) {
          diagnostics.add(Diagnostic.error(SourceRange.at(config.get(0).displayPath(), 1, 1),
              "Terraform module could not be evaluated: " + io.spofscan.core.scan.Failures.describe(e)));
        }
      }
    }

    /** Reads (once) and reports (once) one file. */
    Hcl.File read(SourceFile f) {
      Path abs = f.file().toAbsolutePath().normalize();
      Hcl.File cached = cache.get(abs);
      if (cached != null) {
        return cached;
      }
      Hcl.File parsed = readUncached(f);
      cache.put(abs, parsed);
      diagnostics.addAll(parsed.diagnostics());
      return parsed;
    }

    private Hcl.File readUncached(SourceFile f) {
      String path = f.displayPath();
      try {
        String given = givenText.isEmpty() ? null : givenText.get(f.file().toAbsolutePath().normalize());
        if (given != null) {
          return f.fileName().toLowerCase(Locale.ROOT).endsWith(".json") ? TfJsonReader.read(path, given, true)
              : reader.read(path, given, true);
        }
        long size = Files.size(f.file());
        if (size > options.maxFileBytes()) {
          return Hcl.File.failed(path, Diagnostic.error(SourceRange.at(path, 1, 1),
              "file is larger than " + options.maxFileBytes() + " bytes: skipped"));
        }
        String text = decode(Files.readAllBytes(f.file()));
        if (text == null) {
          return Hcl.File.failed(path, Diagnostic.error(SourceRange.at(path, 1, 1),
              "not UTF-8 text: skipped"));
        }
        String lower = f.fileName().toLowerCase(Locale.ROOT);
        boolean configuration = isConfig(lower);
        if (lower.endsWith(".json")) {
          return TfJsonReader.read(path, text, configuration);
        }
        return reader.read(path, text, configuration);
      } catch (IOException e) {
        return Hcl.File.failed(path, Diagnostic.error(SourceRange.at(path, 1, 1), "cannot read: " + e.getMessage()));
      } catch (RuntimeException | StackOverflowError e) {
        return Hcl.File.failed(path, Diagnostic.error(SourceRange.at(path, 1, 1),
            "Terraform file could not be read: " + io.spofscan.core.scan.Failures.describe(e)));
      }
    }

    private String decode(byte[] bytes) {
      try {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
      } catch (CharacterCodingException e) {
        return null;
      }
    }

    /** The directory of a module call whose source is a local path, or null (registry, git, or unreadable). */
    Path localSource(Hcl.Block module, Path dir) {
      Hcl.Attribute source = module.body().attribute("source");
      if (source == null || !(source.expr() instanceof Expr.Literal l) || !(l.value() instanceof String s)) {
        return null;
      }
      if (!s.startsWith("./") && !s.startsWith("../") && !s.equals(".") && !s.equals("..")) {
        return null;
      }
      return dir.resolve(s).normalize();
    }

    /** Terraform's precedence: default < TF_VAR_ < terraform.tfvars < .json < *.auto.tfvars < --var-file < --var. */
    Map<String, Value> rootInputs(List<SourceFile> dirFiles, List<SourceFile> config) {
      Map<String, String> types = new HashMap<>();
      for (SourceFile f : config) {
        for (Hcl.Block b : read(f).blocks()) {
          if (b.type().equals("variable")) {
            Hcl.Attribute type = b.body().attribute("type");
            types.put(b.label(0), type == null ? "" : type.text());
          }
        }
      }
      Map<String, Value> inputs = new LinkedHashMap<>();
      SourceRange cli = SourceRange.at(config.get(0).displayPath(), 1, 1);
      new TreeMap<>(options.terraformEnv()).forEach((key, text) -> {
        String name = key.startsWith("TF_VAR_") ? key.substring("TF_VAR_".length()) : key;
        if (types.containsKey(name)) {
          inputs.put(name, fromString(text, types.get(name), cli));
        }
      });
      List<SourceFile> varFiles = new ArrayList<>();
      for (String fixed : List.of("terraform.tfvars", "terraform.tfvars.json")) {
        dirFiles.stream().filter(f -> f.fileName().equals(fixed)).forEach(varFiles::add);
      }
      dirFiles.stream().filter(f -> f.fileName().endsWith(".auto.tfvars") || f.fileName().endsWith(".auto.tfvars.json"))
          .sorted((a, b) -> a.fileName().compareTo(b.fileName())).forEach(varFiles::add);
      for (Path given : options.terraformVarFiles()) {
        varFiles.add(new SourceFile(given, given.toString().replace('\\', '/'), given.toAbsolutePath().getParent()));
      }
      Scope literalsOnly = Scope.of(new NoNames("."));
      for (SourceFile vf : varFiles) {
        for (Hcl.Attribute a : read(vf).attributes()) {
          inputs.put(a.name(), evaluator.attribute(a, literalsOnly));
        }
      }
      options.terraformVars().forEach((name, text) -> inputs.put(name,
          fromString(text, types.getOrDefault(name, ""), cli)));
      return inputs;
    }

    /** A value given as text (TF_VAR_, --var): parsed as HCL for complex types, as the raw string otherwise. */
    private Value fromString(String text, String type, SourceRange at) {
      String t = type.strip();
      if (t.startsWith("list") || t.startsWith("map") || t.startsWith("object") || t.startsWith("set")
          || t.startsWith("tuple") || t.equals("number") || t.equals("bool")) {
        try {
          ExprParser p = new ExprParser(text, new LineIndex(at.path(), text), at);
          Value v = evaluator.eval(p.parseAt(0), Scope.of(new NoNames(".")));
          return Values.at(v, at);
        } catch (ExprParser.SyntaxError | Values.EvalError | RuntimeException e) {
          return new Value.Scalar(text, at);
        }
      }
      return new Value.Scalar(text, at);
    }

    /** One instance of a module: its files, its variable values, its address prefix. */
    private final class ModuleRun implements Scope.Names {
      private final Path dir;
      private final List<SourceFile> config;
      private final String prefix;
      private final List<SourceRange> chain;
      private final Map<String, Value> inputs;
      private final Value existence;
      private final int depth;
      private final Set<Path> visiting;
      private final Map<String, Value> variables = new HashMap<>();
      private final Map<String, Hcl.Attribute> localDefs = new HashMap<>();
      private final Map<String, Value> localValues = new HashMap<>();
      private final Set<String> evaluatingLocals = new HashSet<>();
      private final Set<String> evaluatingCalls = new HashSet<>();
      private final Map<String, ModuleRun> children = new HashMap<>();
      private final List<Hcl.Block> blocks = new ArrayList<>();
      private String displayDir = ".";
      /** Where the caller decided each input (its argument, or an origin further out); empty for a root. */
      private final Map<String, Decided> inputOrigins;
      /** The module call that runs this instance, or null for a root module. */
      private final SourceRange callAt;
      /** Where each variable's value was decided, and how (a default says so). */
      private final Map<String, Decided> variableOrigins = new HashMap<>();
      /** Variables read while evaluating the current attribute, in order (locals contribute theirs). */
      private Set<String> reads = new java.util.LinkedHashSet<>();
      private final Map<String, Set<String>> localReads = new HashMap<>();
      /** Origins of the attributes of the block being emitted. */
      private List<ValueOrigin> origins = new ArrayList<>();

      ModuleRun(Path dir, List<SourceFile> config, String prefix, List<SourceRange> chain, Map<String, Value> inputs,
          Value existence, int depth, Set<Path> visiting) {
        this(dir, config, prefix, chain, inputs, existence, depth, visiting, Map.of(), null);
      }

      ModuleRun(Path dir, List<SourceFile> config, String prefix, List<SourceRange> chain, Map<String, Value> inputs,
          Value existence, int depth, Set<Path> visiting, Map<String, Decided> inputOrigins, SourceRange callAt) {
        this.inputOrigins = inputOrigins;
        this.callAt = callAt;
        this.dir = dir;
        this.config = config;
        this.prefix = prefix;
        this.chain = chain;
        this.inputs = inputs;
        this.existence = existence;
        this.depth = depth;
        this.visiting = visiting;
      }

      @Override
      public Value variable(String name) {
        reads.add(name);
        return variables.get(name);
      }

      @Override
      public Value local(String name, Evaluator ev) throws Values.EvalError {
        Value done = localValues.get(name);
        if (done != null) {
          reads.addAll(localReads.getOrDefault(name, Set.of()));
          return done;
        }
        Hcl.Attribute def = localDefs.get(name);
        if (def == null) {
          return null;
        }
        if (!evaluatingLocals.add(name)) {
          throw new Values.EvalError("local." + name + " refers to itself");
        }
        Set<String> outer = reads;
        reads = new java.util.LinkedHashSet<>();
        try {
          Value v = def.expr() == null ? ev.attribute(def, Scope.of(this)) : ev.eval(def.expr(), Scope.of(this));
          localValues.put(name, v);
          localReads.put(name, reads);
          return v;
        } finally {
          outer.addAll(reads);
          reads = outer;
          evaluatingLocals.remove(name);
        }
      }

      @Override
      public String modulePath() {
        return displayDir;
      }

      /**
       * file(): path.module is shown relative to the repository root, so a path under it is read from this
       * module's folder; any other relative path is relative to Terraform's working directory, which only a root
       * module knows (its own folder). Never outside the scan root.
       */
      @Override
      public Optional<String> readFile(String path) {
        String p = path.replace('\\', '/');
        if (p.startsWith("/") || p.contains(":") || config.isEmpty()) {
          return Optional.empty();
        }
        Path root = config.get(0).root().toAbsolutePath().normalize();
        Path target;
        if (!displayDir.equals(".") && p.startsWith(displayDir + "/")) {
          target = dir.toAbsolutePath().resolve(p.substring(displayDir.length() + 1));
        } else if (callAt == null || displayDir.equals(".")) {
          target = dir.toAbsolutePath().resolve(p);
        } else {
          return Optional.empty();
        }
        try {
          target = target.normalize();
          if (!target.startsWith(root) || !Files.isRegularFile(target)
              || !target.toRealPath().startsWith(root.toRealPath()) || Files.size(target) > MAX_READ_FILE_BYTES) {
            return Optional.empty();
          }
          return Optional.of(StandardCharsets.UTF_8.newDecoder()
              .decode(ByteBuffer.wrap(Files.readAllBytes(target))).toString());
        } catch (IOException | RuntimeException e) {
          return Optional.empty(); // unreadable or not UTF-8: the value stays unknown
        }
      }

      void evaluate() {
        reached.add(dir);
        prepare();
        for (Hcl.Block b : blocks) {
          switch (b.type()) {
            case "resource", "data" -> instances(b);
            case "module" -> instances(b);
            default -> {
            }
          }
        }
      }

      /** Reads the module's blocks and binds its variables and locals, without emitting anything. */
      void prepare() {
        List<Hcl.Block> overrides = new ArrayList<>();
        for (SourceFile f : config) {
          (isOverride(f.fileName()) ? overrides : blocks).addAll(read(f).blocks());
          String shown = f.displayPath();
          int slash = shown.lastIndexOf('/');
          displayDir = slash < 0 ? "." : shown.substring(0, slash);
        }
        for (Hcl.Block o : overrides) {
          mergeOverride(blocks, o);
        }
        Scope literalsOnly = Scope.of(new NoNames(displayDir));
        for (Hcl.Block b : blocks) {
          if (b.type().equals("variable")) {
            String name = b.label(0);
            Hcl.Attribute def = b.body().attribute("default");
            Value value = inputs.get(name);
            Hcl.Attribute nullable = b.body().attribute("nullable");
            if (value instanceof Value.Scalar given && given.value() == null && nullable != null
                && nullable.expr() instanceof Expr.Literal n && Boolean.FALSE.equals(n.value())) {
              value = null; // null given to a non-nullable variable means its default
            }
            boolean defaulted = value == null && def != null;
            if (defaulted) {
              value = evaluator.attribute(def, literalsOnly);
            }
            if (value == null) {
              value = new Value.Unknown("var." + name + " has no value", b.range());
            }
            Hcl.Attribute type = b.body().attribute("type");
            if (type != null && type.expr() != null) {
              value = Types.convert(value, type.expr(), evaluator, literalsOnly);
            }
            variables.put(name, value);
            if (defaulted && value.isKnown()) {
              variableOrigins.put(name, new Decided(callAt, "by default: variable `" + name + "` defaults to "
                  + Evaluator.abbreviate(value.describe())));
            } else if (inputOrigins.containsKey(name)) {
              variableOrigins.put(name, inputOrigins.get(name));
            }
          } else if (b.type().equals("locals")) {
            for (Hcl.Attribute a : b.body().attributes()) {
              localDefs.put(a.name(), a);
            }
          }
        }
      }

      /**
       * The value of {@code output} of a local module called once (no count/for_each) as {@code module}, evaluated
       * with the arguments of the call; null when it cannot be followed.
       */
      @Override
      public Value moduleOutput(String module, String output, Evaluator ev) {
        if (!evaluatingCalls.add(module)) {
          return null; // the call's arguments refer to its own outputs
        }
        try {
          ModuleRun child = children.get(module);
          if (child == null && !children.containsKey(module)) {
            child = childFor(module);
            children.put(module, child);
          }
          if (child == null) {
            return null;
          }
          for (Hcl.Block b : child.blocks) {
            if (b.type().equals("output") && b.label(0).equals(output)) {
              Hcl.Attribute value = b.body().attribute("value");
              return value == null ? null : ev.attribute(value, Scope.of(child));
            }
          }
          return null;
        } finally {
          evaluatingCalls.remove(module);
        }
      }

      @Override
      public String whyModuleOutputUnknown(String module, String output) {
        Hcl.Block call = blocks.stream().filter(b -> b.type().equals("module") && b.label(0).equals(module))
            .findFirst().orElse(null);
        String what = output == null ? "its outputs are unknown" : "its output `" + output + "` is unknown";
        if (call == null) {
          return "module." + module + " is not declared in " + displayDir + "; " + what;
        }
        Hcl.Attribute source = call.body().attribute("source");
        String shown = source == null ? "no source" : source.expr() instanceof Expr.Literal l
            && l.value() instanceof String s ? s : source.text();
        String name = "module." + module + " (" + shown + ")";
        Path target = localSource(call, dir);
        if (target == null) {
          return name + " is not read (spofscan reads local modules only); " + what;
        }
        if (!target.startsWith(config.get(0).root().toAbsolutePath().normalize())) {
          return name + " is outside the scan root and not read; " + what;
        }
        if (call.body().attribute("count") != null || call.body().attribute("for_each") != null) {
          return name + " uses count or for_each, so its outputs are not followed; " + what;
        }
        if (!followModules) {
          return name + " is not followed in this mode; " + what;
        }
        ModuleRun child = children.get(module);
        if (child != null && output != null && child.blocks.stream()
            .noneMatch(b -> b.type().equals("output") && b.label(0).equals(output))) {
          return name + " declares no output `" + output + "`";
        }
        return null;
      }

      private ModuleRun childFor(String module) {
        for (Hcl.Block b : blocks) {
          if (!b.type().equals("module") || !b.label(0).equals(module) || b.body().attribute("count") != null
              || b.body().attribute("for_each") != null) {
            continue;
          }
          Path target = localSource(b, dir);
          SourceFile caller = config.get(0);
          if (target == null || !followModules || !target.startsWith(caller.root().toAbsolutePath().normalize())
              || visiting.contains(target) || depth + 1 > MAX_MODULE_DEPTH) {
            return null;
          }
          List<SourceFile> files = moduleFiles(target, caller);
          if (files.isEmpty()) {
            return null;
          }
          Map<String, Value> bound = new HashMap<>(body(b.body(), Scope.of(this), b.range(), 0).entries());
          Set<Path> innerVisiting = new HashSet<>(visiting);
          innerVisiting.add(target);
          ModuleRun child = new ModuleRun(target, files, prefix + "module." + module + ".", chain, bound, existence,
              depth + 1, innerVisiting);
          child.prepare();
          return child;
        }
        return null;
      }

      /** Expands count / for_each and emits one Resource per instance. */
      private void instances(Hcl.Block b) {
        if (capped) {
          return;
        }
        String type = b.type().equals("resource") ? b.label(0)
            : b.type().equals("data") ? "data." + b.label(0) : "module";
        String base = prefix + (b.type().equals("module") ? "module." + b.label(0) : type + "." + b.label(1));
        Scope scope = Scope.of(this);
        Hcl.Attribute count = b.body().attribute("count");
        Hcl.Attribute forEach = b.body().attribute("for_each");
        if (count != null) {
          Value n = evaluator.attribute(count, scope);
          if (n instanceof Value.Unknown u) {
            emit(b, type, base, scope.with("count", countBinding(unknown("count", u, b))), unknown("count", u, b));
            return;
          }
          long c = n.asLong().orElse(-1);
          if (c < 0) {
            Value why = new Value.Unknown("count of " + base + " is not a whole number: " + n.describe(), b.range());
            emit(b, type, base, scope.with("count", countBinding(why)), why);
            return;
          }
          if (c > MAX_INSTANCES) {
            diagnostics.add(Diagnostic.warning(count.range(), "count of " + base + " is " + c + ": only the first "
                + MAX_INSTANCES + " instances are analysed"));
          }
          for (long i = 0; i < c && i < MAX_INSTANCES; i++) {
            Map<String, Value> binding = Map.of("index", Values.num(java.math.BigDecimal.valueOf(i), count.range()));
            emit(b, type, base + "[" + i + "]", scope.with("count", new Value.MapValue(binding, count.range())),
                existence);
          }
          return;
        }
        if (forEach != null) {
          Value coll = evaluator.attribute(forEach, scope);
          if (coll instanceof Value.Unknown u) {
            Value why = unknown("for_each", u, b);
            Map<String, Value> each = Map.of("key", why, "value", why);
            emit(b, type, base, scope.with("each", new Value.MapValue(each, forEach.range())), why);
            return;
          }
          Map<String, Value> keyed = new TreeMap<>();
          if (coll instanceof Value.MapValue m) {
            keyed.putAll(m.entries());
          } else {
            for (Value item : coll.items()) {
              if (item.asString().isEmpty()) {
                // An unknown (or non-string) element leaves the set of instance keys unknown.
                Value why = new Value.Unknown("for_each of " + base + " is unknown: "
                    + (item instanceof Value.Unknown u ? u.reason() : "an element is not a string"), b.range());
                Map<String, Value> each = Map.of("key", why, "value", why);
                emit(b, type, base, scope.with("each", new Value.MapValue(each, forEach.range())), why);
                return;
              }
              keyed.put(item.asString().get(), item);
            }
          }
          for (Map.Entry<String, Value> e : keyed.entrySet()) {
            Map<String, Value> each = Map.of("key", Values.str(e.getKey(), forEach.range()), "value", e.getValue());
            emit(b, type, base + "[\"" + e.getKey().replace("\\", "\\\\").replace("\"", "\\\"") + "\"]",
                scope.with("each", new Value.MapValue(each, forEach.range())), existence);
          }
          return;
        }
        emit(b, type, base, scope, existence);
      }

      private Value unknown(String what, Value.Unknown u, Hcl.Block b) {
        return new Value.Unknown(what + " is unknown: " + u.reason(), b.range());
      }

      private Value countBinding(Value why) {
        return new Value.MapValue(Map.of("index", why), why.location().orElse(null));
      }

      private void emit(Hcl.Block b, String type, String address, Scope scope, Value exists) {
        if (resources.size() >= MAX_RESOURCES) {
          if (!capped) {
            capped = true;
            diagnostics.add(Diagnostic.warning(b.range(), "more than " + MAX_RESOURCES
                + " resource instances: the rest are not analysed"));
          }
          return;
        }
        origins = new ArrayList<>();
        Value.MapValue body = body(b.body(), scope, b.range(), 0);
        List<ValueOrigin> bodyOrigins = origins;
        List<Reference> refs = new ArrayList<>();
        References.collect(b.body(), prefix, refs);
        if (b.type().equals("module")) {
          Map<String, Value> entries = new LinkedHashMap<>(body.entries());
          body = new Value.MapValue(entries, b.range());
          resources.add(new Resource(Format.TERRAFORM, type, address, b.range(), body, refs, exists, chain,
              bodyOrigins));
          callModule(b, address, body, exists, bodyOrigins);
          return;
        }
        resources.add(new Resource(Format.TERRAFORM, type, address, b.range(), body, refs, exists, chain,
            bodyOrigins));
      }

      /** The origin of a value that read {@code names}: the first decided by a caller, else the first defaulted. */
      private Decided decidedBy(Set<String> names) {
        Decided defaulted = null;
        for (String name : names) {
          Decided d = variableOrigins.get(name);
          if (d != null && d.at() != null) {
            return d;
          }
          if (d != null && defaulted == null) {
            defaulted = d;
          }
        }
        return defaulted;
      }

      private void callModule(Hcl.Block b, String address, Value.MapValue args, Value exists,
          List<ValueOrigin> argOrigins) {
        Hcl.Attribute source = b.body().attribute("source");
        Path target = localSource(b, dir);
        if (target == null || !followModules) {
          return;
        }
        SourceFile caller = config.get(0);
        Path root = caller.root().toAbsolutePath().normalize();
        if (!target.startsWith(root)) {
          diagnostics.add(Diagnostic.error(source.range(), "module source outside the scan root is not read: "
              + source.text()));
          return;
        }
        if (visiting.contains(target)) {
          diagnostics.add(Diagnostic.error(source.range(), "module call cycle: " + source.text()
              + " is already being evaluated"));
          return;
        }
        if (depth + 1 > MAX_MODULE_DEPTH) {
          diagnostics.add(Diagnostic.error(source.range(), "modules nested deeper than " + MAX_MODULE_DEPTH
              + " levels: not followed"));
          return;
        }
        List<SourceFile> moduleFiles = moduleFiles(target, caller);
        if (moduleFiles.isEmpty()) {
          diagnostics.add(Diagnostic.warning(source.range(), "module source " + source.text()
              + " has no Terraform files"));
          return;
        }
        Map<String, Value> bound = new HashMap<>(args.entries());
        List<SourceRange> innerChain = new ArrayList<>(chain);
        innerChain.add(b.range());
        Set<Path> innerVisiting = new HashSet<>(visiting);
        innerVisiting.add(target);
        // Each argument is decided where it is written, unless it only passes on what a caller further out decided.
        Map<String, Decided> decided = new HashMap<>();
        args.entries().forEach((name, value) -> value.location().ifPresent(at -> {
          ValueOrigin o = argOrigins.stream().filter(x -> x.attribute().equals(at)).findFirst().orElse(null);
          decided.put(name, o != null && o.byCaller() ? new Decided(o.decidedAt(), o.how())
              : new Decided(at, o == null ? "" : o.how()));
        }));
        new ModuleRun(target, moduleFiles, address + ".", innerChain, bound, exists, depth + 1, innerVisiting,
            decided, b.range()).evaluate();
      }

      private List<SourceFile> moduleFiles(Path target, SourceFile caller) {
        List<SourceFile> out = new ArrayList<>();
        if (!Files.isDirectory(target)) {
          return out;
        }
        try (Stream<Path> list = Files.list(target)) {
          list.filter(p -> isConfig(p.getFileName().toString()) && Files.isRegularFile(p))
              .sorted()
              .forEach(p -> out.add(known.computeIfAbsent(p.toAbsolutePath().normalize(),
                  abs -> new SourceFile(abs, displayFor(abs, caller), caller.root()))));
        } catch (IOException e) {
          diagnostics.add(Diagnostic.error(SourceRange.at(caller.displayPath(), 1, 1),
              "cannot list module directory: " + e.getMessage()));
        }
        out.removeIf(f -> {
          try {
            return !f.file().toRealPath().startsWith(caller.root().toRealPath());
          } catch (IOException e) {
            return true;
          }
        });
        return out;
      }

      /** Evaluates a block body: attributes, nested blocks as lists of maps, dynamic blocks expanded. */
      private Value.MapValue body(Hcl.Body body, Scope scope, SourceRange at, int level) {
        Map<String, Value> entries = new LinkedHashMap<>();
        for (Hcl.Attribute a : body.attributes()) {
          if (AS_WRITTEN.contains(a.name())) {
            entries.put(a.name(), new Value.Scalar(a.text(), a.range()));
            continue;
          }
          reads.clear();
          entries.put(a.name(), safeAttribute(a, scope));
          Decided decided = decidedBy(reads);
          if (decided != null) {
            origins.add(new ValueOrigin(a.range(), decided.at(), decided.how()));
          }
        }
        Map<String, List<Value>> nested = new LinkedHashMap<>();
        Map<String, SourceRange> firstAt = new HashMap<>();
        Map<String, Value> unknownBlocks = new LinkedHashMap<>();
        for (Hcl.Block child : body.blocks()) {
          if (child.type().equals("dynamic")) {
            String name = child.label(0);
            firstAt.putIfAbsent(name, child.range());
            dynamic(child, scope, level, nested.computeIfAbsent(name, k -> new ArrayList<>()), unknownBlocks);
          } else {
            firstAt.putIfAbsent(child.type(), child.range());
            nested.computeIfAbsent(child.type(), k -> new ArrayList<>())
                .add(body(child.body(), scope, child.range(), level + 1));
          }
        }
        nested.forEach((name, items) -> {
          Value unknown = unknownBlocks.get(name);
          if (!entries.containsKey(name)) {
            entries.put(name, unknown != null ? unknown : new Value.ListValue(items, firstAt.get(name)));
          }
        });
        return new Value.MapValue(entries, at);
      }

      private void dynamic(Hcl.Block d, Scope scope, int level, List<Value> out, Map<String, Value> unknownBlocks) {
        String name = d.label(0);
        Hcl.Attribute forEach = d.body().attribute("for_each");
        Hcl.Attribute iterator = d.body().attribute("iterator");
        String it = iterator != null && iterator.expr() instanceof Expr.Traversal t ? t.root() : name;
        Hcl.Block content = d.body().blocks().stream().filter(c -> c.type().equals("content")).findFirst()
            .orElse(null);
        if (forEach == null || content == null) {
          return;
        }
        Value coll = evaluator.attribute(forEach, scope);
        if (coll instanceof Value.Unknown u) {
          unknownBlocks.put(name, new Value.Unknown("dynamic block " + name + ": " + u.reason(), d.range()));
          return;
        }
        List<Value[]> pairs = new ArrayList<>();
        if (coll instanceof Value.MapValue m) {
          m.entries().forEach((k, v) -> pairs.add(new Value[] {Values.str(k, d.range()), v}));
        } else {
          List<Value> items = coll.items();
          for (int i = 0; i < items.size(); i++) {
            pairs.add(new Value[] {Values.num(java.math.BigDecimal.valueOf(i), d.range()), items.get(i)});
          }
        }
        for (Value[] pair : pairs) {
          Value binding = new Value.MapValue(Map.of("key", pair[0], "value", pair[1]), d.range());
          out.add(body(content.body(), scope.with(it, binding), d.range(), level + 1));
        }
      }

      private Value safeAttribute(Hcl.Attribute a, Scope scope) {
        try {
          return evaluator.attribute(a, scope);
        } catch (RuntimeException | StackOverflowError e) {
          return new Value.Unknown("evaluating " + a.name() + " failed: " + io.spofscan.core.scan.Failures.describe(e),
              a.range());
        }
      }
    }

    /** Display path of a module file not listed by the walker, relative to the caller's display path. */
    private String displayFor(Path abs, SourceFile caller) {
      Path callerDir = caller.file().toAbsolutePath().normalize().getParent();
      String rel = callerDir.relativize(abs).toString().replace('\\', '/');
      String shown = caller.displayPath();
      int slash = shown.lastIndexOf('/');
      String joined = (slash < 0 ? "" : shown.substring(0, slash + 1)) + rel;
      List<String> parts = new ArrayList<>();
      for (String part : joined.split("/")) {
        if (part.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
          parts.remove(parts.size() - 1);
        } else if (!part.equals(".") && !part.isEmpty()) {
          parts.add(part);
        }
      }
      return String.join("/", parts);
    }
  }

  /** Terraform's override files: override.tf, *_override.tf and their .tf.json forms. */
  static boolean isOverride(String fileName) {
    String base = fileName.toLowerCase(Locale.ROOT).replaceAll("\\.tf(\\.json)?$", "");
    return base.equals("override") || base.endsWith("_override");
  }

  /**
   * Merges an override block into the block it overrides, as Terraform does: each attribute replaces the original's,
   * nested blocks of a type replace all the original's blocks of that type; locals merge by name. An override
   * block without an original is ignored (Terraform rejects it).
   */
  static void mergeOverride(List<Hcl.Block> blocks, Hcl.Block o) {
    if (o.type().equals("locals")) {
      blocks.add(o);
      return;
    }
    for (int i = 0; i < blocks.size(); i++) {
      Hcl.Block b = blocks.get(i);
      if (b.type().equals(o.type()) && b.labels().equals(o.labels())) {
        List<Hcl.Attribute> attributes = new ArrayList<>();
        for (Hcl.Attribute a : b.body().attributes()) {
          Hcl.Attribute replaced = o.body().attribute(a.name());
          attributes.add(replaced != null ? replaced : a);
        }
        for (Hcl.Attribute a : o.body().attributes()) {
          if (b.body().attribute(a.name()) == null) {
            attributes.add(a);
          }
        }
        Set<String> overridden = new HashSet<>();
        o.body().blocks().forEach(n -> overridden.add(n.type().equals("dynamic") ? n.label(0) : n.type()));
        List<Hcl.Block> nested = new ArrayList<>();
        for (Hcl.Block n : b.body().blocks()) {
          if (!overridden.contains(n.type().equals("dynamic") ? n.label(0) : n.type())) {
            nested.add(n);
          }
        }
        nested.addAll(o.body().blocks());
        blocks.set(i, new Hcl.Block(b.type(), b.labels(), b.range(), new Hcl.Body(attributes, nested)));
        return;
      }
    }
  }

  /** Where a value was decided (null: where it is written) and how, for messages (or ""). */
  private record Decided(SourceRange at, String how) {}

  /** Names for values that may only be literals (variable defaults, .tfvars). */
  private record NoNames(String modulePath) implements Scope.Names {
    @Override
    public Value variable(String name) {
      return null;
    }

    @Override
    public Value local(String name, Evaluator evaluator) {
      return null;
    }
  }
}
