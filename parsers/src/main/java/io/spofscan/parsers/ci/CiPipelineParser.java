package io.spofscan.parsers.ci;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.yaml.ParseLimits;
import io.spofscan.parsers.yaml.ParsedDocuments;
import io.spofscan.parsers.yaml.TextDecoder;
import io.spofscan.parsers.yaml.YamlTreeBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads CI definitions: GitHub Actions workflows ({@code .github/workflows/*.yml}) and GitLab CI files
 * ({@code .gitlab-ci.yml} and the {@code *.gitlab-ci.yml} files it includes), one resource per job, its body the
 * job's own located mapping plus:
 * <pre>
 * workflow: deploy.yml        (GitHub: the workflow file)
 * tags: [...]                 (GitLab: the job's tags, else the file's default tags)
 * </pre>
 * Types: {@code github_actions_job}, {@code gitlab_ci_job}. Nothing is run, no action or include is fetched.
 */
public final class CiPipelineParser {
  public static final String GITHUB_JOB = "github_actions_job";
  public static final String GITLAB_JOB = "gitlab_ci_job";

  /** GitLab's top-level keywords: every other top-level mapping that is not hidden (.name) is a job. */
  private static final Set<String> GITLAB_KEYWORDS = Set.of("default", "include", "stages", "variables", "workflow",
      "image", "services", "cache", "before_script", "after_script", "spec");

  private CiPipelineParser() {}

  /** GitHub workflows and GitLab CI files, by where the platforms look for them. */
  public static boolean isCiDefinition(String displayPath) {
    String name = displayPath.substring(displayPath.lastIndexOf('/') + 1);
    boolean yaml = name.endsWith(".yml") || name.endsWith(".yaml");
    return yaml && (displayPath.startsWith(".github/workflows/") || displayPath.contains("/.github/workflows/"))
        || name.equals(".gitlab-ci.yml") || name.endsWith(".gitlab-ci.yml");
  }

  public static Model parse(List<SourceFile> files, long maxFileBytes) {
    List<Resource> resources = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (SourceFile f : files) {
      Optional<String> text = TextDecoder.read(f, maxFileBytes, diagnostics);
      if (text.isEmpty()) {
        continue;
      }
      String path = f.displayPath();
      ParsedDocuments parsed = new YamlTreeBuilder(path, text.get(), ParseLimits.forFileCap(maxFileBytes)).read();
      parsed.error().ifPresent(diagnostics::add);
      for (ParsedDocuments.Document d : parsed.documents()) {
        if (path.endsWith("gitlab-ci.yml")) {
          gitlabJobs(path, d.root(), resources);
        } else {
          githubJobs(path, d.root(), resources);
        }
      }
    }
    return new Model(resources, diagnostics);
  }

  private static void githubJobs(String path, Value root, List<Resource> out) {
    String workflow = path.substring(path.lastIndexOf('/') + 1);
    for (Map.Entry<String, Value> job : root.get("jobs").entries().entrySet()) {
      if (!(job.getValue() instanceof Value.MapValue body)) {
        continue;
      }
      Map<String, Value> withWorkflow = new LinkedHashMap<>(body.entries());
      withWorkflow.put("workflow", Value.of(workflow, body.range()));
      withWorkflow.putIfAbsent("name", Value.of(job.getKey(), body.range()));
      out.add(Resource.of(Format.CI, GITHUB_JOB, workflow + "/jobs/" + job.getKey(), body.range(),
          new Value.MapValue(withWorkflow, body.range()), List.of()));
    }
  }

  private static void gitlabJobs(String path, Value root, List<Resource> out) {
    Value defaultTags = root.get("default").get("tags");
    for (Map.Entry<String, Value> entry : root.entries().entrySet()) {
      String name = entry.getKey();
      if (GITLAB_KEYWORDS.contains(name) || name.startsWith(".") || !(entry.getValue() instanceof Value.MapValue b)) {
        continue;
      }
      if (b.get("script").isAbsent() && b.get("trigger").isAbsent() && b.get("extends").isAbsent()
          && b.get("run").isAbsent()) {
        continue;
      }
      Map<String, Value> body = new LinkedHashMap<>(b.entries());
      if (body.get("tags") == null && !defaultTags.isAbsent()) {
        body.put("tags", defaultTags);
      }
      body.putIfAbsent("name", Value.of(name, b.range()));
      out.add(Resource.of(Format.CI, GITLAB_JOB, path + "/" + name, b.range(), new Value.MapValue(body, b.range()),
          List.of()));
    }
  }
}
