# Four identical autoscaling groups behind one load balancer, sharing one single-AZ database: a picture draws the
# four as one node (x4).
resource "aws_route53_record" "www" {
  zone_id = "Z123"
  name    = "www.replicas.example.net"
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
  subnets            = ["subnet-a", "subnet-b"]
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-1"
}

resource "aws_autoscaling_group" "web" {
  count               = 4
  name                = "web-${count.index}"
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = ["subnet-a", "subnet-b"]
  target_group_arns   = [aws_lb_target_group.web.arn]
  launch_template {
    id = aws_launch_template.web.id
  }
}

resource "aws_launch_template" "web" {
  name          = "web"
  image_id      = "ami-123"
  instance_type = "t3.small"
  user_data     = base64encode("DATABASE_HOST=${aws_db_instance.main.address}")
}

resource "aws_db_instance" "main" {
  identifier        = "main"
  engine            = "postgres"
  instance_class    = "db.t3.small"
  allocated_storage = 20
  multi_az          = false
}
