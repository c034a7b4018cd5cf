package io.spofscan.parsers.terraform;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Terraform plan JSON ({@code terraform show -json plan.out}): the resources of {@code planned_values}, root and child
 * modules, with their plan addresses and values. Attributes Terraform marks as known only after apply are unknown.
 * Each resource is located at its {@code resource} block in the scanned .tf files when the plan's
 * {@code configuration} leads there (the plan's folder is taken as the root module), else in the plan file.
 */
public final class TerraformPlanParser {
  private static final Pattern FORMAT_VERSION = Pattern.compile("\"format_version\"\\s*:");
  private static final Pattern TERRAFORM_VERSION = Pattern.compile("\"terraform_version\"\\s*:");
  private static final Pattern PLAN_KEYS = Pattern.compile(
      "\"(planned_values|resource_changes|configuration|prior_state|variables)\"\\s*:");

  private final ScanOptions options;

  public TerraformPlanParser(ScanOptions options) {
    this.options = options;
  }

  /** True when the first characters of a JSON file look like {@code terraform show -json} output of a plan. */
  public static boolean looksLikePlan(String head) {
    if (head == null) {
      return false;
    }
    String h = head.stripLeading();
    return h.startsWith("{") && FORMAT_VERSION.matcher(h).find() && TERRAFORM_VERSION.matcher(h).find()
        && (PLAN_KEYS.matcher(h).find() || h.length() < 200);
  }

  /**
   * @param plans the plan JSON files
   * @param terraformSources the scan's .tf files, used to locate resources in their configuration
   */
  public Model parse(List<SourceFile> plans, List<SourceFile> terraformSources) {
    List<Resource> resources = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    ExecutorService workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "spofscan-hcl-lexer");
      t.setDaemon(true);
      return t;
    });
    try {
      ConfigIndex index = new ConfigIndex(terraformSources, new HclReader(workers,
          TerraformParser.DEFAULT_DEADLINE_MILLIS));
      for (SourceFile plan : plans) {
        try {
          parseOne(plan, index, resources, diagnostics);
        } catch (RuntimeException e) {
          diagnostics.add(Diagnostic.error(SourceRange.at(plan.displayPath(), 1, 1),
              "Terraform plan could not be read: " + io.spofscan.core.scan.Failures.describe(e)));
        }
      }
    } finally {
      workers.shutdownNow();
    }
    return new Model(resources, diagnostics);
  }

  private void parseOne(SourceFile plan, ConfigIndex index, List<Resource> resources, List<Diagnostic> diagnostics) {
    String path = plan.displayPath();
    Value root;
    try {
      if (Files.size(plan.file()) > options.maxFileBytes()) {
        diagnostics.add(Diagnostic.error(SourceRange.at(path, 1, 1),
            "file is larger than " + options.maxFileBytes() + " bytes: skipped"));
        return;
      }
      root = LocatedJson.read(path, new String(Files.readAllBytes(plan.file()), StandardCharsets.UTF_8));
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(SourceRange.at(path, 1, 1), "cannot read: " + e.getMessage()));
      return;
    } catch (LocatedJson.JsonError e) {
      diagnostics.add(Diagnostic.error(SourceRange.at(path, e.line, e.column), "JSON syntax error: " + e.getMessage()));
      return;
    }
    Value planned = root.path("planned_values.root_module");
    if (!(planned instanceof Value.MapValue)) {
      diagnostics.add(Diagnostic.warning(SourceRange.at(path, 1, 1),
          "Terraform JSON without planned_values.root_module: no resources read"));
      return;
    }
    Map<String, Value> afterUnknown = new HashMap<>();
    for (Value change : root.get("resource_changes").items()) {
      change.get("address").asString().ifPresent(a -> afterUnknown.put(a, change.path("change.after_unknown")));
    }
    Path planDir = plan.file().toAbsolutePath().normalize().getParent();
    Deque<Value> modules = new ArrayDeque<>();
    modules.add(planned);
    while (!modules.isEmpty()) {
      Value module = modules.poll();
      for (Value r : module.get("resources").items()) {
        Resource built = resource(r, path, planDir, root.path("configuration.root_module"), index, afterUnknown);
        if (built != null) {
          resources.add(built);
        }
      }
      modules.addAll(module.get("child_modules").items());
    }
  }

  private Resource resource(Value r, String planPath, Path planDir, Value configRoot, ConfigIndex index,
      Map<String, Value> afterUnknown) {
    String address = r.get("address").asString().orElse(null);
    String type = r.get("type").asString().orElse(null);
    String name = r.get("name").asString().orElse(null);
    if (address == null || type == null || name == null) {
      return null;
    }
    boolean data = "data".equals(r.get("mode").asString().orElse("managed"));
    String modelType = data ? "data." + type : type;
    SourceRange jsonAt = r.location().orElse(SourceRange.at(planPath, 1, 1));
    Hcl.Block block = index.find(planDir, configRoot, modulePath(address), data ? "data" : "resource", type, name);
    SourceRange at = block != null ? block.range() : jsonAt;
    Map<String, Value> body = new LinkedHashMap<>();
    Value unknowns = afterUnknown.getOrDefault(address, Value.absent());
    for (Map.Entry<String, Value> e : r.get("values").entries().entrySet()) {
      body.put(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, Value> e : unknowns.entries().entrySet()) {
      if (e.getValue().truth(false) == io.spofscan.core.model.Truth.TRUE) {
        body.put(e.getKey(), new Value.Unknown(address + "." + e.getKey() + " is known only after apply",
            e.getValue().location().orElse(jsonAt)));
      }
    }
    if (block != null) {
      for (Map.Entry<String, Value> e : body.entrySet()) {
        Hcl.Attribute written = block.body().attribute(e.getKey());
        Hcl.Block nested = block.body().blocks().stream().filter(b -> b.type().equals(e.getKey())).findFirst()
            .orElse(null);
        SourceRange attrAt = written != null ? written.range() : nested != null ? nested.range() : at;
        e.setValue(Values.everywhereAt(e.getValue(), attrAt));
      }
    }
    return new Resource(Format.TERRAFORM, modelType, address, at, new Value.MapValue(body, at), List.of(), null,
        List.of());
  }

  /** The module names of a plan address: module.a["x"].module.b.aws_x.y[0] gives [a, b]. */
  static List<String> modulePath(String address) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (address.startsWith("module.", i)) {
      int start = i + 7;
      int end = start;
      while (end < address.length() && address.charAt(end) != '.' && address.charAt(end) != '[') {
        end++;
      }
      out.add(address.substring(start, end));
      if (end < address.length() && address.charAt(end) == '[') {
        int depth = 0;
        boolean quoted = false;
        for (; end < address.length(); end++) {
          char c = address.charAt(end);
          if (c == '"' && address.charAt(end - 1) != '\\') {
            quoted = !quoted;
          } else if (!quoted && c == '[') {
            depth++;
          } else if (!quoted && c == ']' && --depth == 0) {
            end++;
            break;
          }
        }
      }
      i = end + 1;
    }
    return out;
  }

  /** The scanned .tf files by directory, parsed on demand. */
  private static final class ConfigIndex {
    private final Map<Path, List<SourceFile>> byDir = new HashMap<>();
    private final Map<Path, List<Hcl.Block>> parsed = new HashMap<>();
    private final HclReader reader;

    ConfigIndex(List<SourceFile> sources, HclReader reader) {
      this.reader = reader;
      for (SourceFile f : sources) {
        if (f.fileName().toLowerCase(Locale.ROOT).endsWith(".tf")) {
          byDir.computeIfAbsent(f.file().toAbsolutePath().normalize().getParent(), d -> new ArrayList<>()).add(f);
        }
      }
    }

    Hcl.Block find(Path rootDir, Value configRoot, List<String> modules, String kind, String type, String name) {
      Path dir = rootDir;
      Value config = configRoot;
      for (String module : modules) {
        Value call = config.path("module_calls").get(module);
        String source = call.get("source").asString().orElse(null);
        if (source == null || !(source.startsWith("./") || source.startsWith("../"))) {
          return null;
        }
        dir = dir.resolve(source).normalize();
        config = call.get("module");
      }
      for (Hcl.Block b : blocks(dir)) {
        if (b.type().equals(kind) && b.label(0).equals(type) && b.label(1).equals(name)) {
          return b;
        }
      }
      return null;
    }

    private List<Hcl.Block> blocks(Path dir) {
      return parsed.computeIfAbsent(dir, d -> {
        List<Hcl.Block> out = new ArrayList<>();
        for (SourceFile f : byDir.getOrDefault(d, List.of())) {
          try {
            out.addAll(reader.read(f.displayPath(), Files.readString(f.file()), true).blocks());
          } catch (IOException | RuntimeException e) {
            // the Terraform parser reports unreadable files; here they only cannot serve as locations
          }
        }
        return out;
      });
    }
  }
}
