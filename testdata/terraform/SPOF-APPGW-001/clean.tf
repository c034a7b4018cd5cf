resource "azurerm_application_gateway" "zone_redundant" {
  name                = "zone-redundant"
  resource_group_name = "rg"
  location            = "westeurope"
  zones               = ["1", "2", "3"]
  sku {
    name = "Standard_v2"
    tier = "Standard_v2"
  }
  autoscale_configuration {
    min_capacity = 2
    max_capacity = 10
  }
}

# v2 without zones: at least two instances, zones chosen by Azure (not visible here).
resource "azurerm_application_gateway" "no_zones" {
  name                = "no-zones"
  resource_group_name = "rg"
  location            = "westeurope"
  sku {
    name     = "Standard_v2"
    tier     = "Standard_v2"
    capacity = 1
  }
}
