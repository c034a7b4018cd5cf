package io.spofscan.cli.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-process CloudFormation endpoint on 127.0.0.1 that answers the AWS query protocol (form-encoded POST, XML
 * replies) for DescribeStacks and GetTemplate, from stacks the test registers. It records every request, so tests
 * can assert the SDK talked to it and to nothing else.
 */
final class CloudFormationStub implements AutoCloseable {
  private static final String NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

  /** One received request: the query action's form parameters and the Authorization header. */
  record Request(String action, Map<String, String> form, String authorization) {}

  /**
   * A stack the stub knows. {@code processed} null means GetTemplate with TemplateStage=Processed fails;
   * {@code nested} maps the logical ids of its nested stack resources to the child stacks' ARNs.
   */
  record StubStack(String name, String id, String original, String processed, Map<String, String> parameters,
      Map<String, String> nested) {
    StubStack(String name, String id, String original, String processed, Map<String, String> parameters) {
      this(name, id, original, processed, parameters, Map.of());
    }
  }

  /** An error the stub answers an action with. */
  record Failure(int status, String code, String message) {}

  private final HttpServer server;
  private final Map<String, StubStack> stacks = new ConcurrentHashMap<>();
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

  CloudFormationStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  CloudFormationStub stack(StubStack s) {
    stacks.put(s.name(), s);
    stacks.put(s.id(), s);
    return this;
  }

  /** Every request for {@code action} fails this way. */
  CloudFormationStub fail(String action, Failure f) {
    failures.put(action, f);
    return this;
  }

  List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      Map<String, String> form = parseForm(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String action = form.getOrDefault("Action", "");
      requests.add(new Request(action, form, ex.getRequestHeaders().getFirst("Authorization")));
      Failure failure = failures.get(action);
      if (failure != null) {
        reply(ex, failure.status(), error(failure.code(), failure.message()));
        return;
      }
      StubStack s = stacks.get(form.getOrDefault("StackName", ""));
      if (s == null) {
        reply(ex, 400, error("ValidationError", "Stack with id " + form.get("StackName") + " does not exist"));
        return;
      }
      switch (action) {
        case "DescribeStacks" -> reply(ex, 200, describeStacks(s));
        case "ListStackResources" -> reply(ex, 200, listStackResources(s));
        case "GetTemplate" -> {
          boolean processed = "Processed".equals(form.get("TemplateStage"));
          if (processed && s.processed() == null) {
            reply(ex, 400, error("ValidationError", "Processed template is not available for " + s.name()));
          } else {
            reply(ex, 200, getTemplate(processed ? s.processed() : s.original()));
          }
        }
        default -> reply(ex, 400, error("InvalidAction", "the stub does not implement " + action));
      }
    }
  }

  private static String describeStacks(StubStack s) {
    StringBuilder params = new StringBuilder();
    s.parameters().forEach((k, v) -> params.append("<member><ParameterKey>").append(xml(k))
        .append("</ParameterKey><ParameterValue>").append(xml(v)).append("</ParameterValue></member>"));
    return "<DescribeStacksResponse xmlns=\"" + NS + "\"><DescribeStacksResult><Stacks><member>"
        + "<StackName>" + xml(s.name()) + "</StackName><StackId>" + xml(s.id()) + "</StackId>"
        + "<StackStatus>UPDATE_COMPLETE</StackStatus><CreationTime>2026-01-02T03:04:05.000Z</CreationTime>"
        + "<Parameters>" + params + "</Parameters>"
        + "</member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>req-describe</RequestId>"
        + "</ResponseMetadata></DescribeStacksResponse>";
  }

  private static String listStackResources(StubStack s) {
    StringBuilder members = new StringBuilder(member("Queue", "https://sqs.example/q", "AWS::SQS::Queue"));
    new TreeMap<>(s.nested()).forEach((id, arn) -> members.append(
        member(id, arn, "AWS::CloudFormation::Stack")));
    return "<ListStackResourcesResponse xmlns=\"" + NS + "\"><ListStackResourcesResult><StackResourceSummaries>"
        + members + "</StackResourceSummaries></ListStackResourcesResult><ResponseMetadata><RequestId>req-list"
        + "</RequestId></ResponseMetadata></ListStackResourcesResponse>";
  }

  private static String member(String logicalId, String physicalId, String type) {
    return "<member><LogicalResourceId>" + xml(logicalId) + "</LogicalResourceId><PhysicalResourceId>"
        + xml(physicalId) + "</PhysicalResourceId><ResourceType>" + type + "</ResourceType>"
        + "<LastUpdatedTimestamp>2026-01-02T03:04:05.000Z</LastUpdatedTimestamp>"
        + "<ResourceStatus>CREATE_COMPLETE</ResourceStatus></member>";
  }

  private static String getTemplate(String body) {
    return "<GetTemplateResponse xmlns=\"" + NS + "\"><GetTemplateResult><TemplateBody>" + xml(body)
        + "</TemplateBody><StagesAvailable><member>Original</member><member>Processed</member></StagesAvailable>"
        + "</GetTemplateResult><ResponseMetadata><RequestId>req-template</RequestId></ResponseMetadata>"
        + "</GetTemplateResponse>";
  }

  private static String error(String code, String message) {
    return "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>" + xml(code) + "</Code><Message>"
        + xml(message) + "</Message></Error><RequestId>req-error</RequestId></ErrorResponse>";
  }

  private static void reply(HttpExchange ex, int status, String xml) throws IOException {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "text/xml");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.put(k, v);
    }
    return form;
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
