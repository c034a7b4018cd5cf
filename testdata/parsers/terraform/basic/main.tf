# A small module exercising positions, values and expansion.
variable "multi_az" {
  type    = bool
  default = false
}

variable "replicas" {
  type = number
}

variable "env" {
  default = "dev"
}

locals {
  name   = "orders-${var.env}"
  zones  = ["a", "b", "c"]
  is_prod = var.env == "prod"
  tags = { for k, v in { team = "db" } : k => upper(v) }
}

resource "aws_db_instance" "orders" {
  identifier = local.name
  multi_az   = var.multi_az
  literal    = true
  replicas   = var.replicas
  size       = var.env == "prod" ? 3 : 2 - 1
  same       = var.replicas > 2 ? "x" : "x"
  tags       = local.tags
  subnet     = aws_subnet.a.id
  depends_on = [aws_subnet.a]

  ingress {
    from = 1
  }
}

resource "aws_subnet" "a" {
  count             = length(local.zones)
  availability_zone = "eu-west-1${element(local.zones, count.index)}"
}

resource "aws_instance" "gone" {
  count = 0
}

resource "aws_instance" "maybe" {
  count = var.replicas
}

resource "aws_eip" "each" {
  for_each = toset(["x", "y"])
  name     = each.key
}

resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = [80, 443]
    content {
      port = ingress.value
    }
  }
}

data "aws_route53_zone" "z" {
  name = "example.com"
}
