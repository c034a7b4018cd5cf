package io.spofscan.bench;

import io.spofscan.core.engine.Analyzer;
import io.spofscan.core.model.Model;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.parsers.Parsers;
import io.spofscan.rules.BuiltInRules;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The JMH workloads timed by the current thread's CPU time instead of wall time. On a shared, overloaded machine
 * JMH's wall-clock throughput mostly measures the other processes; CPU time does not count the time the thread
 * waits for a core, so the overhead ratios stay meaningful there. Not a replacement for JMH on a quiet machine.
 *
 * <p>Usage: {@code java -cp bench/jmh/target/benchmarks.jar io.spofscan.bench.CpuTimeProbe CORPUS [ROUNDS]}
 */
public final class CpuTimeProbe {
  private CpuTimeProbe() {}

  interface Workload {
    void run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: CpuTimeProbe CORPUS [ROUNDS]");
      System.exit(2);
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    ParserBenchmark p = new ParserBenchmark();
    p.corpus = args[0];
    p.load();
    Corpus corpus = Corpus.load(args[0]);
    Blackhole bh = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    ParserBenchmark.Throughput t = new ParserBenchmark.Throughput();
    Model model = Parsers.parse(corpus.all(), ScanOptions.defaults());
    Analyzer analyzer = new Analyzer(BuiltInRules.ALL);

    Map<String, Workload> work = new LinkedHashMap<>();
    work.put("terraform", () -> bh.consume(p.terraform(t)));
    work.put("terraformBaselineHcl4jLexer", () -> p.terraformBaselineHcl4jLexer(t, bh));
    work.put("cloudformation", () -> bh.consume(p.cloudformation(t)));
    work.put("cloudformationBaselineJacksonTokens", () -> p.cloudformationBaselineJacksonTokens(t, bh));
    work.put("cloudformationBaselineJacksonTree", () -> p.cloudformationBaselineJacksonTree(t, bh));
    work.put("kubernetes", () -> bh.consume(p.kubernetes(t)));
    work.put("kubernetesBaselineJacksonTokens", () -> p.kubernetesBaselineJacksonTokens(t, bh));
    work.put("kubernetesBaselineJacksonTree", () -> p.kubernetesBaselineJacksonTree(t, bh));
    work.put("analyze", () -> bh.consume(analyzer.analyze(model)));
    Map<String, Long> bytes = Map.of(
        "terraform", Corpus.bytes(corpus.terraform()),
        "cloudformation", Corpus.bytes(corpus.cloudformation()),
        "kubernetes", Corpus.bytes(corpus.kubernetes()));

    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    // Warm up every workload (JIT), then time them in alternating rounds and keep the median.
    for (int i = 0; i < Math.max(3, rounds / 2); i++) {
      for (Workload w : work.values()) {
        w.run();
      }
    }
    Map<String, List<Long>> cpu = new LinkedHashMap<>();
    work.keySet().forEach(k -> cpu.put(k, new ArrayList<>()));
    for (int i = 0; i < rounds; i++) {
      for (Map.Entry<String, Workload> e : work.entrySet()) {
        long start = mx.getCurrentThreadCpuTime();
        e.getValue().run();
        cpu.get(e.getKey()).add(mx.getCurrentThreadCpuTime() - start);
      }
    }
    System.out.printf(Locale.ROOT, "# CPU-time probe, corpus %s, median of %d rounds%n%n", args[0], rounds);
    System.out.println("| workload | CPU ms / op | MB per CPU-second | spofscan overhead over this baseline |");
    System.out.println("|---|---:|---:|---:|");
    Map<String, Double> ms = new LinkedHashMap<>();
    cpu.forEach((k, v) -> ms.put(k, median(v) / 1e6));
    for (String k : work.keySet()) {
      String format = k.replaceAll("Baseline.*", "");
      Long b = bytes.get(format);
      String mbs = b == null ? "" : String.format(Locale.ROOT, "%.2f", b / 1e6 / (ms.get(k) / 1000));
      String ratio = k.equals(format) || b == null ? ""
          : String.format(Locale.ROOT, "%.2f×", ms.get(format) / ms.get(k));
      System.out.printf(Locale.ROOT, "| %s | %.1f | %s | %s |%n", k, ms.get(k), mbs, ratio);
    }
    System.out.printf(Locale.ROOT, "%nengine: %d resources, %.0f resources per CPU-second%n",
        model.resources().size(), model.resources().size() / (ms.get("analyze") / 1000));
  }

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}
