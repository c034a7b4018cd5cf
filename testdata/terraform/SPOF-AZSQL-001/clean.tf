resource "azurerm_mssql_database" "zonal" {
  name           = "zonal"
  server_id      = "server-id"
  sku_name       = "BC_Gen5_4"
  zone_redundant = true
}

# Basic and Standard (DTU) cannot be zone redundant: nothing to switch on.
resource "azurerm_mssql_database" "standard" {
  name      = "standard"
  server_id = "server-id"
  sku_name  = "S1"
}

# A database in an elastic pool takes the pool's setting.
resource "azurerm_mssql_database" "pooled" {
  name            = "pooled"
  server_id       = "server-id"
  elastic_pool_id = azurerm_mssql_elasticpool.pool.id
}

resource "azurerm_mssql_elasticpool" "pool" {
  name                = "pool"
  resource_group_name = "rg"
  location            = "westeurope"
  server_name         = "server"
  max_size_gb         = 32
  zone_redundant      = true
  sku {
    name     = "BC_Gen5"
    tier     = "BusinessCritical"
    family   = "Gen5"
    capacity = 4
  }
  per_database_settings {
    min_capacity = 0
    max_capacity = 4
  }
}

# A geo-secondary copies the primary's configuration.
resource "azurerm_mssql_database" "secondary" {
  name                        = "secondary"
  server_id                   = "other-server-id"
  create_mode                 = "Secondary"
  creation_source_database_id = "primary-db-id"
}
