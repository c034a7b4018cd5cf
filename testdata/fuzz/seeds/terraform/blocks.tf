locals {
  azs     = ["eu-west-1a", "eu-west-1b"]
  by_name = { for s in var.subnets : s.name => s if s.public }
  upper   = [for z in local.azs : upper(z)]
}

resource "aws_nat_gateway" "one" {
  count         = length(local.azs) > 1 ? 1 : 0
  subnet_id     = aws_subnet.public[0].id
  allocation_id = aws_eip.nat.id
  depends_on    = [aws_internet_gateway.gw]
}

resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port = ingress.value
      to_port   = ingress.value
      protocol  = "tcp"
    }
  }
}
