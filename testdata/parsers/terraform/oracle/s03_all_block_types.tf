terraform {
  required_version = ">= 1.5"
}
provider "aws" {
  region = "eu-west-1"
}
variable "v" {
  type    = map(object({ a = optional(string, "x") }))
  default = {}
}
module "m" {
  source   = "./m"
  count    = var.n > 0 ? 1 : 0
  for_each = null
}
data "aws_ami" "a" {
  most_recent = true
}
output "o" {
  value = module.m[0].id
}
moved {
  from = aws_instance.a
  to   = aws_instance.b
}
