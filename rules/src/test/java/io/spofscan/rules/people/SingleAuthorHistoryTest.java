package io.spofscan.rules.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.engine.Analyzer;
import io.spofscan.core.model.Model;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.scan.FileWalker;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.Parsers;
import io.spofscan.parsers.codeowners.GitHistory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --git-history over a repository built here: one person behind 80% of a path's recent changes is a finding on its
 * CODEOWNERS line; a shared path, an old history and a shallow clone are not (the last is unknown).
 */
class SingleAuthorHistoryTest {
  private static final Instant HEAD_TIME = Instant.parse("2026-06-01T12:00:00Z");

  @TempDir
  Path repo;

  private int clock;

  private void write(String path, String text) throws Exception {
    Path p = repo.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  /** One commit by {@code who}, {@code daysBeforeHead} before the last commit's time, touching {@code path}. */
  private void commit(Git git, String who, int daysBeforeHead, String path) throws Exception {
    write(path, Files.exists(repo.resolve(path)) ? Files.readString(repo.resolve(path)) + "# " + (++clock) + "\n"
        : "resource \"aws_s3_bucket\" \"b" + (++clock) + "\" {}\n");
    git.add().addFilepattern(".").call();
    PersonIdent id = new PersonIdent(who, who.toLowerCase() + "@example.com",
        java.util.Date.from(HEAD_TIME.minusSeconds(86_400L * daysBeforeHead)), TimeZone.getTimeZone("UTC"));
    git.commit().setAuthor(id).setCommitter(id).setMessage("change " + clock).setSign(false).call();
  }

  private List<Finding> scan(int months) throws Exception {
    List<SourceFile> files = new FileWalker(repo).walk(List.of(repo)).files();
    Model parsed = Parsers.parse(files, ScanOptions.defaults());
    Model all = Model.merge(List.of(parsed, GitHistory.read(repo, parsed, months)));
    return new Analyzer(List.of(new SingleAuthorHistory())).analyze(all).findings();
  }

  private void history() throws Exception {
    write("CODEOWNERS", "/terraform/ @org/platform\n/shared/ @org/platform\n");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      commit(git, "Alice", 300, "terraform/main.tf");
      for (int i = 0; i < 8; i++) {
        commit(git, "Alice", 200 - i, "terraform/main.tf");
      }
      commit(git, "Bob", 100, "terraform/main.tf");
      commit(git, "Alice", 50, "shared/main.tf");
      commit(git, "Bob", 40, "shared/main.tf");
      commit(git, "Carol", 30, "shared/main.tf");
      commit(git, "Bob", 0, "shared/main.tf");
    }
  }

  @Test
  void onePersonBehindMostRecentChangesIsReportedOnTheCodeownersLine() throws Exception {
    history();
    List<Finding> findings = scan(12);
    assertEquals(1, findings.size(), findings::toString);
    Finding f = findings.get(0);
    assertEquals("CODEOWNERS:1:1", f.location().toString());
    assertTrue(f.certain());
    assertTrue(f.message().contains("Alice made 9 of its 10 changes in the last 12 months (90%; 2 people changed "
        + "it, truck factor 1)"), f.message());
  }

  @Test
  void changesBeforeTheWindowDoNotCount() throws Exception {
    history();
    // Within 4 months of HEAD: terraform/ saw only Bob's change, too few to judge; shared/ is spread.
    assertEquals(List.of(), scan(4));
  }

  @Test
  void aShallowCloneSaysSoInsteadOfCounting() throws Exception {
    history();
    try (Git git = Git.open(repo.toFile())) {
      Files.writeString(repo.resolve(".git/shallow"), git.getRepository().resolve("HEAD~3").name() + "\n");
    }
    List<Finding> findings = scan(12);
    assertEquals(2, findings.size(), findings::toString);
    assertTrue(findings.stream().noneMatch(Finding::certain));
    assertTrue(findings.get(0).message().contains("shallow clone"), findings.get(0).message());
  }

  @Test
  void withoutGitTheHistoryIsADiagnostic() throws Exception {
    write("CODEOWNERS", "/terraform/ @org/platform\n");
    write("terraform/main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n");
    List<SourceFile> files = new FileWalker(repo).walk(List.of(repo)).files();
    Model parsed = Parsers.parse(files, ScanOptions.defaults());
    Model history = GitHistory.read(repo, parsed, 12);
    assertTrue(history.resources().isEmpty());
    assertFalse(history.diagnostics().isEmpty());
    assertTrue(history.diagnostics().get(0).message().contains("no .git"));
  }
}
