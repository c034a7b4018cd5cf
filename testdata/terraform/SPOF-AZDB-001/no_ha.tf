resource "azurerm_postgresql_flexible_server" "orders" { # expect: SPOF-AZDB-001 "has no high_availability block"
  name                = "orders"
  resource_group_name = "rg"
  location            = "westeurope"
  sku_name            = "GP_Standard_D2s_v3"
}

variable "ha" {
  type = string
}

resource "azurerm_mysql_flexible_server" "billing" {
  name                = "billing"
  resource_group_name = "rg"
  location            = "westeurope"
  high_availability {
    mode = var.ha # expect-unknown: SPOF-AZDB-001
  }
}
