locals {
  m = { "" = 1, "b" = 2 }
}
