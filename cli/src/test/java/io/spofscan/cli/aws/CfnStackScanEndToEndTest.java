package io.spofscan.cli.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spofscan.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spofscan scan --cfn-stack} in a child JVM against {@link CloudFormationStub}: fake credentials in the
 * environment, no AWS configuration files, instance metadata disabled, so no real AWS call can be made.
 */
class CfnStackScanEndToEndTest {
  private static final String ID = "arn:aws:cloudformation:eu-west-1:123456789012:stack/prod-db/0a1b2c3d";
  /** As CloudFormation returns a processed template: JSON. MultiAZ's key is at line 10, column 9. */
  private static final String PROCESSED = """
      {
        "Parameters": {
          "MultiAZ": {"Type": "String", "Default": "true"}
        },
        "Resources": {
          "OrdersDb": {
            "Type": "AWS::RDS::DBInstance",
            "Properties": {
              "Engine": "postgres",
              "MultiAZ": {"Ref": "MultiAZ"}
            }
          }
        }
      }
      """;

  @TempDir
  Path tmp;

  private CloudFormationStub stub;

  @BeforeEach
  void start() throws IOException {
    stub = new CloudFormationStub().stack(new CloudFormationStub.StubStack("prod-db", ID, "unused", PROCESSED,
        Map.of("MultiAZ", "false", "MasterPassword", "****")));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  record Result(int exit, String out, String err, String loadedClasses) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  /** The CLI in a child JVM with a hermetic AWS environment; class loading is logged to a file. */
  private Result run(String... args) throws Exception {
    Path classLog = tmp.resolve("classes-" + System.nanoTime() + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xlog:class+load=info:file=" + classLog,
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("GITHUB_") || k.equals("CI"));
    pb.environment().putAll(Map.of(
        "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
        "AWS_SECRET_ACCESS_KEY", "fake-secret",
        "AWS_CONFIG_FILE", tmp.resolve("no-aws-config").toString(),
        "AWS_SHARED_CREDENTIALS_FILE", tmp.resolve("no-aws-credentials").toString(),
        "AWS_EC2_METADATA_DISABLED", "true"));
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<String> out = drain(p.getInputStream());
    CompletableFuture<String> err = drain(p.getErrorStream());
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("spofscan did not finish within 120 s");
    }
    String classes = Files.exists(classLog) ? Files.readString(classLog) : "";
    return new Result(p.exitValue(), out.get(), err.get(), classes);
  }

  private static CompletableFuture<String> drain(InputStream s) {
    return CompletableFuture.supplyAsync(() -> {
      try (s) {
        return new String(s.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "<unreadable: " + e + ">";
      }
    });
  }

  @Test
  void scansTheDeployedTemplateWithItsActualParameters() throws Exception {
    // --param says true, the deployed stack says false: the deployed value wins and the finding appears.
    Result r = run("scan", "--cfn-stack", "prod-db", "--region", "eu-west-1",
        "--endpoint-url", stub.endpoint().toString(), "--param", "MultiAZ=true", "--format", "json");
    assertEquals(1, r.exit(), r.toString());
    JsonNode report = new ObjectMapper().readTree(r.out());
    JsonNode finding = null;
    for (JsonNode f : report.path("findings")) {
      if (f.path("ruleId").asText().equals("SPOF-RDS-001")) {
        finding = f;
      }
    }
    assertTrue(finding != null, r.toString());
    assertEquals("cfn-stack/prod-db.template", finding.at("/location/path").asText(), finding.toString());
    assertEquals(10, finding.at("/location/line").asInt(), finding.toString());
    assertEquals(9, finding.at("/location/column").asInt(), finding.toString());
    assertTrue(r.out().contains("NoEcho parameter MasterPassword"), r.toString());

    List<String> actions = stub.requests().stream().map(CloudFormationStub.Request::action).toList();
    assertEquals(List.of("DescribeStacks", "GetTemplate"), actions);
    stub.requests().forEach(q -> assertTrue(q.authorization().contains("Credential=AKIDEXAMPLE/"), q.toString()));
    assertTrue(r.loadedClasses().contains("software.amazon.awssdk.services.cloudformation.CloudFormationClient"),
        "the class-load log should show the SDK when --cfn-stack is used");
  }

  @Test
  void theStackParameterValueIsWhatDecides() throws Exception {
    stub.stack(new CloudFormationStub.StubStack("prod-db", ID, "unused", PROCESSED, Map.of("MultiAZ", "true")));
    Result r = run("scan", "--cfn-stack", ID, "--endpoint-url", stub.endpoint().toString(),
        "--param", "MultiAZ=false", "--format", "json");
    assertEquals(0, r.exit(), r.toString());
    JsonNode findings = new ObjectMapper().readTree(r.out()).path("findings");
    assertTrue(findings.isArray(), r.toString());
    findings.forEach(f -> assertFalse(f.path("ruleId").asText().equals("SPOF-RDS-001"), r.toString()));
    assertEquals(2, stub.requests().size());
  }

  @Test
  void nestedStacksAreScannedUnderTheirOwnNames() throws Exception {
    String parentId = "arn:aws:cloudformation:eu-west-1:123456789012:stack/app/11111111";
    String childId = "arn:aws:cloudformation:eu-west-1:123456789012:stack/app-DbStack-1ABC/22222222";
    String goneId = "arn:aws:cloudformation:eu-west-1:123456789012:stack/app-Gone-9XYZ/33333333";
    String parent = """
        Resources:
          DbStack:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: https://s3.amazonaws.com/templates/db.yaml
              Parameters: {MultiAZ: "false"}
          Gone:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: https://s3.amazonaws.com/templates/gone.yaml
        """;
    stub.stack(new CloudFormationStub.StubStack("app", parentId, "unused", parent, Map.of(),
        Map.of("DbStack", childId, "Gone", goneId)));
    stub.stack(new CloudFormationStub.StubStack("app-DbStack-1ABC", childId, "unused", PROCESSED,
        Map.of("MultiAZ", "false")));
    Result r = run("scan", "--cfn-stack", "app", "--region", "eu-west-1",
        "--endpoint-url", stub.endpoint().toString(), "--format", "json");
    assertEquals(1, r.exit(), r.toString());
    JsonNode report = new ObjectMapper().readTree(r.out());
    List<String> findings = new ArrayList<>();
    report.path("findings").forEach(f -> findings.add(f.path("ruleId").asText() + " "
        + f.at("/location/path").asText() + ":" + f.at("/location/line").asInt()));
    assertTrue(findings.contains("SPOF-RDS-001 cfn-stack/app-DbStack-1ABC.template:10"), r.toString());
    List<String> diagnostics = new ArrayList<>();
    report.path("diagnostics").forEach(d -> diagnostics.add(d.path("level").asText() + " "
        + d.at("/location/path").asText() + ":" + d.at("/location/line").asInt() + " " + d.path("message").asText()));
    assertTrue(diagnostics.contains("warning cfn-stack/app.template:7 nested stack Gone not read: stack " + goneId
        + " in eu-west-1 not found (Stack with id " + goneId + " does not exist)"), r.toString());
    assertEquals(List.of("DescribeStacks", "GetTemplate", "ListStackResources", "DescribeStacks", "GetTemplate",
        "DescribeStacks"), stub.requests().stream().map(CloudFormationStub.Request::action).toList());
  }

  @Test
  void aMissingStackIsOneLineAndExitTwo() throws Exception {
    Result r = run("scan", "--cfn-stack", "nope", "--region", "eu-west-1",
        "--endpoint-url", stub.endpoint().toString());
    assertEquals(2, r.exit(), r.toString());
    assertEquals("spofscan: stack nope in eu-west-1 not found (Stack with id nope does not exist)\n", r.err());
    assertEquals("", r.out());
    assertEquals(List.of("DescribeStacks"), stub.requests().stream().map(CloudFormationStub.Request::action).toList());
  }

  @Test
  void aScanWithoutCfnStackLoadsNoSdkClass() throws Exception {
    Path template = tmp.resolve("db.yaml");
    Files.writeString(template, """
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              MultiAZ: false
        """);
    Result r = run("scan", "--format", "json", template.toString());
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.out().contains("SPOF-RDS-001"), r.toString());
    assertTrue(r.loadedClasses().contains("io.spofscan.cli.ScanRunner"), "class-load log is written");
    assertFalse(r.loadedClasses().contains("software.amazon"), "a scan without --cfn-stack loaded AWS SDK classes");
    assertEquals(List.of(), stub.requests());
  }
}
