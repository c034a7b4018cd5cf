package io.spofscan.cli.aws;

/** A deployed stack could not be read; the message is one line meant for the user, never a stack trace. */
public final class StackFetchException extends Exception {
  private static final long serialVersionUID = 1L;

  public StackFetchException(String message) {
    super(message, null, false, false);
  }
}
