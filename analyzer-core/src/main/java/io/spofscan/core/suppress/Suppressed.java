package io.spofscan.core.suppress;

import io.spofscan.core.model.SourceRange;
import io.spofscan.core.rule.Finding;

/**
 * A finding a user accepted on purpose.
 *
 * @param finding the finding as the rule reported it
 * @param justification the reason the user wrote
 * @param where the suppression itself (comment, Metadata entry or annotation)
 */
public record Suppressed(Finding finding, String justification, SourceRange where) {}
