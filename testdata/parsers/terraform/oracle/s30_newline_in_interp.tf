locals {
  a = "${
    var.x
  }"
  b = "prefix-${join(",",
    var.l)}"
}
