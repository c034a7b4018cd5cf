resource "aws_security_group" "sg" {
  name = "sg"
  ingress {
    from_port = 80
  }
  ingress {
    from_port = 443
  }
  dynamic "egress" {
    for_each = var.rules
    iterator = rule
    content {
      port = rule.value.port
    }
  }
  lifecycle {
    create_before_destroy = true
  }
}
