resource "azurerm_mssql_database" "orders" { # expect: SPOF-AZSQL-001 "is not zone redundant"
  name      = "orders"
  server_id = "server-id"
  sku_name  = "BC_Gen5_4"
}

resource "azurerm_mssql_database" "explicit" {
  name           = "explicit"
  server_id      = "server-id"
  sku_name       = "GP_Gen5_2"
  zone_redundant = false # expect: SPOF-AZSQL-001
}

resource "azurerm_mssql_elasticpool" "pool" { # expect: SPOF-AZSQL-001
  name                = "pool"
  resource_group_name = "rg"
  location            = "westeurope"
  server_name         = "server"
  max_size_gb         = 32
  sku {
    name     = "GP_Gen5"
    tier     = "GeneralPurpose"
    family   = "Gen5"
    capacity = 4
  }
  per_database_settings {
    min_capacity = 0
    max_capacity = 4
  }
}

variable "zone_redundant" {
  type = bool
}

resource "azurerm_mssql_database" "input" {
  name           = "input"
  server_id      = "server-id"
  sku_name       = "P1"
  zone_redundant = var.zone_redundant # expect-unknown: SPOF-AZSQL-001
}
