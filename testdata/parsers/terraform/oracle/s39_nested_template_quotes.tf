locals {
  a = "${join("\", \"", var.l)}"
  b = "x${var.y == "" ? "" : "-${var.y}"}"
  c = "${jsonencode({ "a" = "b" })}"
}
