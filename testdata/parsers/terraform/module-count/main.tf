module "node" {
  source = "./child"
  count  = 2
  name   = "n${count.index}"
}

module "maybe" {
  source = "./child"
  count  = var.enabled ? 1 : 0
  name   = "m"
}

variable "enabled" {
  type = bool
}
