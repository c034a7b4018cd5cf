package io.spofscan.parsers.cloudformation;

import static io.spofscan.parsers.yaml.Fixtures.addresses;
import static io.spofscan.parsers.yaml.Fixtures.diagnostics;
import static io.spofscan.parsers.yaml.Fixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Reference;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.parsers.documents.DocumentParser;
import io.spofscan.parsers.yaml.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudFormationReaderTest {

  private static Model intrinsics() {
    return Fixtures.parse("cloudformation/intrinsics");
  }

  private static Resource yamlDb() {
    return intrinsics().resources().stream().filter(r -> r.path().endsWith(".yaml") && r.address().equals("Db"))
        .findFirst().orElseThrow();
  }

  private static String text(Value v) {
    return v.asString().orElse("<" + v.describe() + ">");
  }

  private static void assertAt(Value v, int line, int column) {
    SourceRange r = v.location().orElseThrow();
    assertEquals(line + ":" + column, r.line() + ":" + r.column(), "position of " + v.describe());
  }

  @Test
  void resourcesAreLogicalIdsLocatedAtTheirKey() {
    Model m = intrinsics();
    Resource db = yamlDb();
    assertEquals("AWS::RDS::DBInstance", db.type());
    assertEquals("intrinsics/short-form.yaml", db.path());
    assertEquals(26, db.range().line());
    assertEquals(3, db.range().column());
    Resource json = m.resources().stream().filter(r -> r.path().endsWith("long-form.json") && r.address().equals("Db"))
        .findFirst().orElseThrow();
    assertEquals(44, json.range().line());
    assertEquals(5, json.range().column());
    assertEquals(List.of(), Fixtures.errors(m), diagnostics(m));
  }

  @Test
  void shortFormIntrinsicsAreEvaluated() {
    Value p = yamlDb().attr("Properties");
    assertEquals("parameter DbMultiAz has no value", p.get("MultiAZ").unknownReason().orElseThrow());
    assertAt(p.get("MultiAZ"), 30, 7);
    assertEquals(Truth.TRUE, p.get("StorageEncrypted").truth(false));
    assertTrue(p.get("BackupRetentionPeriod").isAbsent(), "!If [IsDev, 1, AWS::NoValue] removes the property");
    assertEquals("db.r6g.large", text(p.get("DBInstanceClass")));
    assertEquals("5.10", text(p.get("EngineVersion")), "a version number keeps its lexeme");
    assertEquals("orders-prod-${Literal}", text(p.get("DBName")));
    assertEquals("subnet-b-a", text(p.get("DBSubnetGroupName")));
    assertEquals("prod-admin", text(p.get("MasterUsername")));
    assertEquals("Vpc.CidrBlock is only known after deploy", p.get("Endpoint").unknownReason().orElseThrow());
    assertEquals("Topic.TopicName is only known after deploy", p.get("Other").unknownReason().orElseThrow());
    assertTrue(p.get("Zone").isUnknown());
    assertEquals("ZWNobyBoaQ==", text(p.get("UserData")));
    assertEquals(List.of("10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"),
        p.get("Cidrs").items().stream().map(CloudFormationReaderTest::text).toList());
    assertEquals(3, p.get("Count").asLong().orElseThrow());
    assertEquals("{\"a\":1,\"b\":[\"x\"]}", text(p.get("Json")));
    assertTrue(p.get("Imported").unknownReason().orElseThrow().contains("shared-vpc-id"));
    assertEquals("pseudo parameter AWS::Region has no value", p.get("Region").unknownReason().orElseThrow());
    assertTrue(p.get("Image").unknownReason().orElseThrow().contains("SSM parameter /base/ami"));
    assertEquals("db.t3.small", text(p.get("Missing")), "FindInMap DefaultValue");
    assertTrue(p.get("Arn").isUnknown());
    assertEquals(Truth.TRUE, p.get("Both").truth(false), "condition And/Or/Condition and YAML 1.1 yes");
  }

  @Test
  void longFormJsonGivesTheSameValues() {
    Model m = intrinsics();
    Resource yaml = m.resources().stream().filter(r -> r.path().endsWith(".yaml") && r.address().equals("Db"))
        .findFirst().orElseThrow();
    Resource json = m.resources().stream().filter(r -> r.path().endsWith(".json") && r.address().equals("Db"))
        .findFirst().orElseThrow();
    for (String key : List.of("MultiAZ", "StorageEncrypted", "BackupRetentionPeriod", "DBInstanceClass", "DBName",
        "DBSubnetGroupName", "MasterUsername", "Endpoint", "Zone", "UserData", "Cidrs", "Count", "Imported")) {
      Value a = yaml.attr("Properties." + key);
      Value b = json.attr("Properties." + key);
      assertEquals(a.describe(), b.describe(), key);
      assertEquals(a.isAbsent(), b.isAbsent(), key);
    }
  }

  @Test
  void referencesFromRefGetAttSubAndDependsOn() {
    Resource db = yamlDb();
    List<String> refs = db.references().stream().map(r -> r.kind() + ":" + r.target() + ":" + r.detail()).toList();
    assertTrue(refs.contains("getatt:Vpc:CidrBlock"), refs.toString());
    assertTrue(refs.contains("getatt:Topic:TopicName"), refs.toString());
    assertTrue(refs.contains("sub:Topic:TopicName"), refs.toString());
    assertTrue(refs.contains("depends_on:Vpc:"), refs.toString());
    assertTrue(refs.contains("depends_on:Topic:"), refs.toString());
    Reference dependsOnTopic = db.references().stream().filter(r -> r.kind().equals("depends_on")
        && r.target().equals("Topic")).findFirst().orElseThrow();
    assertEquals(28, dependsOnTopic.range().line());
    Resource handler = resource(Fixtures.parse("cloudformation/sam"), "Handler");
    assertEquals(List.of("ref:Api@sam/serverless.yaml:20:13"), handler.references().stream()
        .map(r -> r.kind() + ":" + r.target() + "@" + r.range()).toList());
  }

  @Test
  void falseConditionRemovesTheResource() {
    Model m = intrinsics();
    assertFalse(addresses(m).contains("DevOnly"), "Condition IsDev is false with Env=prod");
  }

  @Test
  void parametersGivenOnTheCommandLineOverrideDefaults() {
    Model m = Fixtures.parse("cloudformation/intrinsics", Fixtures.withParameters(
        Map.of("Env", "dev", "DbMultiAz", "true", "AWS::Region", "eu-west-1")));
    Resource db = m.resources().stream().filter(r -> r.path().endsWith(".yaml") && r.address().equals("Db"))
        .findFirst().orElseThrow();
    Value p = db.attr("Properties");
    assertEquals(Truth.TRUE, p.get("MultiAZ").truth(false));
    assertEquals(Truth.FALSE, p.get("StorageEncrypted").truth(true));
    assertEquals(1, p.get("BackupRetentionPeriod").asLong().orElseThrow());
    assertEquals("db.t4g.micro", text(p.get("DBInstanceClass")));
    assertEquals("eu-west-1", text(p.get("Region")));
    assertTrue(addresses(m).contains("DevOnly"));
  }

  @Test
  void allowedValuesDecideConditionsTheParametersCannot() {
    Model m = Fixtures.parse("cloudformation/conditions");
    List<String> present = addresses(m);
    assertFalse(present.contains("NeverInDev"), "Env can never be dev");
    assertTrue(resource(m, "AlwaysOutsideDev").certainlyExists());
    assertEquals("condition IsProd depends on parameter Env",
        resource(m, "ProdOnly").existence().unknownReason().orElseThrow());
    assertEquals("condition IsGoldProd depends on parameters Env, Tier",
        resource(m, "GoldProd").existence().unknownReason().orElseThrow());
    assertEquals("condition IsFree depends on parameter Anything",
        resource(m, "FreeTier").existence().unknownReason().orElseThrow());
    assertEquals("condition InUsEast depends on pseudo parameter AWS::Region",
        resource(m, "Regional").existence().unknownReason().orElseThrow());
    Value p = resource(m, "Db").attr("Properties");
    assertEquals("condition IsProd depends on parameter Env", p.get("MultiAZ").unknownReason().orElseThrow());
    assertEquals(Truth.UNKNOWN, p.get("MultiAZ").truth(false));
    assertEquals(Truth.TRUE, p.get("DeletionProtection").truth(false));
  }

  @Test
  void samTemplatesKeepEveryResource() {
    Model m = Fixtures.parse("cloudformation/sam");
    assertEquals(List.of("Api", "Handler", "Table", "Queue", "Shared", "Shared/Cache"), addresses(m));
    Resource cache = resource(m, "Shared/Cache");
    assertEquals("sam/apps/cache.yaml", cache.path());
    assertEquals(1, cache.attr("Properties.NumCacheClusters").asLong().orElseThrow(),
        "a SAM application's local Location is read like a nested stack");
    assertEquals("AWS::Serverless::Function", resource(m, "Handler").type());
    assertEquals(List.of(), m.diagnostics());
  }

  @Test
  void nestedStacksAreReadWithTheParametersTheParentPasses() {
    Model m = Fixtures.parse("cloudformation/nested");
    Resource db = resource(m, "Database/Db");
    assertEquals("nested/stacks/database.yaml", db.path());
    assertEquals(9, db.range().line());
    assertEquals(Truth.TRUE, db.attr("Properties.MultiAZ").truth(false));
    assertEquals("orders-prod", text(db.attr("Properties.DBInstanceIdentifier")));
    assertFalse(addresses(m).contains("Db"), "a child template is not scanned again on its own");
    assertTrue(addresses(m).contains("Loop/Topic"));
    String diags = diagnostics(m);
    assertTrue(diags.contains("ERROR nested/stacks/loop.yaml:3:3 nested stack Loop/Again includes"), diags);
    assertTrue(diags.contains("WARNING nested/parent.yaml:22:3 nested stack template ../../outside.yaml"), diags);
    assertFalse(diags.contains("remote.yaml"), "remote templates are not fetched");
  }

  @Test
  void nestedStackParametersOverrideTheChildDefaults() {
    Model m = Fixtures.parse("cloudformation/nested", Fixtures.withParameters(Map.of("Env", "dev")));
    Resource db = resource(m, "Database/Db");
    assertEquals(Truth.FALSE, db.attr("Properties.MultiAZ").truth(true));
    assertEquals("orders-dev", text(db.attr("Properties.DBInstanceIdentifier")));
  }

  @Test
  void duplicateKeysAliasesMergeKeysAndUnknownTagsAreErrors() {
    Model m = Fixtures.parse("cloudformation/errors");
    String diags = diagnostics(m);
    assertTrue(diags.contains("ERROR errors/duplicate-and-alias.yaml:7:3 duplicate key 'Topic'"), diags);
    assertTrue(diags.contains("ERROR errors/duplicate-and-alias.yaml:9:5 YAML alias *props"), diags);
    assertTrue(diags.contains("ERROR errors/duplicate-and-alias.yaml:13:7 YAML merge key <<"), diags);
    assertTrue(diags.contains("ERROR errors/duplicate-and-alias.yaml:18:7 unknown tag !Foo"), diags);
    assertTrue(diags.contains("ERROR errors/broken.template:4:43 JSON syntax error"), diags);
  }

  @Test
  void yaml11BooleansAndNumbers() {
    Value p = resource(Fixtures.parse("cloudformation/booleans"), "Db").attr("Properties");
    assertEquals(Boolean.TRUE, ((Value.Scalar) p.get("MultiAZ")).value());
    assertEquals(Boolean.FALSE, ((Value.Scalar) p.get("StorageEncrypted")).value());
    assertEquals("false", ((Value.Scalar) p.get("PubliclyAccessible")).value(), "quoted stays a string");
    assertEquals(Truth.FALSE, p.get("PubliclyAccessible").truth(true));
    assertEquals(Truth.TRUE, p.get("DeletionProtection").truth(false));
    assertEquals("0800", text(p.get("Port")));
    assertEquals(1000, p.get("AllocatedStorage").asLong().orElseThrow());
    assertEquals(".inf", text(p.get("Iops")));
    assertEquals("y", text(p.get("Engine")), "y is not a boolean");
  }

  @Test
  void templatesGivenAsText() {
    String template = "Parameters:\n  MultiAz:\n    Type: String\n    AllowedValues: [\"true\", \"false\"]\n"
        + "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: !Ref MultiAz\n";
    Model m = new DocumentParser(ScanOptions.defaults()).parseText("stack:prod-db", template);
    Resource db = resource(m, "Db");
    assertEquals("stack:prod-db", db.path());
    assertEquals(6, db.range().line());
    assertEquals("parameter MultiAz has no value", db.attr("Properties.MultiAZ").unknownReason().orElseThrow());
    Model broken = new DocumentParser(ScanOptions.defaults()).parseText("-", "Resources:\n  Db: [\n");
    assertEquals(1, broken.diagnostics().size(), diagnostics(broken));
    assertEquals(Diagnostic.Level.ERROR, broken.diagnostics().get(0).level());
  }

  @Test
  void conditionsThatCannotBeDecidedNameTheirCause() {
    String template = "Parameters:\n  Env: {Type: String}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n"
        + "  Loop: !Condition Loop\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Condition: IsProd\n"
        + "  Odd:\n    Type: AWS::SNS::Topic\n    Condition: Loop\n";
    Model m = new DocumentParser(ScanOptions.defaults()).parseText("t.yaml", template);
    assertEquals("condition IsProd depends on parameter Env",
        resource(m, "Db").existence().unknownReason().orElseThrow());
    assertEquals(Truth.UNKNOWN, resource(m, "Odd").existence().truth(true));
  }

  @Test
  void forEachLoopsAreExpandedAndRainDirectivesReported() {
    String template = "Transform: AWS::LanguageExtensions\nParameters:\n  Names: {Type: CommaDelimitedList}\n"
        + "Resources:\n  Fn::ForEach::Topics:\n    - Name\n"
        + "    - [a-1, b]\n    - Topic&{Name}:\n        Type: AWS::SNS::Topic\n        Properties:\n"
        + "          TopicName: !Sub \"t-${Name}\"\n          DisplayName: !Ref Name\n"
        + "  Fn::ForEach::Queues:\n    - Q\n    - !Ref Names\n    - Queue${Q}:\n        Type: AWS::SQS::Queue\n"
        + "  Net:\n    Type: !Rain::Module vpc.yml\n"
        + "  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      Body: !Rain::Embed body.txt\n";
    Model m = new DocumentParser(ScanOptions.defaults()).parseText("t.yaml", template);
    assertEquals(List.of("Topica1", "Topicb", "Queue"), addresses(m));
    Resource a = resource(m, "Topica1");
    assertEquals("t-a-1", text(a.attr("Properties.TopicName")));
    assertEquals("a-1", text(a.attr("Properties.DisplayName")));
    assertEquals(8, a.range().line(), "an expanded resource sits at the loop's output key");
    String diags = diagnostics(m);
    assertEquals(List.of(), Fixtures.errors(m), diags);
    assertTrue(diags.contains("WARNING t.yaml:13:3 Fn::ForEach::Queues: the collection is not known (parameter Names"
        + " has no value)"), diags);
    assertTrue(diags.contains("WARNING t.yaml:18:3 resource Net is a Rain module"), diags);
    assertTrue(diags.contains("WARNING t.yaml:23:7 !Rain::Embed is a Rain directive"), diags);
  }

  @Test
  void jsonTemplatesRejectDuplicateKeysAndTrailingContent() {
    String json = "{\"Resources\": {\n  \"Q\": {\"Type\": \"AWS::SQS::Queue\"},\n"
        + "  \"Q\": {\"Type\": \"AWS::SNS::Topic\"}\n}}";
    Model m = new DocumentParser(ScanOptions.defaults()).parseText("t.json", json);
    assertEquals("AWS::SNS::Topic", resource(m, "Q").type());
    assertEquals("ERROR t.json:3:3 duplicate key 'Q': CloudFormation rejects the template", diagnostics(m));
    Model trailing = new DocumentParser(ScanOptions.defaults()).parseText("t.json", json.replace("\"Q\": {\"Type\": "
        + "\"AWS::SNS", "\"R\": {\"Type\": \"AWS::SNS") + "\n{}");
    assertEquals(List.of("Q", "R"), addresses(trailing));
    assertTrue(diagnostics(trailing).startsWith("ERROR t.json:5:1 JSON error: unexpected content"),
        diagnostics(trailing));
  }

  @Test
  void nestedStacksStopAtTheDepthBound(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    for (int i = 0; i < 8; i++) {
      java.nio.file.Files.writeString(dir.resolve("level" + i + ".yaml"), "AWSTemplateFormatVersion: 2010-09-09\n"
          + "Resources:\n  Next:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n"
          + "      TemplateURL: level" + (i + 1) + ".yaml\n");
    }
    Model m = Fixtures.parse(dir, ScanOptions.defaults());
    assertEquals("Next/Next/Next/Next/Next/Next", addresses(m).get(addresses(m).size() - 1));
    assertTrue(diagnostics(m).contains("is more than 5 levels deep: not followed"), diagnostics(m));
  }

  @Test
  void includeTransformsInResourcesAreReported() {
    String template = "Resources:\n  Fn::Transform:\n    Name: AWS::Include\n    Parameters:\n"
        + "      Location: s3://bucket/more.yaml\n  Queue:\n    Type: AWS::SQS::Queue\n";
    Model m = new DocumentParser(ScanOptions.defaults()).parseText("t.yaml", template);
    assertEquals(List.of("Queue"), addresses(m));
    assertTrue(diagnostics(m).startsWith("WARNING t.yaml:2:3 Fn::Transform runs at deploy"), diagnostics(m));
  }
}
