# Requests of www.example.net reach the checkout service through the load balancer; its two subnets are both in
# eu-west-1a, so that zone's outage stops the flow although the service lists two subnets.
resource "aws_subnet" "app_a1" {
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "app_a2" {
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = "10.0.2.0/24"
  availability_zone = "eu-west-1a"
}

variable "zone" {
  type = string
}

resource "aws_subnet" "app_x" {
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = "10.0.3.0/24"
  availability_zone = var.zone
}

resource "aws_route53_record" "www" {
  zone_id = "Z0123456789EXAMPLE"
  name    = "www.example.net"
  type    = "A"
  alias {
    name                   = aws_lb.web.dns_name
    zone_id                = aws_lb.web.zone_id
    evaluate_target_health = true
  }
}

resource "aws_lb" "web" {
  name               = "web"
  internal           = false
  load_balancer_type = "application"
  subnets            = ["subnet-0aaa", "subnet-0bbb"]
}

resource "aws_lb_target_group" "checkout" {
  name        = "checkout"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.checkout.arn
  }
}

resource "aws_ecs_service" "checkout" {
  name            = "checkout"
  cluster         = "shop"
  task_definition = "checkout:1"
  desired_count   = 3
  load_balancer {
    target_group_arn = aws_lb_target_group.checkout.arn
    container_name   = "checkout"
    container_port   = 8080
  }
  network_configuration {
    subnets = [aws_subnet.app_a1.id, aws_subnet.app_a2.id] # expect: SPOF-FLOW-001 "are all in that Availability Zone"
  }
}

resource "aws_lb_target_group" "search" {
  name        = "search"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_lb_listener_rule" "search" {
  listener_arn = aws_lb_listener.https.arn
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.search.arn
  }
  condition {
    path_pattern {
      values = ["/search/*"]
    }
  }
}

# The third subnet's zone is an input with no value: maybe another zone, maybe the same.
resource "aws_ecs_service" "search" {
  name            = "search"
  cluster         = "shop"
  task_definition = "search:1"
  desired_count   = 3
  load_balancer {
    target_group_arn = aws_lb_target_group.search.arn
    container_name   = "search"
    container_port   = 8080
  }
  network_configuration {
    subnets = [ # expect-unknown: SPOF-FLOW-001
      aws_subnet.app_a1.id,
      aws_subnet.app_a2.id,
      aws_subnet.app_x.id,
    ]
  }
}
