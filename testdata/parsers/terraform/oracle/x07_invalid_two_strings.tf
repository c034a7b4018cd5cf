locals {
  a = "x" "y"
}
