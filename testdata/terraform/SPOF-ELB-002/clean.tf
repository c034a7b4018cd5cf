resource "aws_lb" "web" {
  name    = "web"
  subnets = [aws_subnet.public_a.id, aws_subnet.public_b.id] # ALB: always cross-zone
}

resource "aws_lb" "ingress" {
  name                             = "ingress"
  load_balancer_type               = "network"
  subnets                          = [aws_subnet.public_a.id, aws_subnet.public_b.id]
  enable_cross_zone_load_balancing = true
}

resource "aws_elb" "legacy" {
  name    = "legacy"
  subnets = [aws_subnet.public_a.id, aws_subnet.public_b.id] # provider default: on
  listener {
    instance_port     = 80
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
}
