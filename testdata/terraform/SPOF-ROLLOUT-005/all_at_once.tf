variable "deployment_type" {
  type = string
}

resource "aws_codedeploy_app" "web" {
  name             = "web"
  compute_platform = "Server"
}

resource "aws_codedeploy_deployment_group" "production" {
  app_name               = aws_codedeploy_app.web.name
  deployment_group_name  = "production"
  service_role_arn       = "arn:aws:iam::123456789012:role/codedeploy"
  deployment_config_name = "CodeDeployDefault.AllAtOnce" # expect: SPOF-ROLLOUT-005 "every instance stops and installs the new revision"
  autoscaling_groups     = ["web"]
}

resource "aws_codedeploy_deployment_config" "none_healthy" {
  deployment_config_name = "none-healthy"
  minimum_healthy_hosts {
    type  = "HOST_COUNT"
    value = 0
  }
}

resource "aws_codedeploy_deployment_group" "custom" {
  app_name               = aws_codedeploy_app.web.name
  deployment_group_name  = "custom"
  service_role_arn       = "arn:aws:iam::123456789012:role/codedeploy"
  deployment_config_name = aws_codedeploy_deployment_config.none_healthy.id # expect: SPOF-ROLLOUT-005
  autoscaling_groups     = ["web"]
}

resource "aws_codedeploy_deployment_group" "style_unresolved" {
  app_name               = aws_codedeploy_app.web.name
  deployment_group_name  = "style-unresolved"
  service_role_arn       = "arn:aws:iam::123456789012:role/codedeploy"
  deployment_config_name = "CodeDeployDefault.AllAtOnce" # expect-unknown: SPOF-ROLLOUT-005
  deployment_style {
    deployment_type = var.deployment_type
  }
}
