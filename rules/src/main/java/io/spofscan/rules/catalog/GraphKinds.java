package io.spofscan.rules.catalog;

import io.spofscan.core.model.Kind;

/**
 * Kinds the dependency graph's edge builders need beyond the ones rules judge ({@link Kinds}): what routes, what
 * runs code, what holds data, and the plumbing between them.
 */
public final class GraphKinds {
  private GraphKinds() {}

  public static final Kind LISTENER = Kind.of("load balancer listener", "aws_lb_listener", "aws_alb_listener",
      "AWS::ElasticLoadBalancingV2::Listener");
  public static final Kind LISTENER_RULE = Kind.of("load balancer listener rule", "aws_lb_listener_rule",
      "aws_alb_listener_rule", "AWS::ElasticLoadBalancingV2::ListenerRule");
  public static final Kind ASG_ATTACHMENT = Kind.of("Auto Scaling attachment", "aws_autoscaling_attachment",
      "aws_autoscaling_traffic_source_attachment");
  public static final Kind ROUTE_TABLE_ASSOCIATION = Kind.of("route table association",
      "aws_route_table_association", "AWS::EC2::SubnetRouteTableAssociation");
  public static final Kind ECS_TASK_DEFINITION = Kind.of("ECS task definition", "aws_ecs_task_definition",
      "AWS::ECS::TaskDefinition");
  public static final Kind ASG = Kind.of("Auto Scaling group", "aws_autoscaling_group",
      "AWS::AutoScaling::AutoScalingGroup");
  public static final Kind LAUNCH_TEMPLATE = Kind.of("launch template", "aws_launch_template",
      "aws_launch_configuration", "AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration");
  public static final Kind API_GATEWAY = Kind.of("API Gateway API", "aws_api_gateway_rest_api", "aws_apigatewayv2_api",
      "AWS::ApiGateway::RestApi", "AWS::ApiGatewayV2::Api", "AWS::Serverless::Api", "AWS::Serverless::HttpApi");
  public static final Kind API_GATEWAY_PART = Kind.of("API Gateway stage or integration",
      "aws_api_gateway_stage", "aws_apigatewayv2_stage", "aws_api_gateway_integration",
      "aws_apigatewayv2_integration", "AWS::ApiGateway::Stage", "AWS::ApiGatewayV2::Stage",
      "AWS::ApiGatewayV2::Integration", "AWS::ApiGateway::Method");
  /** Terraform-managed Kubernetes workloads: they connect to Terraform databases like any other code. */
  public static final Kind TF_KUBERNETES_WORKLOAD = Kind.of("Kubernetes workload (Terraform)",
      "kubernetes_deployment", "kubernetes_deployment_v1", "kubernetes_stateful_set", "kubernetes_stateful_set_v1",
      "kubernetes_config_map", "kubernetes_config_map_v1", "kubernetes_secret", "kubernetes_secret_v1",
      "helm_release");

  /** What runs code that connects to things: its references into data services are USES edges. */
  public static final Kind COMPUTE = Kind.of("compute", "aws_ecs_task_definition", "AWS::ECS::TaskDefinition",
      "aws_lambda_function", "AWS::Lambda::Function", "AWS::Serverless::Function", "aws_instance",
      "AWS::EC2::Instance", "aws_launch_template", "aws_launch_configuration", "AWS::EC2::LaunchTemplate",
      "AWS::AutoScaling::LaunchConfiguration", "aws_elastic_beanstalk_environment", "aws_apprunner_service",
      "kubernetes_deployment", "kubernetes_deployment_v1", "kubernetes_stateful_set", "kubernetes_stateful_set_v1",
      "kubernetes_config_map", "kubernetes_config_map_v1", "kubernetes_secret", "kubernetes_secret_v1",
      "helm_release", "Deployment", "StatefulSet", "DaemonSet", "CronJob", "Job", "ConfigMap", "Secret");

  public static final Kind CONFIG_MAP = Kind.of("ConfigMap", "ConfigMap");
  public static final Kind HTTP_ROUTE = Kind.of("Gateway API HTTPRoute", "HTTPRoute", "GRPCRoute");
  public static final Kind SERVICE_ENTRY = Kind.of("Istio ServiceEntry", "ServiceEntry");

  /** Entry points from the internet. */
  public static final Kind DNS_RECORD = Kind.of("DNS record", "aws_route53_record", "AWS::Route53::RecordSet",
      "AWS::Route53::RecordSetGroup", "google_dns_record_set", "azurerm_dns_a_record", "azurerm_dns_cname_record",
      "cloudflare_record");
}
