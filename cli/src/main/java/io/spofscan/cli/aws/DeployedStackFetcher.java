package io.spofscan.cli.aws;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClientBuilder;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.GetTemplateResponse;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.ResourceStatus;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.cloudformation.model.TemplateStage;

/**
 * Reads deployed CloudFormation stacks: DescribeStacks for the stack's name and actual parameter values, then
 * GetTemplate (the {@code Processed} template, with transforms such as SAM applied, else the {@code Original}).
 *
 * <p>Credentials come from the SDK's default chain, or from the named profile. This is the only class that touches
 * the AWS SDK, and the CLI creates it only for {@code --cfn-stack}: a scan without that option loads no SDK class.
 * Every failure becomes a {@link StackFetchException} with one line of text.
 */
public final class DeployedStackFetcher implements AutoCloseable {
  private static final String MASKED = "****";

  /**
   * Where and as whom to connect.
   *
   * @param region the AWS region, or null: taken from a stack ARN, else the SDK's default (AWS_REGION, profile)
   * @param profile a profile of the shared AWS config/credentials files, or null for the default chain
   * @param endpoint an endpoint URL to use instead of AWS's (a proxy, LocalStack, a test stub), or null
   */
  public record Target(String region, String profile, URI endpoint) {}

  private final Target target;
  private final AwsCredentialsProvider credentials;
  private final Map<Region, CloudFormationClient> clients = new LinkedHashMap<>();

  public DeployedStackFetcher(Target target) {
    this(target, null);
  }

  /** With explicit credentials (tests); null means the profile or the default chain. */
  DeployedStackFetcher(Target target, AwsCredentialsProvider credentials) {
    this.target = target;
    this.credentials = credentials;
  }

  /** Fetch one stack by name or ARN. */
  public DeployedStack fetch(String stackNameOrArn) throws StackFetchException {
    String wanted = stackNameOrArn == null ? "" : stackNameOrArn.trim();
    if (wanted.isEmpty()) {
      throw new StackFetchException("--cfn-stack needs a stack name or ARN");
    }
    Region region = region(wanted);
    try {
      CloudFormationClient cfn = client(region);
      List<Stack> stacks = cfn.describeStacks(b -> b.stackName(wanted)).stacks();
      if (stacks.isEmpty()) {
        throw new StackFetchException("stack " + wanted + " not found in " + region.id());
      }
      Stack stack = stacks.get(0);
      // By id, so the template and the parameters are of the same stack even if one of that name was replaced.
      String id = Optional.ofNullable(stack.stackId()).orElse(wanted);
      String stage = TemplateStage.PROCESSED.toString();
      String body = processedOrNull(cfn, id);
      if (body == null) {
        stage = TemplateStage.ORIGINAL.toString();
        body = cfn.getTemplate(b -> b.stackName(id).templateStage(TemplateStage.ORIGINAL)).templateBody();
      }
      if (body == null || body.isBlank()) {
        throw new StackFetchException("stack " + wanted + " in " + region.id() + " returned an empty template");
      }
      Map<String, String> parameters = new LinkedHashMap<>();
      List<String> masked = new ArrayList<>();
      for (Parameter p : stack.parameters()) {
        String value = p.resolvedValue() != null ? p.resolvedValue() : p.parameterValue();
        if (MASKED.equals(value)) {
          masked.add(p.parameterKey());
        } else if (p.parameterKey() != null && value != null) {
          parameters.put(p.parameterKey(), value);
        }
      }
      masked.sort(null);
      String name = stack.stackName() != null ? stack.stackName() : nameFromArn(wanted);
      return new DeployedStack(name, id, body, stage, parameters, masked);
    } catch (SdkException e) {
      throw new StackFetchException(describe(e, wanted, region));
    }
  }

  /** A nested stack of a deployed stack: the parent's logical id for it and the child stack's ARN. */
  public record NestedStack(String logicalId, String stackId) {}

  /**
   * The nested stacks ({@code AWS::CloudFormation::Stack} resources) of a fetched stack, in logical-id order.
   * Asks CloudFormation only when the template declares one, so a flat stack costs no extra call.
   */
  public List<NestedStack> nestedStacks(DeployedStack parent) throws StackFetchException {
    if (!parent.templateBody().contains("AWS::CloudFormation::Stack")) {
      return List.of();
    }
    Region region = region(parent.stackId());
    try {
      List<NestedStack> out = new ArrayList<>();
      for (StackResourceSummary r : client(region).listStackResourcesPaginator(b -> b.stackName(parent.stackId()))
          .stackResourceSummaries()) {
        if ("AWS::CloudFormation::Stack".equals(r.resourceType()) && r.physicalResourceId() != null
            && r.physicalResourceId().startsWith("arn:") && r.resourceStatus() != ResourceStatus.DELETE_COMPLETE) {
          out.add(new NestedStack(r.logicalResourceId(), r.physicalResourceId()));
        }
      }
      out.sort(Comparator.comparing(NestedStack::logicalId));
      return out;
    } catch (SdkException e) {
      throw new StackFetchException(describe(e, parent.stackName(), region));
    }
  }

  /** The Processed template, or null when CloudFormation has none to give (then the Original is asked for). */
  private static String processedOrNull(CloudFormationClient cfn, String id) {
    try {
      GetTemplateResponse r = cfn.getTemplate(b -> b.stackName(id).templateStage(TemplateStage.PROCESSED));
      return r.templateBody() == null || r.templateBody().isBlank() ? null : r.templateBody();
    } catch (CloudFormationException e) {
      if (e.statusCode() == 400 && !isThrottling(e)) {
        return null; // e.g. a stack whose processed template is not available: fall back to the original
      }
      throw e;
    }
  }

  private Region region(String stack) throws StackFetchException {
    if (target.region() != null && !target.region().isBlank()) {
      return Region.of(target.region().trim());
    }
    String[] arn = stack.split(":", 6);
    if (arn.length == 6 && arn[0].equals("arn") && !arn[3].isEmpty()) {
      return Region.of(arn[3]);
    }
    try {
      DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
      if (target.profile() != null) {
        chain.profileName(target.profile());
      }
      return chain.build().getRegion();
    } catch (SdkClientException e) {
      throw new StackFetchException("no AWS region for stack " + stack + ": pass --region or set AWS_REGION");
    }
  }

  private CloudFormationClient client(Region region) {
    return clients.computeIfAbsent(region, r -> {
      CloudFormationClientBuilder b = CloudFormationClient.builder()
          .region(r)
          .credentialsProvider(credentialsProvider())
          .httpClient(UrlConnectionHttpClient.builder()
              .connectionTimeout(Duration.ofSeconds(10))
              .socketTimeout(Duration.ofSeconds(60))
              .build());
      if (target.endpoint() != null) {
        b.endpointOverride(target.endpoint());
      }
      return b.build();
    });
  }

  private AwsCredentialsProvider credentialsProvider() {
    if (credentials != null) {
      return credentials;
    }
    if (target.profile() != null && !target.profile().isBlank()) {
      return ProfileCredentialsProvider.builder().profileName(target.profile().trim()).build();
    }
    return DefaultCredentialsProvider.builder().build();
  }

  /** One line for the user: what failed, for which stack, and what to do when that is clear. */
  static String describe(SdkException e, String stack, Region region) {
    String where = "stack " + stack + " in " + region.id();
    if (e instanceof CloudFormationException c) {
      String code = c.awsErrorDetails() == null ? "" : Optional.ofNullable(c.awsErrorDetails().errorCode()).orElse("");
      String message = firstLine(c.awsErrorDetails() == null ? c.getMessage() : c.awsErrorDetails().errorMessage());
      if (message.toLowerCase(Locale.ROOT).contains("does not exist")) {
        return where + " not found (" + message + ")";
      }
      if (isThrottling(c)) {
        return "AWS throttled the requests for " + where + " (" + code + "), try again later";
      }
      if (c.statusCode() == 403 || code.contains("AccessDenied") || code.contains("Unauthorized")
          || code.contains("InvalidClientTokenId") || code.contains("SignatureDoesNotMatch")
          || code.contains("ExpiredToken")) {
        return "AWS refused to read " + where + " (" + code + "): " + message;
      }
      return "cannot read " + where + ": AWS error " + (code.isEmpty() ? "HTTP " + c.statusCode() : code)
          + ": " + message;
    }
    String message = firstLine(e.getMessage());
    if (message.contains("credentials")) {
      String advice = "no AWS credentials to read " + where + ": configure a profile (--profile, AWS_PROFILE) or "
          + "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
      // The chain's message lists every provider it tried; a profile's names the profile, which is worth keeping.
      int detailEnd = message.indexOf(": ProfileFile(");
      return message.startsWith("Unable to load credentials") ? advice
          : advice + " (" + shorten(detailEnd > 0 ? message.substring(0, detailEnd) : message) + ")";
    }
    return "cannot read " + where + ": " + shorten(message);
  }

  private static boolean isThrottling(CloudFormationException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    return e.isThrottlingException() || "Throttling".equals(code) || "ThrottlingException".equals(code)
        || e.statusCode() == 429;
  }

  private static String nameFromArn(String arn) {
    // arn:aws:cloudformation:REGION:ACCOUNT:stack/NAME/ID
    String[] parts = arn.split("/");
    return arn.startsWith("arn:") && parts.length >= 2 ? parts[1] : arn;
  }

  private static String firstLine(String s) {
    if (s == null || s.isBlank()) {
      return "no message";
    }
    String line = s.strip();
    int nl = line.indexOf('\n');
    return nl < 0 ? line : line.substring(0, nl).strip();
  }

  /** The SDK's client messages list every provider it tried; keep a readable prefix. */
  private static String shorten(String message) {
    String m = firstLine(message);
    return m.length() <= 200 ? m : m.substring(0, 197) + "...";
  }

  @Override
  public void close() {
    clients.values().forEach(CloudFormationClient::close);
    clients.clear();
  }
}
