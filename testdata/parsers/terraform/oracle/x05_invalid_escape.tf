locals {
  a = "bad \q escape"
}
