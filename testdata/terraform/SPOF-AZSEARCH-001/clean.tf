resource "azurerm_search_service" "catalog" {
  name                = "catalog"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "standard"
  replica_count       = 3
  partition_count     = 1
}

# The shared free tier cannot add replicas.
resource "azurerm_search_service" "trial" {
  name                = "trial"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "free"
}
