locals {
  by_group = { for k, v in var.m : v.group => k... if v.enabled }
  list     = [for i, x in var.l : upper(x) if i > 0]
  obj      = { for s in var.l : s => length(s) }
}
