resource "azurerm_application_gateway" "zonal" {
  name                = "zonal"
  resource_group_name = "rg"
  location            = "westeurope"
  zones               = ["1"] # expect: SPOF-APPGW-001 "every instance is pinned to one availability zone"
  sku {
    name     = "WAF_v2"
    tier     = "WAF_v2"
    capacity = 2
  }
}

resource "azurerm_application_gateway" "v1" {
  name                = "v1"
  resource_group_name = "rg"
  location            = "westeurope"
  sku {
    name     = "Standard_Small"
    tier     = "Standard"
    capacity = 1 # expect: SPOF-APPGW-001
  }
}

variable "zones" {
  type = list(string)
}

resource "azurerm_application_gateway" "input" {
  name                = "input"
  resource_group_name = "rg"
  location            = "westeurope"
  zones               = var.zones # expect-unknown: SPOF-APPGW-001
  sku {
    name = "Standard_v2"
    tier = "Standard_v2"
  }
  autoscale_configuration {
    min_capacity = 2
    max_capacity = 10
  }
}
