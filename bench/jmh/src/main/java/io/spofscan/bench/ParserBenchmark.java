package io.spofscan.bench;

import com.bertramlabs.plugins.hcl4j.RawHclLexer;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.spofscan.core.model.Model;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.terraform.TerraformParser;
import io.spofscan.parsers.documents.DocumentParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parser throughput on a generated corpus. One operation parses every file of one format, read from disk (page
 * cache) as a scan does; the {@code bytes} counter turns operations into bytes/s. Each spofscan parser has a
 * baseline on the same files — hcl4j's bare lexer for Terraform, Jackson token streaming and tree building for
 * YAML/JSON — so {@code baseline / spofscan} is our overhead over the raw parser (see bench/jmh/summarise.py).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ParserBenchmark {

  /** A generated corpus folder; relative paths resolve against the working directory. */
  @Param("bench/out/corpus/10x")
  public String corpus;

  private Corpus files;
  private long terraformBytes;
  private long cloudformationBytes;
  private long kubernetesBytes;
  private final ScanOptions options = ScanOptions.defaults();
  private final ObjectMapper yamlMapper = new ObjectMapper(new YAMLFactory());
  private final ObjectMapper jsonMapper = new ObjectMapper();

  /** Bytes (and resources) processed, reported by JMH as a rate next to ops/s. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Throughput {
    public long bytes;
    public long resources;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
      resources = 0;
    }
  }

  @Setup(Level.Trial)
  public void load() {
    files = Corpus.load(corpus);
    terraformBytes = Corpus.bytes(files.terraform());
    cloudformationBytes = Corpus.bytes(files.cloudformation());
    kubernetesBytes = Corpus.bytes(files.kubernetes());
  }

  @Benchmark
  public Model terraform(Throughput t) {
    Model m = new TerraformParser(options).parse(files.terraform());
    t.bytes += terraformBytes;
    t.resources += m.resources().size();
    return m;
  }

  @Benchmark
  public void terraformBaselineHcl4jLexer(Throughput t, Blackhole bh) throws Exception {
    for (SourceFile f : files.terraform()) {
      try (InputStreamReader r = new InputStreamReader(Files.newInputStream(f.file()), StandardCharsets.UTF_8)) {
        bh.consume(RawHclLexer.lex(r));
      } catch (Exception e) {
        // The bare lexer rejects some valid Terraform; the baseline counts the bytes it read all the same.
        bh.consume(e);
      }
    }
    t.bytes += terraformBytes;
  }

  @Benchmark
  public Model cloudformation(Throughput t) {
    Model m = new DocumentParser(options).parse(files.cloudformation());
    t.bytes += cloudformationBytes;
    t.resources += m.resources().size();
    return m;
  }

  @Benchmark
  public void cloudformationBaselineJacksonTokens(Throughput t, Blackhole bh) throws IOException {
    tokens(files.cloudformation(), bh);
    t.bytes += cloudformationBytes;
  }

  @Benchmark
  public void cloudformationBaselineJacksonTree(Throughput t, Blackhole bh) throws IOException {
    trees(files.cloudformation(), bh);
    t.bytes += cloudformationBytes;
  }

  @Benchmark
  public Model kubernetes(Throughput t) {
    Model m = new DocumentParser(options).parse(files.kubernetes());
    t.bytes += kubernetesBytes;
    t.resources += m.resources().size();
    return m;
  }

  @Benchmark
  public void kubernetesBaselineJacksonTokens(Throughput t, Blackhole bh) throws IOException {
    tokens(files.kubernetes(), bh);
    t.bytes += kubernetesBytes;
  }

  @Benchmark
  public void kubernetesBaselineJacksonTree(Throughput t, Blackhole bh) throws IOException {
    trees(files.kubernetes(), bh);
    t.bytes += kubernetesBytes;
  }

  private JsonFactory factoryFor(SourceFile f) {
    return f.fileName().toLowerCase(Locale.ROOT).endsWith(".json") ? jsonMapper.getFactory()
        : yamlMapper.getFactory();
  }

  /** Raw streaming: every token of every document, no tree. */
  private void tokens(List<SourceFile> list, Blackhole bh) throws IOException {
    for (SourceFile f : list) {
      try (JsonParser p = factoryFor(f).createParser(Files.readAllBytes(f.file()))) {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
          bh.consume(t);
          if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
            bh.consume(p.getText());
          }
        }
      }
    }
  }

  /** A JsonNode tree per document (multi-document YAML included). */
  private void trees(List<SourceFile> list, Blackhole bh) throws IOException {
    for (SourceFile f : list) {
      ObjectMapper mapper = f.fileName().toLowerCase(Locale.ROOT).endsWith(".json") ? jsonMapper : yamlMapper;
      try (JsonParser p = mapper.getFactory().createParser(Files.readAllBytes(f.file()));
           MappingIterator<JsonNode> docs = mapper.readerFor(JsonNode.class).readValues(p)) {
        while (docs.hasNext()) {
          bh.consume(docs.next());
        }
      }
    }
  }
}
