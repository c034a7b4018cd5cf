resource "azurerm_postgresql_flexible_server" "orders" {
  name                = "orders"
  resource_group_name = "rg"
  location            = "westeurope"
  sku_name            = "GP_Standard_D2s_v3"
  zone                = "1"
  high_availability {
    mode                      = "ZoneRedundant"
    standby_availability_zone = "2"
  }
}

resource "azurerm_postgresql_flexible_server" "orders_replica" {
  name                = "orders-replica"
  resource_group_name = "rg"
  location            = "westeurope"
  create_mode         = "Replica"
  source_server_id    = "orders"
}
