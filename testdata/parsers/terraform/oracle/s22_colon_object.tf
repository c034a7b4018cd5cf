locals {
  m = { "a": 1, "b": 2 }
  n = {
    a: 1
    b: 2
  }
}
