package io.spofscan.parsers.cloudformation.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.Parsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The validator over the third-party CloudFormation templates of the real-world corpus (skipped when the corpus is
 * absent). Real, deployed templates should almost never use a type or property CloudFormation does not know, so a
 * high warning rate would mean the specification or the validator is wrong.
 */
class CfnSpecRealWorldTest {

  @Test
  void realTemplatesRarelyUseUnknownNames() throws IOException {
    String corpus = System.getProperty("spofscan.realworld");
    assumeTrue(corpus != null && Files.isRegularFile(Path.of(corpus, "files.tsv")), "real-world corpus absent");
    Path root = Path.of(corpus);
    List<SourceFile> files = new ArrayList<>();
    for (String line : Files.readAllLines(root.resolve("files.tsv"))) {
      String[] cols = line.split("\t");
      if (cols.length > 1 && cols[0].equals("cloudformation")) {
        files.add(new SourceFile(root.resolve(cols[1]), cols[1], root));
      }
    }
    Model model = Parsers.parse(files, ScanOptions.defaults());
    List<Resource> cfn = model.where(r -> r.format() == Format.CLOUDFORMATION);
    long checkedResources = cfn.stream().filter(r -> CfnSpecValidator.isChecked(r.type())).count();
    long checkedProperties = cfn.stream().filter(r -> CfnSpec.get().isKnownType(r.type()))
        .mapToLong(r -> r.body().get("Properties").entries().size()).sum();

    List<Diagnostic> warnings = CfnSpecValidator.validate(model);
    Set<String> paths = new HashSet<>();
    files.forEach(f -> paths.add(f.displayPath()));
    Map<String, Integer> byMessage = new TreeMap<>();
    int unknownTypes = 0;
    for (Diagnostic d : warnings) {
      assertEquals(Diagnostic.Level.WARNING, d.level());
      assertTrue(paths.contains(d.location().path()), d.toString());
      if (d.message().startsWith("unknown CloudFormation resource type")) {
        unknownTypes++;
      }
      byMessage.merge(d.message().replaceAll(" \\(resource [^)]*\\)| in resource \\S+", ""), 1, Integer::sum);
    }
    int unknownProperties = warnings.size() - unknownTypes;
    System.out.printf("cfn-spec real world: %d files, %d CloudFormation resources (%d checked types, %d properties):"
        + " %d unknown types, %d unknown properties%n", files.size(), cfn.size(), checkedResources,
        checkedProperties, unknownTypes, unknownProperties);
    byMessage.forEach((m, n) -> System.out.println("  " + n + " x " + m));
    assertTrue(checkedResources > 1000, "too few resources parsed to judge: " + checkedResources);
    assertTrue(unknownTypes * 100L <= checkedResources, "over 1% unknown types: " + unknownTypes);
    assertTrue(unknownProperties * 100L <= checkedProperties, "over 1% unknown properties: " + unknownProperties);
  }
}
