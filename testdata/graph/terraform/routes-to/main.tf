resource "aws_route53_record" "api" {
  zone_id = "Z0EXAMPLE"
  name    = "api.example.org"
  type    = "A"
  alias {
    name                   = aws_lb.api.dns_name
    zone_id                = aws_lb.api.zone_id
    evaluate_target_health = true
  }
}

resource "aws_lb" "api" {
  name     = "api"
  internal = false
}

resource "aws_lb_listener" "api" {
  load_balancer_arn = aws_lb.api.arn
  port              = 443
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api.arn
  }
}

resource "aws_lb_target_group" "api" {
  name = "api"
  port = 8080
}

resource "aws_autoscaling_group" "api" {
  min_size          = 2
  max_size          = 4
  target_group_arns = [aws_lb_target_group.api.arn]
}
