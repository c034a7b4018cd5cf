locals {
  m = {
    "${var.a}" = 1
    "k-${var.b}" = 2
  }
}
