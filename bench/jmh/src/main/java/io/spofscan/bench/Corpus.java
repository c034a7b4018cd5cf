package io.spofscan.bench;

import io.spofscan.core.scan.FileWalker;
import io.spofscan.core.scan.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files of a generated corpus ({@code bench/gen/generate.py}), split by format the way the generator lays
 * them out ({@code terraform/}, {@code cloudformation/}, {@code k8s/} in every copy), with their bytes preloaded
 * for the baselines.
 */
public record Corpus(Path root, List<SourceFile> terraform, List<SourceFile> cloudformation,
    List<SourceFile> kubernetes) {

  public static Corpus load(String dir) {
    Path root = Path.of(dir).toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("corpus " + root + " does not exist: generate it with "
          + "python3 bench/gen/generate.py " + dir + " 10");
    }
    try {
      List<SourceFile> tf = new ArrayList<>();
      List<SourceFile> cfn = new ArrayList<>();
      List<SourceFile> k8s = new ArrayList<>();
      for (SourceFile f : new FileWalker(root).walk(List.of(root)).files()) {
        String path = "/" + f.displayPath().toLowerCase(Locale.ROOT);
        if (path.contains("/terraform/")) {
          tf.add(f);
        } else if (path.contains("/cloudformation/")) {
          cfn.add(f);
        } else if (path.contains("/k8s/")) {
          k8s.add(f);
        }
      }
      if (tf.isEmpty() || cfn.isEmpty() || k8s.isEmpty()) {
        throw new IllegalArgumentException("corpus " + root + " is not a generated corpus (needs terraform/, "
            + "cloudformation/ and k8s/ folders)");
      }
      return new Corpus(root, tf, cfn, k8s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static long bytes(List<SourceFile> files) {
    long total = 0;
    for (SourceFile f : files) {
      try {
        total += Files.size(f.file());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return total;
  }

  public List<SourceFile> all() {
    List<SourceFile> all = new ArrayList<>(terraform);
    all.addAll(cloudformation);
    all.addAll(kubernetes);
    return all;
  }
}
