locals {
  all = concat(var.lists...)
  mx  = max(var.nums...)
}
