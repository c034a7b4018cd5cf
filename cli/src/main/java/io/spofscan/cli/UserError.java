package io.spofscan.cli;

/** A problem the user can fix (bad input path, bad config): printed as one line, exit code 2, no stack trace. */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
