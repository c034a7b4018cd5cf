resource "aws_codedeploy_app" "web" {
  name             = "web"
  compute_platform = "Server"
}

# The default configuration is OneAtATime.
resource "aws_codedeploy_deployment_group" "default_config" {
  app_name              = aws_codedeploy_app.web.name
  deployment_group_name = "default-config"
  service_role_arn      = "arn:aws:iam::123456789012:role/codedeploy"
}

resource "aws_codedeploy_deployment_group" "half" {
  app_name               = aws_codedeploy_app.web.name
  deployment_group_name  = "half"
  service_role_arn       = "arn:aws:iam::123456789012:role/codedeploy"
  deployment_config_name = "CodeDeployDefault.HalfAtATime"
}

# Blue/green: the new fleet is installed before traffic moves to it.
resource "aws_codedeploy_deployment_group" "blue_green" {
  app_name               = aws_codedeploy_app.web.name
  deployment_group_name  = "blue-green"
  service_role_arn       = "arn:aws:iam::123456789012:role/codedeploy"
  deployment_config_name = "CodeDeployDefault.AllAtOnce"
  deployment_style {
    deployment_type   = "BLUE_GREEN"
    deployment_option = "WITH_TRAFFIC_CONTROL"
  }
}

resource "aws_codedeploy_deployment_config" "most_healthy" {
  deployment_config_name = "most-healthy"
  minimum_healthy_hosts {
    type  = "FLEET_PERCENT"
    value = 75
  }
}

resource "aws_codedeploy_deployment_group" "custom" {
  app_name               = aws_codedeploy_app.web.name
  deployment_group_name  = "custom"
  service_role_arn       = "arn:aws:iam::123456789012:role/codedeploy"
  deployment_config_name = aws_codedeploy_deployment_config.most_healthy.id
}
