locals {
  m = {
    for k, v in var.m :
    k => {
      a = v.a
      b = v.b
    }
    if v != null
  }
  l = [
    for x in var.l :
    x
  ]
}
