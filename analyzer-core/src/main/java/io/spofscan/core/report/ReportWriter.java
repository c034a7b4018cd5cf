package io.spofscan.core.report;

/** Renders a scan report as text in one output format. */
public interface ReportWriter {
  String render(ScanReport report);
}
