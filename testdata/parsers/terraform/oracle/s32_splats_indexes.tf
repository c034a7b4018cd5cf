locals {
  a = aws_instance.a[*].id
  b = aws_instance.a.*.id
  c = var.m["k"][0].x
  d = var.l.0
  e = [for x in var.l : x][0]
  f = {a = 1}.a
  g = [1, 2][1]
}
