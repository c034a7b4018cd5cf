locals {
  m = { "" }
}
