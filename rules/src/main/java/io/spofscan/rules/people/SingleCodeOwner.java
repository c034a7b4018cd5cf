package io.spofscan.rules.people;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Kind;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.support.Values;
import java.util.List;

@RuleInfo(
    id = "SPOF-OWNER-001",
    title = "Infrastructure code has exactly one code owner",
    severity = Severity.MEDIUM,
    formats = {Format.CODEOWNERS},
    rationale = "When one person is the only code owner of infrastructure code, CI definitions or migrations, "
        + "every change to them waits for that person: while they are away, on leave or gone, no fix to the "
        + "production path can be approved (with required code-owner review), and what they know lives nowhere "
        + "else.",
    remediation = "Name a team, or at least a second person, as owner of the path in CODEOWNERS "
        + "(for example `/terraform/ @org/platform`), and make the team hold the knowledge.",
    tags = {"people", "codeowners", "bus-factor"},
    references = {
        "https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/"
            + "customizing-your-repository/about-code-owners",
        "https://docs.gitlab.com/user/project/codeowners/"})
public final class SingleCodeOwner implements Rule {
  static final Kind RULE = Kind.of("CODEOWNERS rule", "codeowners_rule");

  @Override
  public void check(Model model, Reporter report) {
    for (Resource line : model.all(RULE)) {
      if (line.attr("optional").truth(false) == Truth.TRUE) {
        continue; // a GitLab ^[optional] section asks for no approval
      }
      List<Value> owners = line.attr("owners").items();
      if (owners.size() != 1) {
        continue; // unowned, or several owners
      }
      Value owner = owners.get(0);
      String name = owner.asString().orElse("");
      if (name.startsWith("@@") || name.contains("/")) {
        continue; // a GitLab role or a team: several people
      }
      String platform = line.attr("platform").asString().orElse("unknown");
      List<Value> files = line.attr("files").items();
      String what = describe(files);
      String pattern = line.attr("pattern").asString().orElse("");
      boolean email = name.contains("@") && !name.startsWith("@");
      if (email || platform.equals("github")) {
        report.at(line, owner, "%s: %s is the only code owner of %s: every change to it waits for that one "
            + "person", pattern, name, what);
      } else {
        report.unknown(line, owner, "%s: %s is the only code owner of %s; whether that is one person depends on "
            + "%s", pattern, name, what, platform.equals("gitlab") ? "whether " + name + " is a GitLab user or a "
            + "group" : "the platform (on GitHub " + name + " is a person, on GitLab it may be a group)");
      }
    }
  }

  private static String describe(List<Value> files) {
    String first = files.isEmpty() ? "" : files.get(0).asString().orElse("");
    return files.size() == 1 ? first
        : Values.plural(files.size(), "file") + " of infrastructure code (" + first + ", ...)";
  }
}
