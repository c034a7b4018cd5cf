locals {
  m = { if = 1, in = 2, null_value = 3, true_ = 4 }
  n = { "for" = 1 }
}
