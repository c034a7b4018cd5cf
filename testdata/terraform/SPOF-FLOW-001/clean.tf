# Not reported: subnets in two zones; a service no flow reaches; and a group beside another behind one target group.
resource "aws_subnet" "a" {
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "a2" {
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = "10.0.2.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "b" {
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = "10.0.3.0/24"
  availability_zone = "eu-west-1b"
}

resource "aws_lb" "web" {
  name     = "web"
  internal = false
  subnets  = [aws_subnet.a.id, aws_subnet.b.id]
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-0123456789abcdef0"
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_ecs_service" "two_zones" {
  name            = "two-zones"
  desired_count   = 2
  task_definition = "web:1"
  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "web"
    container_port   = 80
  }
  network_configuration {
    subnets = [aws_subnet.a.id, aws_subnet.b.id]
  }
}

# Beside two_zones behind the same target group: the graph sees the other zone taking the traffic.
resource "aws_autoscaling_group" "beside" {
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.a2.id]
  target_group_arns   = [aws_lb_target_group.web.arn]
}

# No entry point reaches this worker: its own rules speak for it, not a flow's.
resource "aws_ecs_service" "worker" {
  name            = "worker"
  desired_count   = 2
  task_definition = "worker:1"
  network_configuration {
    subnets = [aws_subnet.a.id, aws_subnet.a2.id]
  }
}
