package io.spofscan.parsers.cloudformation.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CfnSpecTest {
  private final CfnSpec spec = CfnSpec.get();

  @Test
  void loadsTheShippedSpecificationOnce() {
    assertSame(spec, CfnSpec.get());
    assertEquals("@aws-cdk/aws-service-spec@0.1.216", spec.source());
    assertEquals(1828, spec.typeCount());
  }

  @Test
  void knowsTypesCaseSensitively() {
    assertTrue(spec.isKnownType("AWS::RDS::DBInstance"));
    assertTrue(spec.isKnownType("AWS::Serverless::Function"));
    assertTrue(spec.isKnownType("Alexa::ASK::Skill"));
    assertFalse(spec.isKnownType("AWS::RDS::DbInstance"));
    assertFalse(spec.isKnownType("AWS::Foo::Bar"));
    assertFalse(spec.isKnownType("Custom::Thing"));
  }

  @Test
  void knowsPropertiesWithTypeAndRequiredFlag() {
    assertTrue(spec.isKnownProperty("AWS::RDS::DBInstance", "MultiAZ"));
    assertFalse(spec.isKnownProperty("AWS::RDS::DBInstance", "MultiAz"));
    assertFalse(spec.isKnownProperty("AWS::Foo::Bar", "MultiAZ"));
    assertEquals(new CfnSpec.Property("MultiAZ", "Boolean", false),
        spec.property("AWS::RDS::DBInstance", "MultiAZ").orElseThrow());
    assertEquals(new CfnSpec.Property("VpcId", "String", true),
        spec.property("AWS::EC2::Subnet", "VpcId").orElseThrow());
    assertEquals("List<String>", spec.property("AWS::RDS::DBInstance", "VPCSecurityGroups").orElseThrow().type());
    assertEquals("List<Tag>", spec.property("AWS::RDS::DBCluster", "Tags").orElseThrow().type());
  }

  @Test
  void knowsStatefulTypesAndAttributes() {
    assertTrue(spec.isStateful("AWS::RDS::DBInstance"));
    assertTrue(spec.isStateful("AWS::S3::Bucket"));
    assertTrue(spec.isStateful("AWS::ElastiCache::ReplicationGroup"));
    assertFalse(spec.isStateful("AWS::EC2::VPC"));
    assertFalse(spec.isStateful("AWS::Foo::Bar"));
    assertTrue(spec.attributes("AWS::RDS::DBInstance").contains("Endpoint.Address"));
    assertTrue(spec.attributes("AWS::ElastiCache::ReplicationGroup").contains("PrimaryEndPoint.Address"));
    assertEquals(List.of(), spec.attributes("AWS::Foo::Bar"));
  }

  @Test
  void readsTheDataFormat() throws Exception {
    CfnSpec small = CfnSpec.read(json("{\"format\":1,\"source\":\"test\",\"future\":{\"x\":[1]},\"types\":{"
        + "\"AWS::A::B\":{\"attributes\":[\"Arn\"],\"new\":[{}],\"properties\":{\"P\":{\"required\":true,"
        + "\"type\":\"String\",\"doc\":{}}},\"stateful\":true},\"AWS::A::C\":{}}}"));
    assertEquals("test", small.source());
    assertEquals(2, small.typeCount());
    assertEquals(new CfnSpec.Property("P", "String", true), small.property("AWS::A::B", "P").orElseThrow());
    assertEquals(List.of("Arn"), small.attributes("AWS::A::B"));
    assertTrue(small.isStateful("AWS::A::B"));
    assertFalse(small.isStateful("AWS::A::C"));
  }

  @Test
  void rejectsAnUnknownOrMalformedDataFile() {
    assertThrows(IllegalStateException.class, () -> CfnSpec.read(json("{\"format\":2,\"types\":{}}")));
    assertThrows(IOException.class, () -> CfnSpec.read(json("{\"format\":1,\"types\":[]}")));
    assertThrows(IOException.class, () -> CfnSpec.read(json("[]")));
  }

  private static InputStream json(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
