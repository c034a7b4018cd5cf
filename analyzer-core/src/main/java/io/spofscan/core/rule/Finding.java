package io.spofscan.core.rule;

import io.spofscan.core.model.Context;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.SourceRange;
import java.util.Comparator;
import java.util.List;

/**
 * One SPOF found (or, when {@code certain} is false, one that depends on an unresolved value).
 *
 * @param ruleId the rule that found it
 * @param severity the rule's severity (after configuration)
 * @param certain false when the verdict depends on something unresolved; reported at SARIF level "note"
 * @param message why this resource is a SPOF, naming the resource and, when uncertain, what it depends on
 * @param location the offending attribute, or the resource header when the attribute is absent
 * @param format the resource's format
 * @param resourceType native type
 * @param resourceAddress the resource address
 * @param notes extra context lines (module call sites, related resources)
 * @param fingerprint stable key: rule, path and resource address (not the line), so it survives unrelated edits
 * @param related other places that explain it: the module line a caller's argument reaches, the module calls
 * @param context what the finding's file is for (production, example, test), from its path
 * @param flow the flows that reach the resource and the chain to it, {@link FlowChain#NONE} when none does
 */
public record Finding(
    String ruleId,
    Severity severity,
    boolean certain,
    String message,
    SourceRange location,
    Format format,
    String resourceType,
    String resourceAddress,
    List<String> notes,
    String fingerprint,
    List<RelatedLocation> related,
    Context context,
    FlowChain flow) implements Comparable<Finding> {

  public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
      .thenComparing(Finding::ruleId)
      .thenComparing(Finding::resourceAddress)
      .thenComparing(Finding::message);

  /** Certain before unknown, then by severity (critical first), then in report order: what to keep when cut. */
  public static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator.comparing((Finding f) -> !f.certain())
      .thenComparing(Finding::severity)
      .thenComparing(ORDER);

  public Finding {
    notes = List.copyOf(notes);
    related = List.copyOf(related);
    context = context == null ? Context.PRODUCTION : context;
    flow = flow == null ? FlowChain.NONE : flow;
  }

  /** A finding no flow has been traced to yet (the scan adds the chain later, see {@link #withFlow}). */
  public Finding(String ruleId, Severity severity, boolean certain, String message, SourceRange location,
      Format format, String resourceType, String resourceAddress, List<String> notes, String fingerprint,
      List<RelatedLocation> related, Context context) {
    this(ruleId, severity, certain, message, location, format, resourceType, resourceAddress, notes, fingerprint,
        related, context, FlowChain.NONE);
  }

  /** A finding in a production file (the scan sets the real context later, see {@link #withContext}). */
  public Finding(String ruleId, Severity severity, boolean certain, String message, SourceRange location,
      Format format, String resourceType, String resourceAddress, List<String> notes, String fingerprint,
      List<RelatedLocation> related) {
    this(ruleId, severity, certain, message, location, format, resourceType, resourceAddress, notes, fingerprint,
        related, Context.PRODUCTION);
  }

  public Finding(String ruleId, Severity severity, boolean certain, String message, SourceRange location,
      Format format, String resourceType, String resourceAddress, List<String> notes, String fingerprint) {
    this(ruleId, severity, certain, message, location, format, resourceType, resourceAddress, notes, fingerprint,
        List.of());
  }

  public Finding withFingerprint(String fp) {
    return new Finding(ruleId, severity, certain, message, location, format, resourceType, resourceAddress, notes, fp,
        related, context, flow);
  }

  public Finding withSeverity(Severity s) {
    return new Finding(ruleId, s, certain, message, location, format, resourceType, resourceAddress, notes, fingerprint,
        related, context, flow);
  }

  public Finding withContext(Context c) {
    return new Finding(ruleId, severity, certain, message, location, format, resourceType, resourceAddress, notes,
        fingerprint, related, c, flow);
  }

  public Finding withFlow(FlowChain f) {
    return new Finding(ruleId, severity, certain, message, location, format, resourceType, resourceAddress, notes,
        fingerprint, related, context, f);
  }

  /** SARIF level: uncertain findings are notes whatever the severity. */
  public String level() {
    return certain ? severity.sarifLevel() : "note";
  }

  @Override
  public int compareTo(Finding o) {
    return ORDER.compare(this, o);
  }
}
