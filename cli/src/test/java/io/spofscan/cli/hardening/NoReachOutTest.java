package io.spofscan.cli.hardening;

import static io.spofscan.cli.hardening.Cli.assertCompletedNormally;
import static io.spofscan.cli.hardening.Cli.assertFinding;
import static io.spofscan.cli.hardening.Cli.findings;
import static io.spofscan.cli.hardening.Trees.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.spofscan.cli.hardening.Cli.Run;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that try to make the scanner reach out (an http data source, remote and escaping module sources, nested
 * stacks by URL and by ../ path, Kubernetes references to files) are analysed without any connection and without
 * reading outside the scan root: proven under a Java security manager that grants reads only under the root, the
 * class path and java.home and grants no socket permission at all, and again without it against a loopback server
 * that counts connections.
 */
class NoReachOutTest {
  @TempDir Path tmp;
  private Path root;
  private ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();

  @BeforeEach
  void buildTree() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket s = server.accept()) {
          connections.incrementAndGet();
        } catch (SocketException closed) {
          return;
        } catch (IOException e) {
          connections.incrementAndGet();
        }
      }
    }, "loopback-canary");
    acceptor.setDaemon(true);
    acceptor.start();
    String base = "http://127.0.0.1:" + server.getLocalPort();

    Path outside = Files.createDirectories(tmp.resolve("outside"));
    write(outside, "main.tf", "resource \"aws_db_instance\" \"outside_secret\" {\n  engine = \"mysql\"\n}\n");
    write(outside, "outside.yaml", "Resources:\n  OutsideSecret:\n    Type: AWS::RDS::DBInstance\n"
        + "    Properties:\n      Engine: mysql\n");
    write(outside, "outside-k8s.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: outside-secret}\n"
        + "spec:\n  replicas: 1\n");

    root = Files.createDirectories(tmp.resolve("repo"));
    write(root, "infra/main.tf", """
        data "http" "probe" {
          url    = "%1$s/exfil"
          method = "POST"
          request_body = "should-never-arrive"
        }

        resource "aws_s3_bucket" "b" {
          bucket = data.http.probe.response_body
        }

        module "git_remote" {
          source = "git::%1$s/modules.git//db?ref=v1"
        }

        module "http_remote" {
          source = "%1$s/module.zip"
        }

        module "registry" {
          source  = "terraform-aws-modules/rds/aws"
          version = "6.0.0"
        }

        module "escape" {
          source = "../../outside"
        }

        resource "aws_db_instance" "orders" {
          engine = "postgres"
        }
        """.formatted(base));
    write(root, "infra/terraform.tfvars", "region = \"eu-west-1\"\n");
    write(root, "cfn/stack.yaml", """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Remote:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: %1$s/nested.yaml
          Escaping:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: ../../outside/outside.yaml
          Local:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: ./child.yaml
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
        """.formatted(base));
    write(root, "cfn/child.yaml", "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n");
    write(root, "k8s/app.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations:
            config.example/source: %1$s/config.yaml
        spec:
          replicas: 1
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.25
                  envFrom:
                    - configMapRef: {name: ../../outside/outside-k8s.yaml}
              volumes:
                - name: host
                  hostPath: {path: /etc}
        """.formatted(base));
    write(root, "k8s/kustomization.yaml", """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - app.yaml
          - ../../outside/outside-k8s.yaml
          - %1$s/remote.yaml
        """.formatted(base));
  }

  @Test
  void underASecurityManagerWithoutNetworkOrOutsideReads() throws IOException {
    Path policy = writePolicy();
    List<String> jvm = List.of("-Djava.security.manager", "-Djava.security.policy==" + policy);
    Run run = Cli.run(jvm, List.of("scan", root.toString(), "--format", "json"), root);
    JsonNode report = assertCompletedNormally(run);
    assertTrue(run.stderr().contains("Security Manager"), "the child JVM must run under the security manager\n" + run);
    assertEquals(1, run.exit(), "findings are expected\n" + run);
    String all = (run.stdout() + run.stderr()).toLowerCase(Locale.ROOT);
    assertFalse(all.contains("access denied") || all.contains("accesscontrolexception")
        || all.contains("securityexception"), "the scan attempted something the policy forbids\n" + run);
    assertExpectedFindings(report, run);
    assertEquals(0, connections.get(), "a connection reached the loopback canary");
  }

  @Test
  void withoutSecurityManagerNothingConnects() throws IOException {
    Run run = Cli.scanJson(root);
    JsonNode report = assertCompletedNormally(run);
    assertExpectedFindings(report, run);
    server.close();
    assertEquals(0, connections.get(), "spofscan connected to the loopback server named in a scanned file");
  }

  private static void assertExpectedFindings(JsonNode report, Run run) {
    assertFinding(report, "SPOF-RDS-001", "infra/main.tf", run);
    assertFinding(report, "SPOF-RDS-001", "cfn/stack.yaml", run);
    assertFinding(report, "SPOF-K8S-001", "k8s/app.yaml", run);
    assertTrue(findings(report).stream().noneMatch(f -> f.toString().toLowerCase(Locale.ROOT).contains("outside")),
        "something outside the scan root was analysed\n" + run);
  }

  /** Read-only access to the scan root, the class path and the JDK; no SocketPermission, no writes. */
  private Path writePolicy() throws IOException {
    List<String> reads = new ArrayList<>();
    Path realRoot = root.toRealPath();
    for (Path p : List.of(root, realRoot)) {
      reads.add(p.toString());
      reads.add(p + File.separator + "-");
      // The CLI looks for the nearest ancestor holding .git (the base of reported paths): an existence check only.
      for (Path up = p.getParent(); up != null; up = up.getParent()) {
        reads.add(up.resolve(".git").toString());
      }
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      reads.add(entry);
      if (Files.isDirectory(Path.of(entry))) {
        reads.add(entry + File.separator + "-");
      }
    }
    reads.add(System.getProperty("java.home") + File.separator + "-");
    StringBuilder policy = new StringBuilder("grant {\n");
    for (String r : reads) {
      policy.append("  permission java.io.FilePermission \"").append(escape(r)).append("\", \"read\";\n");
    }
    policy.append("""
          permission java.util.PropertyPermission "*", "read";
          permission java.lang.RuntimePermission "exitVM.*";
          permission java.lang.RuntimePermission "getenv.*";
          permission java.lang.RuntimePermission "accessDeclaredMembers";
          permission java.lang.RuntimePermission "getProtectionDomain";
          permission java.lang.RuntimePermission "getClassLoader";
          permission java.lang.RuntimePermission "setContextClassLoader";
          permission java.lang.RuntimePermission "modifyThread";
          permission java.lang.RuntimePermission "modifyThreadGroup";
          permission java.lang.RuntimePermission "shutdownHooks";
          permission java.lang.RuntimePermission "writeFileDescriptor";
          permission java.lang.RuntimePermission "readFileDescriptor";
          permission java.lang.RuntimePermission "setIO";
          permission java.lang.RuntimePermission "accessClassInPackage.sun.misc";
          permission java.lang.RuntimePermission "accessClassInPackage.jdk.internal.misc";
          permission java.lang.reflect.ReflectPermission "suppressAccessChecks";
        };
        """);
    Path file = tmp.resolve("no-network.policy");
    Files.writeString(file, policy);
    return file;
  }

  private static String escape(String path) {
    return path.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
