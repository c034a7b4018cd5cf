resource "aws_lb" "web" {
  name    = "web"
  subnets = [aws_subnet.public_a.id] # an ALB: AWS refuses one zone, nothing to report
}

resource "aws_lb" "ingress" {
  name               = "ingress"
  load_balancer_type = "network"
  subnets            = [aws_subnet.public_a.id, aws_subnet.public_b.id]
}

resource "aws_lb" "mapped" {
  name               = "mapped"
  load_balancer_type = "network"
  subnet_mapping {
    subnet_id = aws_subnet.public_a.id
  }
  subnet_mapping {
    subnet_id = aws_subnet.public_b.id
  }
}

resource "aws_elb" "legacy" {
  name    = "legacy"
  subnets = [aws_subnet.public_a.id, aws_subnet.public_b.id]
  listener {
    instance_port     = 80
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
}
