locals {
  m = {
    (var.k)              = 1
    (local.a.b)          = 2
    ("${var.p}-x")       = 3
    (format("%s", "y"))  = 4
  }
}
