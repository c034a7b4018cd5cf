variable "a" {
  default = "default"
}
variable "b" {
  default = "default"
}
variable "c" {
  default = "default"
}
variable "sizes" {
  type    = list(number)
  default = []
}
resource "null_resource" "r" {
  a     = var.a
  b     = var.b
  c     = var.c
  sizes = var.sizes
}
