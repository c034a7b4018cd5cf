package io.spofscan.parsers.cloudformation;

import io.spofscan.core.model.Value;

/** Tells a CloudFormation template by content. */
public final class CfnTemplateDetector {
  private CfnTemplateDetector() {}

  /** A mapping with {@code AWSTemplateFormatVersion}, or whose Resources have {@code Type: Vendor::Service::Type}. */
  public static boolean looksLike(Value root) {
    return CfnTemplate.looksLike(root);
  }
}
