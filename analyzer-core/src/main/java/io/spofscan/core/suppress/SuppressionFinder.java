package io.spofscan.core.suppress;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads suppressions where users write them: {@code spofscan:ignore} comments ({@code #}, {@code //}, {@code --}, {@code /* *}{@code /}),
 * CloudFormation {@code Metadata.spofscan.ignore} entries and the Kubernetes annotation {@code spofscan.io/ignore}.
 */
public final class SuppressionFinder {
  public static final String ANNOTATION = "spofscan.io/ignore";

  private static final Pattern COMMENT = Pattern.compile("(?:#|//|--|/\\*)\\s*spofscan:ignore\\b(.*?)(?:\\*/.*)?$");
  private static final Pattern RULE_ID = Pattern.compile("[A-Za-z]+(?:-[A-Za-z0-9]+)*-\\d+");
  private static final Pattern UNTIL = Pattern.compile("until=(\\S*)");

  private SuppressionFinder() {}

  /** The comment suppressions of one file's text, each at its 1-based line and the column of its comment marker. */
  public static List<Suppression> comments(String path, String text) {
    List<Suppression> out = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = COMMENT.matcher(lines[i]);
      if (m.find()) {
        SourceRange at = SourceRange.at(path, i + 1, m.start() + 1);
        out.add(parseDirective(m.group(1), at, Suppression.Scope.LINE, ""));
      }
    }
    return out;
  }

  /** "RULE-ID[,RULE-ID...] [until=YYYY-MM-DD] reason text" (a leading "--" or ":" before the reason is dropped). */
  static Suppression parseDirective(String rest, SourceRange at, Suppression.Scope scope, String address) {
    List<String> ids = new ArrayList<>();
    String remaining = rest.strip();
    while (true) {
      Matcher id = RULE_ID.matcher(remaining);
      if (!id.lookingAt()) {
        break;
      }
      ids.add(id.group().toUpperCase(Locale.ROOT));
      remaining = remaining.substring(id.end()).stripLeading();
      if (remaining.startsWith(",")) {
        remaining = remaining.substring(1).stripLeading();
      } else {
        break;
      }
    }
    Optional<LocalDate> until = Optional.empty();
    boolean badDate = false;
    Matcher u = UNTIL.matcher(remaining);
    if (u.lookingAt()) {
      try {
        until = Optional.of(LocalDate.parse(u.group(1)));
      } catch (DateTimeParseException e) {
        badDate = true;
      }
      remaining = remaining.substring(u.end()).stripLeading();
    }
    String reason = remaining.replaceFirst("^(--|:|-)\\s*", "").strip();
    if (badDate) {
      reason = ""; // an unreadable expiry makes the suppression invalid rather than silently permanent
    }
    return new Suppression(ids, reason, until, at, scope, address);
  }

  /** Suppressions a resource carries in its own body (CloudFormation Metadata, Kubernetes annotations). */
  public static List<Suppression> embedded(Resource r) {
    List<Suppression> out = new ArrayList<>();
    if (r.format() == Format.CLOUDFORMATION) {
      for (Value item : r.body().get("Metadata").get("spofscan").get("ignore").items()) {
        SourceRange at = item.location().orElse(r.range());
        List<String> ids = new ArrayList<>();
        Value id = item.get("id");
        for (Value v : id instanceof Value.ListValue ? id.items() : List.of(id)) {
          v.asString().ifPresent(s -> ids.add(s.strip().toUpperCase(Locale.ROOT)));
        }
        Optional<LocalDate> until = Optional.empty();
        String reason = item.get("reason").asString().orElse("");
        Optional<String> untilText = item.get("until").asString();
        if (untilText.isPresent()) {
          try {
            until = Optional.of(LocalDate.parse(untilText.get().strip()));
          } catch (DateTimeParseException e) {
            reason = "";
          }
        }
        out.add(new Suppression(ids, reason, until, at, Suppression.Scope.RESOURCE, r.address()));
      }
    } else if (r.format() == Format.KUBERNETES) {
      annotation(r, r.body().get("metadata"), out);
      annotation(r, r.body().get("spec").get("template").get("metadata"), out);
    }
    return out;
  }

  /** "RULE-ID: reason; RULE-ID2 until=2026-12-31: reason". */
  private static void annotation(Resource r, Value metadata, List<Suppression> out) {
    Value a = metadata.get("annotations").get(ANNOTATION);
    Optional<String> text = a.asString();
    if (text.isEmpty()) {
      return;
    }
    SourceRange at = a.location().orElse(r.range());
    for (String entry : text.get().split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      String head = colon < 0 ? entry : entry.substring(0, colon);
      String reason = colon < 0 ? "" : entry.substring(colon + 1);
      Suppression s = parseDirective(head, at, Suppression.Scope.RESOURCE, r.address());
      boolean badHead = !s.reason().isEmpty() || head.contains("until=") && s.until().isEmpty();
      out.add(new Suppression(s.ruleIds(), badHead ? "" : reason, s.until(), at,
          Suppression.Scope.RESOURCE, r.address()));
    }
  }
}
