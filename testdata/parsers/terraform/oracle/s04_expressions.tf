locals {
  a = !var.x && (var.y || false)
  b = 1 + 2 * 3 - 4 / 2 % 3
  c = var.z == null ? "none" : "${var.z}%"
  d = [for s in var.list : upper(s) if s != ""]
  e = { for k, v in var.map : k => v... }
  f = aws_subnet.private[*].id
  g = element(concat(var.l, ["x"]), 0)
  h = "$${literal} %%{literal}"
  i = -5
  j = provider::aws::arn_parse("arn:aws:s3:::b")
  k = try(var.m["k"], {})
}
