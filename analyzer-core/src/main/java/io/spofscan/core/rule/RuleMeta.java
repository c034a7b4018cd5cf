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
    String helpMarkdown,
    List<String> aliases) {

  public RuleMeta {
    formats = List.copyOf(formats);
    tags = List.copyOf(tags);
    references = List.copyOf(references);
    aliases = List.copyOf(aliases);
  }

  /** A rule without aliases. */
  public RuleMeta(String id, String title, Severity severity, List<Format> formats, String rationale,
      String remediation, List<String> tags, List<String> references, String helpMarkdown) {
    this(id, title, severity, formats, rationale, remediation, tags, references, helpMarkdown, List.of());
  }

  /** The same rule at another severity (a configuration override). */
  public RuleMeta withSeverity(Severity s) {
    return new RuleMeta(id, title, s, formats, rationale, remediation, tags, references, helpMarkdown, aliases);
  }

  /** Whether {@code name} is this rule's id or one of its aliases. */
  public boolean answersTo(String name) {
    return id.equals(name) || aliases.contains(name);
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
        info.remediation(), List.of(info.tags()), List.of(info.references()), loadHelp(ruleClass, info),
        List.of(info.aliases()));
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
