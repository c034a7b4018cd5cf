package io.spofscan.core.rule;

import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.core.model.ValueOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects one rule's findings. A rule supplies the resource, the offending value and a message; the reporter
 * stamps the rule's id and severity, picks the location (the value's, else the resource header) and downgrades the
 * finding to uncertain when the resource itself may not exist.
 */
public final class Reporter {
  private final RuleMeta meta;
  private final List<Finding> sink;

  public Reporter(RuleMeta meta, List<Finding> sink) {
    this.meta = meta;
    this.sink = sink;
  }

  public RuleMeta rule() {
    return meta;
  }

  /** A definite SPOF (uncertain only if the resource's existence is unknown). */
  public void at(Resource r, Value offending, String format, Object... args) {
    add(r, offending, true, String.format(format, args));
  }

  /** A SPOF that depends on an unresolved value; the message must say what it depends on. */
  public void unknown(Resource r, Value offending, String format, Object... args) {
    add(r, offending, false, String.format(format, args));
  }

  private void add(Resource r, Value offending, boolean certain, String message) {
    SourceRange written = offending.location().filter(l -> l.path().equals(r.path())).orElse(r.range());
    boolean definite = certain;
    String text = message;
    List<RelatedLocation> related = new ArrayList<>();
    SourceRange where = written;
    Optional<ValueOrigin> origin = r.originOf(written);
    if (origin.isPresent() && origin.get().byCaller()) {
      // The caller can fix it: point at its argument (or its call), and show the module line it reaches.
      where = origin.get().decidedAt();
      related.add(new RelatedLocation(written, (r.format() == io.spofscan.core.model.Format.KUBERNETES
          ? "the manifest's value a kustomization overrides (" : "the module's attribute this value reaches (")
          + r.address() + ")"));
    } else {
      for (SourceRange call : r.callChain()) {
        related.add(new RelatedLocation(call, "instantiated by this module call"));
      }
    }
    if (origin.isPresent() && !origin.get().how().isEmpty()) {
      text = text + " (" + origin.get().how() + ")";
    }
    if (!r.certainlyExists()) {
      definite = false;
      text = text + " (if it is created: " + r.existence().unknownReason().orElse("existence unknown") + ")";
    }
    sink.add(new Finding(meta.id(), meta.severity(), definite, text, where, r.format(), r.type(), r.address(),
        List.of(), "", related));
  }
}
