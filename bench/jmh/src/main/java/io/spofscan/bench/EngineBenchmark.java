package io.spofscan.bench;

import io.spofscan.core.engine.Analyzer;
import io.spofscan.core.model.Model;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.parsers.Parsers;
import io.spofscan.rules.BuiltInRules;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rule-engine throughput: every built-in rule over a model parsed once in setup, so only rule evaluation,
 * sorting and fingerprinting are timed. The {@code resources} counter turns operations into resources/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class EngineBenchmark {

  @Param("bench/out/corpus/10x")
  public String corpus;

  private Model model;
  private Analyzer analyzer;

  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Throughput {
    public long resources;
    public long findings;

    @Setup(Level.Iteration)
    public void reset() {
      resources = 0;
      findings = 0;
    }
  }

  @Setup(Level.Trial)
  public void parse() {
    Corpus files = Corpus.load(corpus);
    model = Parsers.parse(files.all(), ScanOptions.defaults());
    analyzer = new Analyzer(BuiltInRules.ALL);
  }

  @Benchmark
  public Analyzer.Analysis analyze(Throughput t) {
    Analyzer.Analysis a = analyzer.analyze(model);
    t.resources += model.resources().size();
    t.findings += a.findings().size();
    return a;
  }
}
