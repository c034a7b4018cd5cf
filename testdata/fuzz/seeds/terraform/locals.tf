locals {
  a    = ["x", "y"]
  b    = concat(local.a, local.a)
  s    = "${local.b[0]}-${join(",", local.a)}"
  f    = format("%s-%05d", local.s, 7)
  m    = merge({ a = 1 }, { b = 2 })
  n    = lookup(local.m, "a", 0)
  u    = toset(local.b)
  e    = element(local.a, 1)
  mx   = max(1, 2, length(local.a))
}

resource "aws_db_instance" "x" {
  identifier = local.f
  multi_az   = local.n > 1
}
