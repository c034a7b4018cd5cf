package io.spofscan.cli;

/** The report formats {@code --format} accepts. */
enum ReportFormat {
  TEXT, JSON, SARIF, MARKDOWN, JUNIT, GITHUB
}
