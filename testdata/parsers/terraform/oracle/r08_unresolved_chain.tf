locals {
 a = var.b
 c = local.a.d
}
