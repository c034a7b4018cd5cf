package io.spofscan.parsers.cloudformation;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Reference;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.parsers.yaml.ParsedDocuments;
import io.spofscan.parsers.yaml.ParsedDocuments.Note;
import io.spofscan.parsers.yaml.ParsedDocuments.NoteKind;
import io.spofscan.parsers.yaml.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * CloudFormation templates into resources: one per logical id, with intrinsics evaluated against parameter values
 * (given, else Default, else unknown), conditions decided where the parameters allow it, resources behind a false
 * Condition left out and behind an unknown one marked as possibly absent. Local nested stacks are read with their
 * parameters bound from the parent, up to {@link #MAX_NESTING} levels, cycles refused.
 */
public final class CloudFormationReader {
  public static final int MAX_NESTING = 5;
  /** Resources one template may bring in through nested stacks: 50 stacks per level over 5 levels is 3 x 10^8. */
  public static final int MAX_NESTED_RESOURCES = 100_000;
  private boolean nestedBudgetReported;

  /** Finds a nested stack's template given as a path relative to the parent template. */
  public interface ChildLoader {
    /** The child template, or empty when it is not a readable file inside the scan root. */
    Optional<ChildTemplate> load(String parentDisplayPath, String relativePath);
  }

  /**
   * A loaded child template.
   *
   * @param identity the file's real path, to detect cycles
   */
  public record ChildTemplate(String displayPath, String identity, ParsedDocuments parsed,
      List<Diagnostic> readProblems) {}

  private final ScanOptions options;
  private final ChildLoader loader;

  public CloudFormationReader(ScanOptions options, ChildLoader loader) {
    this.options = options;
    this.loader = loader;
  }

  /** Reads a top-level template; {@code identity} names its file for cycle detection. */
  public void read(String path, String identity, ParsedDocuments parsed, List<Resource> out,
      List<Diagnostic> diagnostics) {
    read(path, parsed, null, "", List.of(identity), out, diagnostics);
  }

  private void read(String path, ParsedDocuments parsed, Map<String, Value> bound, String prefix,
      List<String> chain, List<Resource> out, List<Diagnostic> diagnostics) {
    for (Note note : parsed.notes()) {
      if (note.kind() == NoteKind.UNKNOWN_TAG && note.detail().startsWith("!Rain::")) {
        diagnostics.add(Diagnostic.warning(note.at(), note.detail() + " is a Rain directive: package the template with"
            + " `rain pkg` and scan the result to check what it includes"));
        continue;
      }
      diagnostics.add(Diagnostic.error(note.at(), switch (note.kind()) {
        case DUPLICATE_KEY -> "duplicate key '" + note.detail() + "': CloudFormation rejects the template";
        case ALIAS -> "YAML alias *" + note.detail() + ": CloudFormation does not support aliases";
        case MERGE_KEY -> "YAML merge key <<: CloudFormation does not support merge keys";
        case UNKNOWN_TAG -> "unknown tag " + note.detail() + ": not a CloudFormation intrinsic function";
        case COMPLEX_KEY -> note.detail().equals("{{")
            ? "unrendered template expression {{ ... }}: render the template and scan the result"
            : "a mapping key must be a string in CloudFormation";
      }));
    }
    if (parsed.documents().isEmpty() || !(parsed.documents().get(0).root() instanceof Value.MapValue root)) {
      return;
    }
    if (parsed.documents().size() > 1) {
      diagnostics.add(Diagnostic.error(parsed.documents().get(1).start(),
          "a CloudFormation template is one YAML document: the documents after the first are ignored"));
    }
    CfnTemplate sections = CfnTemplate.of(root);
    Map<String, String> pseudo = new LinkedHashMap<>();
    options.cfnParameters().forEach((k, v) -> {
      if (k.startsWith("AWS::")) {
        pseudo.put(k, v);
      }
    });
    Map<String, Value> parameters = parameterValues(sections, bound);
    if (!(root.get("Resources") instanceof Value.MapValue declaredResources)) {
      if (!root.get("Resources").isAbsent()) {
        diagnostics.add(Diagnostic.error(root.get("Resources").location().orElse(SourceRange.at(path, 1, 1)),
            "Resources must be a mapping of logical ids to resources"));
      }
      return;
    }
    Map<String, Value> resources = new ForEachExpander(new CfnEvaluator(sections, parameters, pseudo), diagnostics)
        .expand(declaredResources.entries());
    CfnTemplate template = new CfnTemplate(root, sections.parameters(), sections.conditions(), sections.mappings(),
        resources.keySet());
    CfnEvaluator evaluator = new CfnEvaluator(template, parameters, pseudo);
    for (Map.Entry<String, Value> entry : resources.entrySet()) {
      String id = entry.getKey();
      Value declared = entry.getValue();
      SourceRange at = declared.location().orElse(SourceRange.at(path, 1, 1));
      if (id.equals("Fn::Transform")) {
        diagnostics.add(Diagnostic.warning(at, "Fn::Transform runs at deploy (AWS::Include or a macro): the resources"
            + " it adds are not checked"));
        continue;
      }
      if (!(declared instanceof Value.MapValue body)) {
        diagnostics.add(Diagnostic.error(at, "resource " + id + " must be a mapping with a Type"));
        continue;
      }
      if (body.entries().containsKey("Rain::Module") || body.get("Type").entries().containsKey("Rain::Module")) {
        diagnostics.add(Diagnostic.warning(at, "resource " + id + " is a Rain module: package the template with"
            + " `rain pkg` and scan the result to check it"));
        continue;
      }
      Optional<String> type = body.get("Type").asString();
      if (type.isEmpty() || !(body.get("Type") instanceof Value.Scalar)) {
        diagnostics.add(Diagnostic.error(at, "resource " + id + " has no Type"));
        continue;
      }
      Value existence = null;
      Value condition = body.get("Condition");
      if (!condition.isAbsent()) {
        Optional<String> name = condition.asString();
        CfnEvaluator.Cond c = name.map(evaluator::condition)
            .orElse(new CfnEvaluator.Cond(Truth.UNKNOWN, "Condition must name a condition"));
        if (c.truth() == Truth.FALSE) {
          continue;
        }
        if (c.truth() == Truth.UNKNOWN) {
          existence = Value.unknown(c.reason(), condition.location().orElse(at));
        }
      }
      evaluator.takeReferences();
      Value evaluated = evaluator.eval(body);
      List<Reference> references = new ArrayList<>(evaluator.takeReferences());
      for (Value dependsOn : body.get("DependsOn") instanceof Value.ListValue l ? l.items()
          : body.get("DependsOn").isAbsent() ? List.<Value>of() : List.of(body.get("DependsOn"))) {
        dependsOn.asString().ifPresent(target -> references.add(
            new Reference("depends_on", prefix + target, "", dependsOn.location().orElse(at))));
      }
      List<Reference> prefixed = new ArrayList<>();
      for (Reference r : references) {
        prefixed.add(r.kind().equals("depends_on") || r.kind().equals("import") ? r
            : new Reference(r.kind(), prefix + r.target(), r.detail(), r.range()));
      }
      Value.MapValue resourceBody = evaluated instanceof Value.MapValue m ? m : body;
      out.add(new Resource(Format.CLOUDFORMATION, type.get(), prefix + id, at, resourceBody, prefixed, existence,
          List.of()));
      if (type.get().equals("AWS::CloudFormation::Stack")) {
        nested(path, id, at, resourceBody.path("Properties.TemplateURL"), resourceBody, prefix, chain, out,
            diagnostics);
      } else if (type.get().equals("AWS::Serverless::Application")) {
        // SAM's nested application: a Location given as a path is a local template
        nested(path, id, at, resourceBody.path("Properties.Location"), resourceBody, prefix, chain, out, diagnostics);
      }
    }
  }

  private Map<String, Value> parameterValues(CfnTemplate template, Map<String, Value> bound) {
    Map<String, Value> values = new LinkedHashMap<>();
    for (Map.Entry<String, Value> p : template.parameters().entries().entrySet()) {
      String name = p.getKey();
      Value declaration = p.getValue();
      SourceRange at = declaration.location().orElse(null);
      String type = declaration.get("Type").asString().orElse("String");
      Value v;
      if (bound != null && bound.containsKey(name)) {
        v = bound.get(name);
      } else if (bound == null && options.cfnParameters().containsKey(name)) {
        v = Value.of(options.cfnParameters().get(name), at);
      } else if (declaration.get("Default").isKnown() && !declaration.get("Default").isNull()) {
        v = Values.relocate(declaration.get("Default"), at);
      } else {
        v = Value.unknown("parameter " + name + " has no value", at);
      }
      if (type.startsWith("AWS::SSM::Parameter::Value") && v.isKnown()) {
        v = Value.unknown("parameter " + name + " is read from SSM parameter " + v.describe() + " at deploy", at);
      } else if ((type.equals("CommaDelimitedList") || type.startsWith("List<")) && v instanceof Value.Scalar s
          && s.value() != null) {
        v = CfnEvaluator.split(",", v.asString().orElse(""), at);
      }
      values.put(name, v);
    }
    return values;
  }

  private void nested(String path, String id, SourceRange at, Value location, Value.MapValue body, String prefix,
      List<String> chain, List<Resource> out, List<Diagnostic> diagnostics) {
    Optional<String> url = location instanceof Value.Scalar ? location.asString() : Optional.empty();
    if (url.isEmpty() || isRemote(url.get())) {
      return;
    }
    if (chain.size() > MAX_NESTING) {
      diagnostics.add(Diagnostic.warning(at, "nested stack " + prefix + id + " is more than " + MAX_NESTING
          + " levels deep: not followed"));
      return;
    }
    if (out.size() >= MAX_NESTED_RESOURCES) {
      if (!nestedBudgetReported) {
        nestedBudgetReported = true;
        diagnostics.add(Diagnostic.warning(at, "nested stacks bring in more than " + MAX_NESTED_RESOURCES
            + " resources: " + prefix + id + " and the rest are not followed"));
      }
      return;
    }
    Optional<ChildTemplate> child = loader.load(path, url.get());
    if (child.isEmpty()) {
      diagnostics.add(Diagnostic.warning(at, "nested stack template " + url.get()
          + " is not a readable file inside the scan root: not checked"));
      return;
    }
    ChildTemplate c = child.get();
    if (chain.contains(c.identity())) {
      diagnostics.add(Diagnostic.error(at, "nested stack " + prefix + id + " includes " + c.displayPath()
          + ", which is already being read (a cycle): not followed"));
      return;
    }
    diagnostics.addAll(c.readProblems());
    c.parsed().error().ifPresent(diagnostics::add);
    Map<String, Value> bound = new LinkedHashMap<>();
    body.path("Properties.Parameters").entries().forEach(bound::put);
    List<String> nextChain = new ArrayList<>(chain);
    nextChain.add(c.identity());
    read(c.displayPath(), c.parsed(), bound, prefix + id + "/", nextChain, out, diagnostics);
  }

  private static boolean isRemote(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.contains("://") || lower.startsWith("s3:") || lower.startsWith("//") || lower.contains("{{resolve:");
  }
}
