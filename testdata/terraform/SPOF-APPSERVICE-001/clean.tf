resource "azurerm_service_plan" "web" {
  name                   = "web"
  resource_group_name    = "rg"
  location               = "westeurope"
  os_type                = "Linux"
  sku_name               = "P1v3"
  worker_count           = 3
  zone_balancing_enabled = true
}

# Consumption plans have no workers of their own.
resource "azurerm_service_plan" "functions" {
  name                = "functions"
  resource_group_name = "rg"
  location            = "westeurope"
  os_type             = "Linux"
  sku_name            = "Y1"
}

# An autoscale setting keeps at least two workers.
resource "azurerm_service_plan" "scaled" {
  name                = "scaled"
  resource_group_name = "rg"
  location            = "westeurope"
  os_type             = "Linux"
  sku_name            = "S1"
}

resource "azurerm_monitor_autoscale_setting" "scaled" {
  name                = "scaled"
  resource_group_name = "rg"
  location            = "westeurope"
  target_resource_id  = azurerm_service_plan.scaled.id
  profile {
    name = "default"
    capacity {
      default = 2
      minimum = 2
      maximum = 10
    }
  }
}

# An Isolated v2 plan in an App Service Environment: the environment's zone redundancy decides.
resource "azurerm_service_plan" "isolated" {
  name                       = "isolated"
  resource_group_name        = "rg"
  location                   = "westeurope"
  os_type                    = "Linux"
  sku_name                   = "I1v2"
  worker_count               = 3
  app_service_environment_id = "ase-id"
}
