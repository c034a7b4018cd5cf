variable "lb_type" {
  type = string
}

variable "public_subnets" {
  type = list(string)
}

resource "aws_lb" "ingress" {
  name               = "ingress"
  load_balancer_type = "network"
  subnets            = [aws_subnet.public_a.id] # expect: SPOF-ELB-001 "accepts traffic in one Availability Zone"
}

resource "aws_lb" "appliances" {
  name               = "appliances"
  load_balancer_type = "gateway"
  subnet_mapping { # expect: SPOF-ELB-001
    subnet_id = aws_subnet.public_a.id
  }
}

resource "aws_elb" "legacy" {
  name               = "legacy"
  availability_zones = ["eu-west-1a"] # expect: SPOF-ELB-001
  listener {
    instance_port     = 80
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
}

resource "aws_lb" "typed_later" {
  name               = "typed-later"
  load_balancer_type = var.lb_type # expect-unknown: SPOF-ELB-001
  subnets            = [aws_subnet.public_a.id]
}

resource "aws_lb" "from_input" {
  name               = "from-input"
  load_balancer_type = "network"
  subnets            = var.public_subnets # expect-unknown: SPOF-ELB-001
}
