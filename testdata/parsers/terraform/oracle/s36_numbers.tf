locals {
  a = 1e3
  b = 0.5
  c = 1.5e-3
  d = -1
  e = 10 % 3
  f = !true && false || true
}
