package io.spofscan.core.rule;

import io.spofscan.core.model.Format;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A rule's metadata as read from its {@link RuleInfo}, plus its markdown help. */
public record RuleMeta(
    String id,
    String title,
    Severity severity,
    List<Format> formats,
    String rationale,
    String remediation,
    List<String> tags,
    List<String> references,
    String helpMarkdown) {

  public RuleMeta {
    formats = List.copyOf(formats);
    tags = List.copyOf(tags);
    references = List.copyOf(references);
  }

  /** Metadata of a rule class; fails fast when the annotation is missing, since that is a programming error. */
  public static RuleMeta of(Class<?> ruleClass) {
    return READ.computeIfAbsent(ruleClass, RuleMeta::read);
  }

  /**
   * Read once per rule class: the annotation and its help resource never change, and a scan asks for a rule's
   * metadata several times (selection, severity overrides, reports).
   */
  private static final java.util.Map<Class<?>, RuleMeta> READ = new java.util.concurrent.ConcurrentHashMap<>();

  private static RuleMeta read(Class<?> ruleClass) {
    RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(ruleClass.getName() + " has no @RuleInfo");
    }
    return new RuleMeta(info.id(), info.title(), info.severity(), List.of(info.formats()), info.rationale(),
        info.remediation(), List.of(info.tags()), List.of(info.references()), loadHelp(ruleClass, info));
  }

  private static String loadHelp(Class<?> ruleClass, RuleInfo info) {
    String resource = "/rules/" + info.id() + ".md";
    try (InputStream in = ruleClass.getResourceAsStream(resource)) {
      if (in != null) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return "**" + info.title() + "**\n\n" + info.rationale() + "\n\n**Fix:** " + info.remediation();
  }

  /** Plain-text help for SARIF {@code help.text}. */
  public String helpText() {
    return title + ". " + rationale + " Fix: " + remediation;
  }
}
