module "aurora" {
  source    = "x"
  instances = { 1 = {} 2 = {} }
}
