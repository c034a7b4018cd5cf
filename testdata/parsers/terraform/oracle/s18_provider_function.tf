locals {
  parsed = provider::aws::arn_parse(var.arn)
  other  = provider::terraform::encode_tfvars({ a = 1 })
}
resource "aws_instance" "a" {
  ami = provider::aws::arn_parse(var.arn).resource
}
