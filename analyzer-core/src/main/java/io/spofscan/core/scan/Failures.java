package io.spofscan.core.scan;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** What went wrong, in words a user reads: never a Java exception class name. */
public final class Failures {
  private Failures() {}

  public static String describe(Throwable e) {
    if (e instanceof StackOverflowError) {
      return "it nests too deeply";
    }
    if (e instanceof OutOfMemoryError) {
      return "it is too large to hold in memory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    if (e instanceof IOException) {
      return e.getMessage() != null ? e.getMessage() : "input/output error";
    }
    return "an internal error in spofscan (please report it)";
  }
}
