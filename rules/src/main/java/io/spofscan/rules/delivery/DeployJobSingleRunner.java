package io.spofscan.rules.delivery;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Kind;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.support.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

@RuleInfo(
    id = "SPOF-CI-001",
    title = "Deploy job can only run on one self-hosted runner",
    severity = Severity.HIGH,
    formats = {Format.CI},
    rationale = "A deploy, release or publish job that only self-hosted runners with certain labels may run waits "
        + "for one of them. When a single runner serves those labels, its host, its registration token or its "
        + "network is the one thing every production change, and every hotfix during an incident, goes through.",
    remediation = "Serve the labels from a runner pool of at least 2 (actions-runner-controller: replicas or "
        + "minRunners >= 2, or an autoscaler with maxRunners >= 2; GitLab: a second runner with the same tags), "
        + "or run the job on hosted runners.",
    tags = {"ci", "delivery", "runners", "github-actions", "gitlab"},
    references = {
        "https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/"
            + "using-self-hosted-runners-in-a-workflow",
        "https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners-with-"
            + "actions-runner-controller/about-actions-runner-controller",
        "https://docs.gitlab.com/ci/runners/configure_runners/#control-jobs-that-a-runner-can-run"})
public final class DeployJobSingleRunner implements Rule {
  static final Kind JOB = Kind.of("CI job", "github_actions_job", "gitlab_ci_job");
  /** actions-runner-controller's pools: summerwind (legacy) and GitHub's scale sets. */
  static final Kind RUNNER_DEPLOYMENT = Kind.of("runner deployment", "RunnerDeployment", "RunnerSet");
  static final Kind SCALE_SET = Kind.of("runner scale set", "AutoscalingRunnerSet");
  static final Kind RUNNER_AUTOSCALER = Kind.of("runner autoscaler", "HorizontalRunnerAutoscaler");

  private static final Pattern DEPLOY_COMMAND = Pattern.compile("(?i)\\b(terraform\\s+(apply|destroy)|tofu\\s+apply"
      + "|kubectl\\s+(apply|rollout|set|replace|create|patch)|helm\\s+(upgrade|install)|helmfile\\s+(apply|sync)"
      + "|aws\\s+[a-z0-9-]+\\s+(deploy|update-service|update-function-code)|cdk\\s+deploy|sam\\s+deploy"
      + "|serverless\\s+deploy|sls\\s+deploy|pulumi\\s+up|argocd\\s+app\\s+sync|flux\\s+reconcile"
      + "|ansible-playbook|gcloud\\s+.*\\bdeploy|az\\s+.*\\bdeploy)");
  private static final Pattern DEPLOY_NAME = Pattern.compile("(?i)(^|[^a-z])(deploy|release|publish)");
  /**
   * GitHub-hosted images and the hosted runner services that are chosen by label (Blacksmith, BuildJet, Depot,
   * Namespace, Ubicloud, WarpBuild): pools someone else runs, never a single machine.
   */
  private static final Pattern HOSTED = Pattern.compile("(?i)(ubuntu|windows|macos)-(latest|[0-9][0-9.]*)(-.*)?"
      + "|ubuntu-slim|(blacksmith|buildjet|depot|namespace-profile|ubicloud|warp)-.*");
  /** Labels every self-hosted runner carries; they do not tell runners apart. */
  private static final Set<String> GENERIC = Set.of("self-hosted", "linux", "windows", "macos", "x64", "arm64",
      "arm");

  @Override
  public void check(Model model, Reporter report) {
    List<Pool> pools = pools(model);
    for (Resource job : model.all(JOB)) {
      if (!isDeploy(job)) {
        continue;
      }
      boolean github = job.type().equals("github_actions_job");
      Value where = github ? job.attr("runs-on") : job.attr("tags");
      Optional<Set<String>> labels = github ? githubLabels(where) : gitlabTags(where);
      if (labels.isEmpty()) {
        continue; // hosted runners, or no label that ties the job to particular runners
      }
      if (where.isUnknown() || labels.get().stream().anyMatch(l -> l.contains("${{"))) {
        report.unknown(job, where, "deploy job %s chooses its runners by an expression (%s): whether one runner "
            + "serves them is not in the code", job.address(), String.join(", ", labels.get()));
        continue;
      }
      Set<String> wanted = new TreeSet<>(labels.get());
      wanted.removeAll(GENERIC);
      List<Pool> serving = pools.stream().filter(p -> p.labels().containsAll(wanted)).toList();
      String shown = String.join(", ", labels.get());
      if (serving.isEmpty()) {
        report.unknown(job, where, "deploy job %s runs only on self-hosted runners labelled %s; no runner pool for "
            + "them is in the scan, so whether more than one serves it is not known", job.address(), shown);
        continue;
      }
      OptionalLong capacity = capacity(serving);
      if (capacity.isEmpty()) {
        report.unknown(job, where, "deploy job %s runs on self-hosted runners labelled %s (%s), whose number "
            + "depends on unresolved values", job.address(), shown, names(serving));
      } else if (capacity.getAsLong() <= 1) {
        report.at(job, where, "deploy job %s can only run on self-hosted runners labelled %s, and one runner "
            + "serves them (%s): when it is down, no deploy or hotfix reaches production", job.address(), shown,
            names(serving));
      }
    }
  }

  /** A runner pool in the scan: the labels its runners carry and the most runners it may run (empty: unknown). */
  record Pool(String address, Set<String> labels, OptionalLong most) {}

  private static List<Pool> pools(Model model) {
    List<Pool> out = new ArrayList<>();
    List<Resource> autoscalers = model.all(RUNNER_AUTOSCALER);
    for (Resource r : model.all(RUNNER_DEPLOYMENT)) {
      Set<String> labels = lower(r.attr("spec.template.spec.labels").items());
      labels.add(r.attr("metadata.name").asString().orElse("").toLowerCase(Locale.ROOT));
      OptionalLong most = Values.longOr(r.attr("spec.replicas"), 1);
      String name = r.attr("metadata.name").asString().orElse("");
      for (Resource hra : autoscalers) {
        if (hra.attr("spec.scaleTargetRef.name").asString().filter(name::equals).isPresent()) {
          most = Values.longOr(hra.attr("spec.maxReplicas"), 1);
        }
      }
      out.add(new Pool(r.address(), labels, most));
    }
    for (Resource r : model.all(SCALE_SET)) {
      // a scale set is chosen by its name: runs-on: <runnerScaleSetName>
      Set<String> labels = new TreeSet<>();
      labels.add(r.attr("spec.runnerScaleSetName").asString().or(() -> r.attr("metadata.name").asString())
          .orElse("").toLowerCase(Locale.ROOT));
      OptionalLong max = Values.longOr(r.attr("spec.maxRunners"), Long.MAX_VALUE);
      out.add(new Pool(r.address(), labels, max));
    }
    return out;
  }

  private static OptionalLong capacity(List<Pool> pools) {
    long total = 0;
    for (Pool p : pools) {
      if (p.most().isEmpty()) {
        return OptionalLong.empty();
      }
      total = total + Math.min(p.most().getAsLong(), Long.MAX_VALUE / 4);
    }
    return OptionalLong.of(total);
  }

  private static boolean isDeploy(Resource job) {
    if (!job.attr("environment").isAbsent()) {
      return true;
    }
    if (DEPLOY_NAME.matcher(job.attr("name").asString().orElse("")).find()
        || DEPLOY_NAME.matcher(job.address().substring(job.address().lastIndexOf('/') + 1)).find()) {
      return true;
    }
    List<Value> commands = new ArrayList<>();
    job.attr("steps").items().forEach(s -> commands.add(s.get("run")));
    for (String key : new String[] {"script", "before_script", "after_script"}) {
      Value v = job.attr(key);
      commands.addAll(v.items().isEmpty() ? List.of(v) : v.items());
    }
    return commands.stream().map(Value::asString).flatMap(Optional::stream)
        .anyMatch(c -> DEPLOY_COMMAND.matcher(c).find());
  }

  /** The labels of a self-hosted runs-on, or empty when GitHub hosts the runner. */
  private static Optional<Set<String>> githubLabels(Value runsOn) {
    if (runsOn.isAbsent()) {
      return Optional.empty();
    }
    Value labels = runsOn.entries().isEmpty() ? runsOn : runsOn.get("labels");
    List<Value> items = labels.items().isEmpty() ? List.of(labels) : labels.items();
    Set<String> out = lower(items);
    if (!runsOn.get("group").isAbsent()) {
      runsOn.get("group").asString().ifPresent(g -> out.add("group:" + g.toLowerCase(Locale.ROOT)));
    }
    out.remove("");
    if (out.isEmpty() || out.stream().allMatch(l -> HOSTED.matcher(l).matches())) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  /** GitLab tags choose self-managed runners; GitLab.com's hosted runners carry saas-* tags. */
  private static Optional<Set<String>> gitlabTags(Value tags) {
    Set<String> out = lower(tags.items());
    out.remove("");
    if (out.isEmpty() || out.stream().allMatch(t -> t.startsWith("saas-") || t.startsWith("gitlab-org"))) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  private static Set<String> lower(List<Value> values) {
    Set<String> out = new TreeSet<>();
    for (Value v : values) {
      out.add(v.isUnknown() ? "${{ unresolved }}" : v.asString().orElse("").toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static String names(List<Pool> pools) {
    return String.join(", ", pools.stream().map(Pool::address).toList());
  }
}
