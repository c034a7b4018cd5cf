package io.spofscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --git-history is opt-in: the same repository gives SPOF-OWNER-002 only when it is asked for. */
class GitHistoryEndToEndTest {
  @TempDir
  Path repo;

  @Test
  void theHistoryIsReadOnlyWhenAsked() throws Exception {
    Files.writeString(repo.resolve("CODEOWNERS"), "/infra/ @org/platform\n");
    Files.createDirectories(repo.resolve("infra"));
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      for (int i = 0; i < 4; i++) {
        Files.writeString(repo.resolve("infra/main.tf"), "resource \"aws_s3_bucket\" \"logs\" {}\n# " + i + "\n");
        git.add().addFilepattern(".").call();
        PersonIdent dana = new PersonIdent("Dana", "dana@example.com",
            Date.from(Instant.parse("2026-03-01T00:00:00Z").plusSeconds(86_400L * i)), TimeZone.getTimeZone("UTC"));
        git.commit().setAuthor(dana).setCommitter(dana).setMessage("infra " + i).setSign(false).call();
      }
    }
    CliProcess.Result plain = CliProcess.run(repo, "scan", ".", "--check", "SPOF-OWNER-002", "-f", "text");
    assertFalse(plain.out().contains("SPOF-OWNER-002"), plain.out());
    CliProcess.Result history = CliProcess.run(repo, "scan", ".", "--check", "SPOF-OWNER-002", "--git-history",
        "--soft-fail", "-f", "text");
    assertEquals(0, history.exit(), history.err());
    assertTrue(history.out().contains("SPOF-OWNER-002") && history.out().contains("Dana made 4 of its 4 changes"),
        history.out());
    CliProcess.Result wrong = CliProcess.run(repo, "scan", ".", "--git-history-months", "6");
    assertEquals(2, wrong.exit());
  }
}
