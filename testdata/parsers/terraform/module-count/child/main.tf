variable "name" {}

resource "aws_instance" "this" {
  tags = { Name = var.name }
}
