package io.spofscan.parsers.codeowners;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CodeownersParserTest {

  /** Owning line number -> files it owns, for a CODEOWNERS text over the given files. */
  private static Map<Integer, List<String>> owners(String path, String text, List<String> files) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Map<Integer, List<String>> out = new TreeMap<>();
    for (Resource r : CodeownersParser.resolve(path, text, files, files, diagnostics)) {
      out.put(r.range().line(), r.attr("files").items().stream().map(v -> v.asString().orElse("")).toList());
    }
    return out;
  }

  @Test
  void lastMatchingLineOwnsAFile() {
    String text = "*.tf @team/a\n/infra/ @alice\n/infra/modules/ @team/b\n";
    assertEquals(Map.of(1, List.of("app/main.tf"), 2, List.of("infra/main.tf"),
        3, List.of("infra/modules/vpc/main.tf")),
        owners("CODEOWNERS", text, List.of("app/main.tf", "infra/main.tf", "infra/modules/vpc/main.tf")));
  }

  @Test
  void directoryStarStopsAtOneLevelAsOnGitHub() {
    String text = "/k8s/* @alice\n";
    assertEquals(Map.of(1, List.of("k8s/web.yaml")),
        owners(".github/CODEOWNERS", text, List.of("k8s/web.yaml", "k8s/apps/api.yaml")));
  }

  @Test
  void patternsAreRelativeToTheRepositoryAboveGithubFolder() {
    String text = "/terraform/ @alice # the platform's code\n";
    assertEquals(Map.of(1, List.of("repo/terraform/main.tf")),
        owners("repo/.github/CODEOWNERS", text, List.of("repo/terraform/main.tf", "other/terraform/main.tf")));
  }

  @Test
  void gitlabSectionsEachHaveTheirOwnLastMatchAndDefaultOwners() {
    String text = "[Infra] @group/infra\ninfra/\n\n^[Docs][2] @writer\ninfra/\n";
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Resource> lines = CodeownersParser.resolve(".gitlab/CODEOWNERS", text, List.of("infra/main.tf"),
        List.of("infra/main.tf"), diagnostics);
    assertEquals(2, lines.size());
    assertEquals(List.of("@group/infra"), lines.get(0).attr("owners").items().stream()
        .map(v -> v.asString().orElse("")).toList());
    assertEquals(io.spofscan.core.model.Truth.TRUE, lines.get(1).attr("optional").truth(false));
    assertEquals(List.of("@writer"), lines.get(1).attr("owners").items().stream().map(Value::asString)
        .map(o -> o.orElse("")).toList());
  }

  @Test
  void unsupportedNegationIsADiagnosticNotAnOwner() {
    List<Diagnostic> diagnostics = new ArrayList<>();
    CodeownersParser.resolve("CODEOWNERS", "!infra/ @alice\n", List.of("infra/main.tf"), List.of(), diagnostics);
    assertEquals(1, diagnostics.size());
    assertEquals(1, diagnostics.get(0).location().line());
  }
}
