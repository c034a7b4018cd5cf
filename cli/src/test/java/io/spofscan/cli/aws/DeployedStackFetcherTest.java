package io.spofscan.cli.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;

/** Offline: every call goes to {@link CloudFormationStub} on the loopback interface with fake credentials. */
class DeployedStackFetcherTest {
  private static final String ID = "arn:aws:cloudformation:eu-west-1:123456789012:stack/prod-db/0a1b2c3d";
  private static final String ORIGINAL = """
      Transform: AWS::Serverless-2016-10-31
      Parameters:
        MultiAZ: {Type: String}
      Resources:
        Db:
          Type: AWS::RDS::DBInstance
          Properties:
            MultiAZ: !Ref MultiAZ
      """;
  private static final String PROCESSED = "{\"Resources\":{\"Db\":{\"Type\":\"AWS::RDS::DBInstance\"}}}";
  private static final AwsCredentialsProvider FAKE =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "fake-secret"));

  private CloudFormationStub stub;

  @BeforeEach
  void start() throws Exception {
    stub = new CloudFormationStub();
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  private DeployedStackFetcher fetcher(String region) {
    return new DeployedStackFetcher(new DeployedStackFetcher.Target(region, null, stub.endpoint()), FAKE);
  }

  private static Map<String, String> params(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void fetchesTheProcessedTemplateAndActualParameters() throws Exception {
    stub.stack(new CloudFormationStub.StubStack("prod-db", ID, ORIGINAL, PROCESSED,
        params("MultiAZ", "false", "DbPassword", "****", "Env", "prod & <test>")));
    DeployedStack s;
    try (DeployedStackFetcher f = fetcher("eu-west-1")) {
      s = f.fetch("prod-db");
    }
    assertEquals("prod-db", s.stackName());
    assertEquals(ID, s.stackId());
    assertEquals(PROCESSED, s.templateBody());
    assertEquals("Processed", s.templateStage());
    assertEquals(Map.of("MultiAZ", "false", "Env", "prod & <test>"), s.parameters());
    assertEquals(List.of("DbPassword"), s.maskedParameters());
    assertEquals("cfn-stack/prod-db.template", s.displayPath());

    List<CloudFormationStub.Request> rs = stub.requests();
    assertEquals(List.of("DescribeStacks", "GetTemplate"), rs.stream().map(CloudFormationStub.Request::action).toList());
    assertEquals("prod-db", rs.get(0).form().get("StackName"));
    assertEquals(ID, rs.get(1).form().get("StackName"));
    assertEquals("Processed", rs.get(1).form().get("TemplateStage"));
    assertEquals("2010-05-15", rs.get(1).form().get("Version"));
    for (CloudFormationStub.Request r : rs) {
      assertTrue(r.authorization().startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"), r.authorization());
      assertTrue(r.authorization().contains("/eu-west-1/cloudformation/aws4_request"), r.authorization());
    }
  }

  @Test
  void fallsBackToTheOriginalTemplate() throws Exception {
    stub.stack(new CloudFormationStub.StubStack("plain", ID, ORIGINAL, null, params()));
    DeployedStack s;
    try (DeployedStackFetcher f = fetcher("eu-west-1")) {
      s = f.fetch("plain");
    }
    assertEquals(ORIGINAL, s.templateBody());
    assertEquals("Original", s.templateStage());
    assertEquals(List.of("Processed", "Original"), stub.requests().stream()
        .filter(r -> r.action().equals("GetTemplate")).map(r -> r.form().get("TemplateStage")).toList());
  }

  @Test
  void takesTheRegionFromAStackArn() throws Exception {
    stub.stack(new CloudFormationStub.StubStack("prod-db", ID, ORIGINAL, PROCESSED, params()));
    try (DeployedStackFetcher f = fetcher(null)) {
      assertEquals("prod-db", f.fetch(ID).stackName());
    }
    assertTrue(stub.requests().get(0).authorization().contains("/eu-west-1/cloudformation/"));
  }

  @Test
  void listsNestedStacksOnlyWhenTheTemplateHasThem() throws Exception {
    String parentBody = "Resources:\n  Net: {Type: AWS::CloudFormation::Stack}\n  Db: {Type: AWS::CloudFormation::Stack}\n";
    String netId = "arn:aws:cloudformation:eu-west-1:123456789012:stack/p-Net-1/aa";
    String dbId = "arn:aws:cloudformation:eu-west-1:123456789012:stack/p-Db-2/bb";
    stub.stack(new CloudFormationStub.StubStack("p", ID, parentBody, parentBody, params(),
        Map.of("Net", netId, "Db", dbId)));
    try (DeployedStackFetcher f = fetcher("eu-west-1")) {
      DeployedStack parent = f.fetch("p");
      assertEquals(List.of(new DeployedStackFetcher.NestedStack("Db", dbId),
          new DeployedStackFetcher.NestedStack("Net", netId)), f.nestedStacks(parent));
      assertEquals("ListStackResources", stub.requests().get(2).action());
      assertEquals(ID, stub.requests().get(2).form().get("StackName"));

      DeployedStack flat = new DeployedStack("flat", ID, PROCESSED, "Processed", Map.of(), List.of());
      int before = stub.requests().size();
      assertEquals(List.of(), f.nestedStacks(flat));
      assertEquals(before, stub.requests().size());

      stub.fail("ListStackResources", new CloudFormationStub.Failure(403, "AccessDenied", "no ListStackResources"));
      StackFetchException e = assertThrows(StackFetchException.class, () -> f.nestedStacks(parent));
      assertEquals("AWS refused to read stack p in eu-west-1 (AccessDenied): no ListStackResources", e.getMessage());
    }
  }

  @Test
  void missingStackIsOneClearLine() {
    try (DeployedStackFetcher f = fetcher("us-east-1")) {
      StackFetchException e = assertThrows(StackFetchException.class, () -> f.fetch("nope"));
      assertEquals("stack nope in us-east-1 not found (Stack with id nope does not exist)", e.getMessage());
      assertEquals(0, e.getStackTrace().length);
    }
    assertEquals(1, stub.requests().size()); // a client error is not retried
  }

  @Test
  void accessDeniedIsOneClearLine() {
    stub.fail("DescribeStacks", new CloudFormationStub.Failure(403, "AccessDenied",
        "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: cloudformation:DescribeStacks"));
    try (DeployedStackFetcher f = fetcher("us-east-1")) {
      StackFetchException e = assertThrows(StackFetchException.class, () -> f.fetch("prod-db"));
      assertEquals("AWS refused to read stack prod-db in us-east-1 (AccessDenied): User: "
          + "arn:aws:iam::123456789012:user/ci is not authorized to perform: cloudformation:DescribeStacks",
          e.getMessage());
    }
  }

  @Test
  void throttlingIsRetriedThenOneClearLine() {
    stub.fail("DescribeStacks", new CloudFormationStub.Failure(400, "Throttling", "Rate exceeded"));
    try (DeployedStackFetcher f = fetcher("us-east-1")) {
      StackFetchException e = assertThrows(StackFetchException.class, () -> f.fetch("prod-db"));
      assertEquals("AWS throttled the requests for stack prod-db in us-east-1 (Throttling), try again later",
          e.getMessage());
    }
    assertTrue(stub.requests().size() > 1, "throttling should be retried: " + stub.requests().size());
  }

  @Test
  void missingCredentialsIsOneClearLine() {
    AwsCredentialsProvider none = () -> {
      throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
    };
    try (DeployedStackFetcher f = new DeployedStackFetcher(
        new DeployedStackFetcher.Target("us-east-1", null, stub.endpoint()), none)) {
      StackFetchException e = assertThrows(StackFetchException.class, () -> f.fetch("prod-db"));
      assertEquals("no AWS credentials to read stack prod-db in us-east-1: configure a profile (--profile, "
          + "AWS_PROFILE) or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", e.getMessage());
    }
    assertEquals(List.of(), stub.requests());
  }

  @Test
  void aProfileWithoutCredentialsIsNamed(@TempDir Path tmp) throws Exception {
    Path config = Files.writeString(tmp.resolve("credentials"), "[other]\n"
        + "aws_access_key_id = AKIDOTHER\naws_secret_access_key = other-secret\n");
    ProfileFile file = ProfileFile.builder()
        .content(config).type(ProfileFile.Type.CREDENTIALS).build();
    AwsCredentialsProvider missing = ProfileCredentialsProvider.builder()
        .profileFile(file).profileName("ci-readonly").build();
    try (DeployedStackFetcher f = new DeployedStackFetcher(
        new DeployedStackFetcher.Target("us-east-1", "ci-readonly", stub.endpoint()), missing)) {
      StackFetchException e = assertThrows(StackFetchException.class, () -> f.fetch("prod-db"));
      assertEquals("no AWS credentials to read stack prod-db in us-east-1: configure a profile (--profile, "
          + "AWS_PROFILE) or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (Profile file contained no credentials "
          + "for profile 'ci-readonly')", e.getMessage());
    }
    assertEquals(List.of(), stub.requests());
  }

  @Test
  void unreachableEndpointIsOneClearLine() throws Exception {
    URI closed = stub.endpoint();
    stub.close();
    try (DeployedStackFetcher f = new DeployedStackFetcher(
        new DeployedStackFetcher.Target("us-east-1", null, closed), FAKE)) {
      StackFetchException e = assertThrows(StackFetchException.class, () -> f.fetch("prod-db"));
      assertTrue(e.getMessage().startsWith("cannot read stack prod-db in us-east-1: "), e.getMessage());
      assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
  }

  @Test
  void blankStackNameIsRejectedWithoutACall() {
    try (DeployedStackFetcher f = fetcher("us-east-1")) {
      assertEquals("--cfn-stack needs a stack name or ARN",
          assertThrows(StackFetchException.class, () -> f.fetch("  ")).getMessage());
    }
    assertEquals(List.of(), stub.requests());
  }
}
