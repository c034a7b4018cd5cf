resource "aws_instance" "a" {
  for_each = var.m
  count    = null
  in       = 1
  if       = 2
  null     = 3
  true     = 4
}
