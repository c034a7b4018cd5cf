resource "aws_instance" "a" {}
variable "x" { default = 1 }
variable "y" { type = string }
