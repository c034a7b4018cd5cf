package io.spofscan.parsers.yaml;

/**
 * Bounds that keep a hostile file from exhausting the scan: maximum nesting, maximum text length, and the most
 * nodes alias expansion may add (a "billion laughs" file stops at this bound instead of growing).
 */
public record ParseLimits(int maxDepth, long maxChars, long maxExpandedNodes) {

  public static final int DEFAULT_MAX_DEPTH = 500;
  public static final long DEFAULT_MAX_EXPANDED_NODES = 1_000_000L;

  public static ParseLimits forFileCap(long maxFileBytes) {
    return new ParseLimits(DEFAULT_MAX_DEPTH, Math.max(1, maxFileBytes), DEFAULT_MAX_EXPANDED_NODES);
  }
}
