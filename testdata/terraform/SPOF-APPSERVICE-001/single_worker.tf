resource "azurerm_service_plan" "web" { # expect: SPOF-APPSERVICE-001 "it has 1 worker"
  name                = "web"
  resource_group_name = "rg"
  location            = "westeurope"
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_service_plan" "basic" {
  name                = "basic"
  resource_group_name = "rg"
  location            = "westeurope"
  os_type             = "Linux"
  sku_name            = "B1"
  worker_count        = 1 # expect: SPOF-APPSERVICE-001
}

resource "azurerm_service_plan" "unbalanced" {
  name                   = "unbalanced"
  resource_group_name    = "rg"
  location               = "westeurope"
  os_type                = "Windows"
  sku_name               = "P2v3"
  worker_count           = 3
  zone_balancing_enabled = false # expect: SPOF-APPSERVICE-001
}

resource "azurerm_app_service_plan" "legacy" {
  name                = "legacy"
  location            = "westeurope"
  resource_group_name = "rg"
  sku {
    tier     = "Standard"
    size     = "S1"
    capacity = 1 # expect: SPOF-APPSERVICE-001
  }
}

variable "workers" {
  type = number
}

resource "azurerm_service_plan" "input" {
  name                = "input"
  resource_group_name = "rg"
  location            = "westeurope"
  os_type             = "Linux"
  sku_name            = "S1"
  worker_count        = var.workers # expect-unknown: SPOF-APPSERVICE-001
}
