# A small web shop: DNS -> CloudFront -> ALB -> ECS checkout -> Redis sessions -> RDS primary.

resource "aws_vpc" "shop" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "public_a" {
  vpc_id            = aws_vpc.shop.id
  cidr_block        = "10.0.0.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "public_b" {
  vpc_id            = aws_vpc.shop.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1b"
}

resource "aws_subnet" "private_a" {
  vpc_id            = aws_vpc.shop.id
  cidr_block        = "10.0.10.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "private_b" {
  vpc_id            = aws_vpc.shop.id
  cidr_block        = "10.0.11.0/24"
  availability_zone = "eu-west-1b"
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "egress" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public_a.id
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.shop.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.egress.id
  }
}

resource "aws_route_table_association" "private_a" {
  subnet_id      = aws_subnet.private_a.id
  route_table_id = aws_route_table.private.id
}

resource "aws_route_table_association" "private_b" {
  subnet_id      = aws_subnet.private_b.id
  route_table_id = aws_route_table.private.id
}

resource "aws_route53_record" "www" {
  zone_id = "Z0123456789SHOP"
  name    = "www.shop.example.net"
  type    = "A"
  alias {
    name                   = aws_cloudfront_distribution.edge.domain_name
    zone_id                = aws_cloudfront_distribution.edge.hosted_zone_id
    evaluate_target_health = false
  }
}

resource "aws_cloudfront_distribution" "edge" {
  enabled = true
  aliases = ["www.shop.example.net"]
  origin {
    origin_id   = "web"
    domain_name = aws_lb.web.dns_name
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id       = "web"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  internal           = false
  subnets            = [aws_subnet.public_a.id, aws_subnet.public_b.id]
}

resource "aws_lb_target_group" "checkout" {
  name        = "checkout"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = aws_vpc.shop.id
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

resource "aws_ecs_task_definition" "checkout" {
  family = "checkout"
  container_definitions = jsonencode([
    {
      name  = "checkout"
      image = "example.com/shop/checkout:3.1.0"
      environment = [
        { name = "SESSION_REDIS", value = "redis://${aws_elasticache_cluster.sessions.cache_nodes[0].address}:6379" },
        { name = "DATABASE_HOST", value = aws_db_instance.orders.address },
      ]
    }
  ])
}

resource "aws_ecs_service" "checkout" {
  name            = "checkout"
  task_definition = aws_ecs_task_definition.checkout.arn
  desired_count   = 3
  load_balancer {
    target_group_arn = aws_lb_target_group.checkout.arn
    container_name   = "checkout"
    container_port   = 8080
  }
  network_configuration {
    subnets = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  }
}

resource "aws_elasticache_cluster" "sessions" {
  cluster_id      = "sessions"
  engine          = "redis"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1
}

resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 20
  multi_az          = false
}
