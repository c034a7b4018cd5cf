package io.spofscan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Format;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.RuleMeta;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule catalogue is complete and consistent: ids, help, registration and fixtures. */
class RuleCatalogTest {

  @Test
  void idsAreUniqueAndWellFormed() {
    Set<String> seen = new HashSet<>();
    for (Rule r : BuiltInRules.ALL) {
      String id = r.meta().id();
      assertTrue(id.matches("SPOF-[A-Z0-9]+-\\d{3}"), id);
      assertTrue(seen.add(id), "duplicate " + id);
      assertEquals(r, BuiltInRules.byId(id).orElseThrow());
    }
  }

  @Test
  void aliasesAreFormerIdsOfNoOtherRule() {
    Set<String> ids = new HashSet<>();
    BuiltInRules.ALL.forEach(r -> ids.add(r.meta().id()));
    Set<String> aliases = new HashSet<>();
    for (Rule r : BuiltInRules.ALL) {
      for (String alias : r.meta().aliases()) {
        assertTrue(alias.matches("SPOF-[A-Z0-9]+-\\d{3}"), alias);
        assertFalse(ids.contains(alias), alias + " is an alias of " + r.meta().id() + " and a current id");
        assertTrue(aliases.add(alias), alias + " is an alias of two rules");
        assertTrue(BuiltInRules.byId(alias).isEmpty(), alias + " must not resolve as a rule of its own");
      }
    }
  }

  @Test
  void everyRuleHasMarkdownHelpWithAFixPerFormat() throws IOException {
    for (Rule r : BuiltInRules.ALL) {
      RuleMeta m = r.meta();
      try (var in = BuiltInRules.class.getResourceAsStream("/rules/" + m.id() + ".md")) {
        assertNotNull(in, "missing rules/" + m.id() + ".md");
        String md = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(md.startsWith("# " + m.id()), m.id() + ".md must start with its id as the title");
        for (Format f : m.formats()) {
          assertTrue(md.contains("## Fix in " + f.displayName()), m.id() + ".md needs a fix for " + f);
        }
      }
    }
  }

  @Test
  void everyRuleHasMetadataWorthShowing() {
    for (Rule r : BuiltInRules.ALL) {
      RuleMeta m = r.meta();
      assertFalse(m.formats().isEmpty(), m.id());
      assertFalse(m.tags().isEmpty(), m.id());
      assertFalse(m.references().isEmpty(), m.id() + " needs documentation references");
      m.references().forEach(ref -> assertTrue(ref.startsWith("https://"), ref));
      assertTrue(m.rationale().length() > 40 && m.remediation().length() > 20, m.id());
    }
  }

  @Test
  void everyAnnotatedRuleClassIsRegistered() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(BuiltInRules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> registered = new TreeSet<>();
    BuiltInRules.ALL.forEach(r -> registered.add(r.getClass().getName()));
    Set<String> annotated = new TreeSet<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(p).toString().replace('\\', '/').replace('/', '.');
        name = name.substring(0, name.length() - ".class".length());
        Class<?> c = Class.forName(name, false, getClass().getClassLoader());
        if (c.isAnnotationPresent(RuleInfo.class)) {
          annotated.add(c.getName());
        }
      }
    }
    assertEquals(annotated, registered);
  }

  @Test
  void everyRuleHasPositiveAndCleanFixturesInEveryFormat() {
    List<String> problems = new ArrayList<>();
    List<Fixtures.Case> cases = Fixtures.all();
    for (Rule r : BuiltInRules.ALL) {
      RuleMeta m = r.meta();
      if (m.tags().contains("git-history")) {
        continue; // its input is a repository's history, built in a temporary repository by its own test
      }
      for (Format f : m.formats()) {
        String format = f.name().toLowerCase(Locale.ROOT);
        List<Fixtures.Case> mine = cases.stream()
            .filter(c -> c.format().equals(format) && c.ruleId().equals(m.id())).toList();
        boolean positive = mine.stream().anyMatch(c -> !Fixtures.expected(c).isEmpty());
        boolean clean = mine.stream().anyMatch(c -> Fixtures.expected(c).isEmpty());
        if (!positive || !clean) {
          problems.add(format + "/" + m.id() + (positive ? "" : " has no fixture with a marker")
              + (clean ? "" : " has no clean fixture"));
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void fixtureFoldersNameBuiltInRules() {
    Set<String> unknown = new TreeSet<>();
    for (Fixtures.Case c : Fixtures.all()) {
      if (BuiltInRules.byId(c.ruleId()).isEmpty()) {
        unknown.add(c.format() + "/" + c.ruleId());
      }
      for (String e : Fixtures.expected(c)) {
        String id = e.split(" ")[1];
        if (!id.equals(c.ruleId())) {
          unknown.add(c + " expects " + id + " but runs only " + c.ruleId());
        }
      }
    }
    assertEquals(Set.of(), unknown);
  }
}
