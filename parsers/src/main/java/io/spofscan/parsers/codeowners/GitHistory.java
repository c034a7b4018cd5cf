package io.spofscan.parsers.codeowners;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Who changed the files each CODEOWNERS line owns, from the scanned repository's own history (read with JGit from
 * its {@code .git}; nothing is fetched, no hook or filter runs, the user's and system's git configuration are not
 * read). One resource per {@code codeowners_rule} ({@code type: codeowners_history}), located on its pattern:
 * <pre>
 * months: 12   changes: 40 (commits in the window touching the files)   people: 3
 * top_author: "Alice"   top_changes: 35   truck_factor: 1   files: 12   shallow: false
 * </pre>
 * The window ends at the HEAD commit's time, not the clock, so the same history gives the same result. The truck
 * factor is the degree-of-authorship algorithm of Avelino et al. (2016) over the files' whole history: the fewest
 * people whose leaving orphans more than half of the files.
 */
public final class GitHistory {
  public static final String TYPE = "codeowners_history";

  private GitHistory() {}

  /** One commit's change to one file. */
  private record Change(String author, String commit, int time, String path, boolean created) {}

  /**
   * @param root the repository's work tree (holding {@code .git}); display paths are relative to it
   * @param model the parsed model, whose {@code codeowners_rule} resources name the files
   * @param months the window of "recent" changes
   */
  public static Model read(Path root, Model model, int months) {
    List<Resource> rules = model.resources().stream().filter(r -> r.type().equals(CodeownersParser.TYPE)).toList();
    if (rules.isEmpty()) {
      return Model.empty();
    }
    SourceRange where = rules.get(0).range();
    if (!Files.exists(root.resolve(".git"))) {
      return new Model(List.of(), List.of(Diagnostic.warning(where, "--git-history: " + root.getFileName()
          + " holds no .git, so no history was read")));
    }
    Set<String> paths = new TreeSet<>();
    rules.forEach(r -> r.attr("files").items().forEach(f -> f.asString().ifPresent(paths::add)));
    SystemReader previous = SystemReader.getInstance();
    SystemReader.setInstance(new RepositoryOnly(previous));
    try (Repository repo = new FileRepositoryBuilder().setWorkTree(root.toFile()).setMustExist(true).build()) {
      boolean shallow = Files.exists(repo.getDirectory().toPath().resolve("shallow"));
      ObjectId head = repo.resolve(Constants.HEAD);
      List<Change> changes = head == null ? List.of() : changes(repo, head, paths);
      int end = 0;
      if (head != null) {
        try (RevWalk walk = new RevWalk(repo)) {
          end = walk.parseCommit(head).getCommitTime();
        }
      }
      long since = Instant.ofEpochSecond(end).atOffset(ZoneOffset.UTC).minusMonths(months).toEpochSecond();
      List<Resource> out = new ArrayList<>();
      for (Resource rule : rules) {
        out.add(history(rule, changes, since, months, shallow));
      }
      return new Model(out, List.of());
    } catch (IOException | RuntimeException e) {
      return new Model(List.of(), List.of(Diagnostic.warning(where, "--git-history: the repository's history "
          + "could not be read (" + e.getMessage() + ")")));
    } finally {
      SystemReader.setInstance(previous);
    }
  }

  /** Every change to {@code paths} in the history of {@code head}, newest first; merge commits are skipped. */
  private static List<Change> changes(Repository repo, ObjectId head, Set<String> paths) throws IOException {
    List<Change> out = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo)) {
      walk.sort(RevSort.COMMIT_TIME_DESC);
      walk.markStart(walk.parseCommit(head));
      for (RevCommit c : walk) {
        if (c.getParentCount() > 1) {
          continue; // a merge repeats its parents' changes
        }
        PersonIdent who = c.getAuthorIdent();
        String author = who.getName().isBlank() ? who.getEmailAddress() : who.getName();
        try (TreeWalk tw = new TreeWalk(repo)) {
          tw.setRecursive(true);
          if (c.getParentCount() == 0) {
            tw.addTree(new EmptyTreeIterator());
          } else {
            tw.addTree(walk.parseCommit(c.getParent(0)).getTree());
          }
          tw.addTree(c.getTree());
          tw.setFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(paths), TreeFilter.ANY_DIFF));
          while (tw.next()) {
            out.add(new Change(author, c.name(), c.getCommitTime(), tw.getPathString(), tw.getRawMode(0) == 0));
          }
        }
      }
    }
    return out;
  }

  private static Resource history(Resource rule, List<Change> all, long since, int months, boolean shallow) {
    Set<String> files = new HashSet<>();
    rule.attr("files").items().forEach(f -> f.asString().ifPresent(files::add));
    List<Change> mine = all.stream().filter(c -> files.contains(c.path())).toList();
    // Recent changes count commits, not files: one commit touching ten owned files is one change.
    Map<String, Set<String>> commitsBy = new TreeMap<>();
    Set<String> commits = new HashSet<>();
    for (Change c : mine) {
      if (c.time() >= since) {
        commitsBy.computeIfAbsent(c.author(), k -> new HashSet<>()).add(c.commit());
        commits.add(c.commit());
      }
    }
    String top = commitsBy.entrySet().stream()
        .max(Comparator.<Map.Entry<String, Set<String>>>comparingInt(e -> e.getValue().size())
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .map(Map.Entry::getKey).orElse("");
    SourceRange at = rule.attr("pattern").location().orElse(rule.range());
    Map<String, Value> body = new LinkedHashMap<>();
    body.put("pattern", rule.attr("pattern"));
    body.put("months", Value.of(months, at));
    body.put("changes", Value.of(commits.size(), at));
    body.put("people", Value.of(commitsBy.size(), at));
    body.put("top_author", Value.of(top, at));
    body.put("top_changes", Value.of(top.isEmpty() ? 0 : commitsBy.get(top).size(), at));
    body.put("truck_factor", Value.of(truckFactor(mine), at));
    body.put("files", Value.of(files.size(), at));
    body.put("shallow", Value.of(shallow, at));
    return Resource.of(Format.CODEOWNERS, TYPE, rule.address(), rule.range(), new Value.MapValue(body, at),
        List.of());
  }

  /**
   * Avelino et al. (2016): DOA(d, f) = 3.293 + 1.098 FA + 0.164 DL - 0.321 ln(1 + AC), FA = d created f, DL = d's
   * changes to f, AC = everyone else's; d is an author of f when DOA is at least 3.293 and at least 0.75 of f's
   * highest. The truck factor removes the author of most files until more than half of the files have none left.
   */
  static int truckFactor(List<Change> changes) {
    Map<String, Map<String, Integer>> byFile = new TreeMap<>();
    Map<String, String> creator = new HashMap<>();
    for (Change c : changes) {
      byFile.computeIfAbsent(c.path(), k -> new TreeMap<>()).merge(c.author(), 1, Integer::sum);
      if (c.created()) {
        creator.put(c.path(), c.author()); // newest first: the last one seen is the first creation
      }
    }
    if (byFile.isEmpty()) {
      return 0;
    }
    Map<String, Set<String>> authorsOf = new TreeMap<>();
    byFile.forEach((file, counts) -> {
      int total = counts.values().stream().mapToInt(Integer::intValue).sum();
      Map<String, Double> doa = new TreeMap<>();
      counts.forEach((d, dl) -> doa.put(d, 3.293 + (d.equals(creator.get(file)) ? 1.098 : 0) + 0.164 * dl
          - 0.321 * Math.log(1 + total - dl)));
      double best = doa.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
      Set<String> authors = new TreeSet<>();
      doa.forEach((d, v) -> {
        if (v >= 3.293 && v >= 0.75 * best) {
          authors.add(d);
        }
      });
      authorsOf.put(file, authors);
    });
    int removed = 0;
    Set<String> gone = new HashSet<>();
    while (orphaned(authorsOf, gone) * 2 <= authorsOf.size()) {
      Map<String, Integer> filesBy = new TreeMap<>();
      authorsOf.values().forEach(as -> as.stream().filter(a -> !gone.contains(a))
          .forEach(a -> filesBy.merge(a, 1, Integer::sum)));
      if (filesBy.isEmpty()) {
        break;
      }
      String next = filesBy.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
          .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).get().getKey();
      gone.add(next);
      removed++;
    }
    return removed;
  }

  private static long orphaned(Map<String, Set<String>> authorsOf, Set<String> gone) {
    return authorsOf.values().stream().filter(as -> gone.containsAll(as)).count();
  }

  /** Reads only the repository's own configuration: the user's and the system's are outside the scan. */
  private static final class RepositoryOnly extends SystemReader.Delegate {
    RepositoryOnly(SystemReader delegate) {
      super(delegate);
    }

    @Override
    public FileBasedConfig openUserConfig(Config parent, FS fs) {
      return empty(parent, fs);
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
      return empty(parent, fs);
    }

    @Override
    public FileBasedConfig openJGitConfig(Config parent, FS fs) {
      return empty(parent, fs);
    }

    private static FileBasedConfig empty(Config parent, FS fs) {
      return new FileBasedConfig(parent, null, fs) {
        @Override
        public void load() {
          // nothing to read
        }

        @Override
        public void save() {
          // nothing is written: JGit would cache file-system timings in the user's configuration
        }

        @Override
        public boolean isOutdated() {
          return false;
        }
      };
    }
  }
}
