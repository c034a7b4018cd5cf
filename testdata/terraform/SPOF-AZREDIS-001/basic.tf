resource "azurerm_redis_cache" "sessions" {
  name                = "sessions"
  location            = "westeurope"
  resource_group_name = "rg"
  capacity            = 1
  family              = "C"
  sku_name            = "Basic" # expect: SPOF-AZREDIS-001 "it is a single node"
}

resource "azurerm_redis_cache" "pinned" {
  name                = "pinned"
  location            = "westeurope"
  resource_group_name = "rg"
  capacity            = 1
  family              = "P"
  sku_name            = "Premium"
  zones               = ["1"] # expect: SPOF-AZREDIS-001
}

variable "sku" {
  type = string
}

resource "azurerm_redis_cache" "input" {
  name                = "input"
  location            = "westeurope"
  resource_group_name = "rg"
  capacity            = 1
  family              = "C"
  sku_name            = var.sku # expect-unknown: SPOF-AZREDIS-001
}
