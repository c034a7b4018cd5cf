variable "cross_zone" {
  type = bool
}

resource "aws_lb" "ingress" { # expect: SPOF-ELB-002 "balances only within each Availability Zone"
  name               = "ingress"
  load_balancer_type = "network"
  subnets            = [aws_subnet.public_a.id, aws_subnet.public_b.id]
}

resource "aws_lb" "explicit" {
  name                             = "explicit"
  load_balancer_type               = "network"
  subnets                          = [aws_subnet.public_a.id, aws_subnet.public_b.id]
  enable_cross_zone_load_balancing = false # expect: SPOF-ELB-002
}

resource "aws_elb" "legacy" {
  name                      = "legacy"
  subnets                   = [aws_subnet.public_a.id, aws_subnet.public_b.id]
  cross_zone_load_balancing = false # expect: SPOF-ELB-002
  listener {
    instance_port     = 80
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
}

resource "aws_lb" "from_input" {
  name                             = "from-input"
  load_balancer_type               = "network"
  subnets                          = [aws_subnet.public_a.id, aws_subnet.public_b.id]
  enable_cross_zone_load_balancing = var.cross_zone # expect-unknown: SPOF-ELB-002
}
