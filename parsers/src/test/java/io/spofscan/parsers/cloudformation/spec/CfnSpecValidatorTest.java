package io.spofscan.parsers.cloudformation.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Resources are built as the CloudFormation parser lays them out: the logical id key is the resource range, the
 * body is the resource mapping, and every map entry is located at its key.
 */
class CfnSpecValidatorTest {
  private static final String FILE = "stacks/db.yaml";

  /** One resource written at {@code line}: "  Id:" then "    Type: T" and "    Properties:" with one line each. */
  private static Resource cfn(Format format, String id, String type, int line, String... properties) {
    Map<String, Value> props = new LinkedHashMap<>();
    int l = line + 3;
    for (String p : properties) {
      props.put(p, Value.of("x", SourceRange.at(FILE, l++, 7)));
    }
    Map<String, Value> body = new LinkedHashMap<>();
    body.put("Type", Value.of(type, SourceRange.at(FILE, line + 1, 5)));
    if (properties.length > 0) {
      body.put("Properties", new Value.MapValue(props, SourceRange.at(FILE, line + 2, 5)));
    }
    return Resource.of(format, type, id, SourceRange.at(FILE, line, 3),
        new Value.MapValue(body, SourceRange.at(FILE, line, 3)), List.of());
  }

  private static Resource cfn(String id, String type, int line, String... properties) {
    return cfn(Format.CLOUDFORMATION, id, type, line, properties);
  }

  private static List<Diagnostic> validate(Resource... resources) {
    return CfnSpecValidator.validate(new Model(List.of(resources), List.of()));
  }

  @Test
  void validTemplateGivesNothing() {
    assertEquals(List.of(), validate(
        cfn("Db", "AWS::RDS::DBInstance", 2, "Engine", "MultiAZ", "DBInstanceClass"),
        cfn("Bucket", "AWS::S3::Bucket", 10),
        cfn("Skill", "Alexa::ASK::Skill", 20, "SkillPackage")));
  }

  @Test
  void unknownTypeIsReportedAtTheTypeKeyWithASuggestion() {
    List<Diagnostic> ds = validate(cfn("Db", "AWS::RDS::DbInstance", 4, "MultiAZ"),
        cfn("Q", "AWS::SQS::Queu", 12), cfn("Odd", "AWS::Nothing::LikeThisAtAll", 20));
    assertEquals(3, ds.size());
    Diagnostic d = ds.get(0);
    assertEquals(Diagnostic.Level.WARNING, d.level());
    assertEquals(SourceRange.at(FILE, 5, 5), d.location());
    assertEquals("unknown CloudFormation resource type AWS::RDS::DbInstance in resource Db (did you mean "
        + "AWS::RDS::DBInstance?) (@aws-cdk/aws-service-spec@0.1.216)", d.message());
    assertTrue(ds.get(1).message().contains("(did you mean AWS::SQS::Queue?)"), ds.get(1).message());
    assertEquals(SourceRange.at(FILE, 21, 5), ds.get(2).location());
    assertTrue(!ds.get(2).message().contains("did you mean"), ds.get(2).message());
  }

  @Test
  void malformedAwsTypeIsUnknown() {
    List<Diagnostic> ds = validate(cfn("B", "AWS::S3:Bucket", 2));
    assertEquals(1, ds.size());
    assertTrue(ds.get(0).message().contains("(did you mean AWS::S3::Bucket?)"), ds.get(0).message());
  }

  @Test
  void unknownPropertiesAreReportedAtTheirKeys() {
    List<Diagnostic> ds = validate(cfn("Db", "AWS::RDS::DBInstance", 2, "Engine", "MultiAz", "BackupRetention",
        "Zzzzzzzzzz"));
    assertEquals(3, ds.size());
    assertEquals(SourceRange.at(FILE, 6, 7), ds.get(0).location());
    assertEquals("AWS::RDS::DBInstance has no property MultiAz (resource Db) (did you mean MultiAZ?)",
        ds.get(0).message());
    assertEquals(SourceRange.at(FILE, 7, 7), ds.get(1).location());
    assertTrue(ds.get(1).message().startsWith("AWS::RDS::DBInstance has no property BackupRetention"));
    assertEquals(SourceRange.at(FILE, 8, 7), ds.get(2).location());
    assertEquals("AWS::RDS::DBInstance has no property Zzzzzzzzzz (resource Db)", ds.get(2).message());
  }

  @Test
  void typesOutsideTheSpecificationAreNotChecked() {
    assertEquals(List.of(), validate(
        cfn("C", "Custom::DatabaseSeeder", 2, "ServiceToken", "Anything"),
        cfn("F", "AWS::Serverless::Function", 10, "CodeUri", "NotASamPropertyEither"),
        cfn("Atlas", "MongoDB::Atlas::Cluster", 20, "ProjectId"),
        cfn("Mod", "MyOrg::Network::Vpc::MODULE", 30, "CidrBlock"),
        cfn("Cdk", "AWS::CDK::Metadata", 40, "Analytics"),
        cfn("Cr", "AWS::CloudFormation::CustomResource", 50, "ServiceToken", "FreeForm")));
  }

  @Test
  void otherFormatsAreNotChecked() {
    assertEquals(List.of(), validate(cfn(Format.TERRAFORM, "aws_db_instance.x", "AWS::Foo::Bar", 2, "Nope")));
  }

  @Test
  void unknownOrMissingPropertiesBlockIsNotGuessedAt() {
    Map<String, Value> body = new LinkedHashMap<>();
    body.put("Type", Value.of("AWS::RDS::DBInstance", SourceRange.at(FILE, 3, 5)));
    body.put("Properties", Value.unknown("condition UseReplica has no value", SourceRange.at(FILE, 4, 5)));
    Resource r = Resource.of(Format.CLOUDFORMATION, "AWS::RDS::DBInstance", "Db", SourceRange.at(FILE, 2, 3),
        new Value.MapValue(body, SourceRange.at(FILE, 2, 3)), List.of());
    assertEquals(List.of(), validate(r));
  }

  @Test
  void intrinsicKeysAmongPropertiesAreSkipped() {
    assertEquals(List.of(), validate(cfn("B", "AWS::S3::Bucket", 2, "Fn::Transform", "BucketName")));
  }

  @Test
  void diagnosticsFollowModelOrder() {
    List<Resource> rs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rs.add(cfn("R" + i, "AWS::Nope::T" + i, 2 + 10 * i));
    }
    List<Diagnostic> ds = CfnSpecValidator.validate(new Model(rs, List.of()));
    assertEquals(5, ds.size());
    for (int i = 0; i < 5; i++) {
      assertEquals(3 + 10 * i, ds.get(i).location().line());
    }
  }
}
