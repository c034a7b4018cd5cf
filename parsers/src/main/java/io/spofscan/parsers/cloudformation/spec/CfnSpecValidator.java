package io.spofscan.parsers.cloudformation.spec;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks CloudFormation resources against the shipped {@link CfnSpec}: a WARNING for a resource type CloudFormation
 * does not know (at the {@code Type} key) and for a property a known type does not have (at the property's key),
 * with a suggestion when the name is close to a real one ({@code MultiAz} → {@code MultiAZ}).
 *
 * <p>Only the namespaces AWS owns are checked ({@code AWS::*} and {@code Alexa::*}): {@code Custom::*} resources,
 * third-party and private registry types ({@code MongoDB::Atlas::Cluster}) and modules ({@code ...::MODULE}) are
 * not in the specification. SAM types ({@code AWS::Serverless::*}) are skipped because the SAM transform, not
 * CloudFormation, defines them, and {@code AWS::CloudFormation::CustomResource} takes any properties.
 */
public final class CfnSpecValidator {
  /** Types CloudFormation accepts that the resource specification does not list. */
  private static final Set<String> ACCEPTED_UNLISTED = Set.of("AWS::CDK::Metadata");
  /** Types whose properties are free-form (passed to a Lambda function or SNS topic). */
  private static final Set<String> FREE_FORM_PROPERTIES = Set.of("AWS::CloudFormation::CustomResource");
  private static final int MAX_SUGGESTION_DISTANCE = 2;

  private final Supplier<CfnSpec> spec;

  public CfnSpecValidator(CfnSpec spec) {
    this.spec = () -> spec;
  }

  private CfnSpecValidator(Supplier<CfnSpec> spec) {
    this.spec = spec;
  }

  /**
   * Checks {@code model} against the shipped specification, which is read only when the model has a resource to
   * check (a Terraform- or Kubernetes-only scan never pays for it).
   */
  public static List<Diagnostic> validate(Model model) {
    return new CfnSpecValidator(CfnSpec::get).check(model);
  }

  /** WARNING diagnostics for the CloudFormation resources of {@code model}, in model order. */
  public List<Diagnostic> check(Model model) {
    List<Diagnostic> out = new ArrayList<>();
    for (Resource r : model.resources()) {
      if (r.format() == Format.CLOUDFORMATION && isChecked(r.type())) {
        check(spec.get(), r, out);
      }
    }
    return out;
  }

  /** True for types in the namespaces the specification covers. */
  static boolean isChecked(String type) {
    boolean awsOwned = type.startsWith("AWS::") || type.startsWith("Alexa::");
    return awsOwned && !type.startsWith("AWS::Serverless::") && !type.endsWith("::MODULE")
        && !ACCEPTED_UNLISTED.contains(type);
  }

  private static void check(CfnSpec spec, Resource r, List<Diagnostic> out) {
    Optional<CfnSpec.ResourceType> known = spec.type(r.type());
    if (known.isEmpty()) {
      SourceRange at = r.body().get("Type").location().orElse(r.range());
      out.add(Diagnostic.warning(at, "unknown CloudFormation resource type " + r.type() + " in resource "
          + r.address() + suggestion(r.type(), spec.typeNames()) + " (" + spec.source() + ")"));
      return;
    }
    if (FREE_FORM_PROPERTIES.contains(r.type()) || !(r.body().get("Properties") instanceof Value.MapValue props)) {
      return; // absent, or unknown (e.g. a whole Properties block behind an unresolved Fn::If): nothing to check
    }
    Map<String, CfnSpec.Property> allowed = known.get().properties();
    for (Map.Entry<String, Value> e : props.entries().entrySet()) {
      String name = e.getKey();
      if (allowed.containsKey(name) || name.startsWith("Fn::")) {
        continue; // Fn::Transform (AWS::Include) may stand among the properties
      }
      SourceRange at = e.getValue().location().or(props::location).orElse(r.range());
      out.add(Diagnostic.warning(at, r.type() + " has no property " + name + " (resource " + r.address() + ")"
          + suggestion(name, allowed.keySet())));
    }
  }

  /** " (did you mean X?)" for a same-name-but-case or a close name, else "". */
  static String suggestion(String written, Collection<String> candidates) {
    String best = null;
    int bestDistance = MAX_SUGGESTION_DISTANCE + 1;
    for (String c : candidates) {
      if (c.equalsIgnoreCase(written)) {
        return " (did you mean " + c + "?)";
      }
      if (Math.abs(c.length() - written.length()) <= MAX_SUGGESTION_DISTANCE) {
        int d = distance(c.toLowerCase(Locale.ROOT), written.toLowerCase(Locale.ROOT));
        if (d < bestDistance || d == bestDistance && best != null && c.compareTo(best) < 0) {
          best = c;
          bestDistance = d;
        }
      }
    }
    return best == null ? "" : " (did you mean " + best + "?)";
  }

  /** Levenshtein distance, two rows. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
