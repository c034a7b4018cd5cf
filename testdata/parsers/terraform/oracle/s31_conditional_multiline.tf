locals {
  a = (
    var.x
    ? 1
    : 2
  )
  b = var.x ? {
    a = 1
  } : {
    a = 2
  }
}
