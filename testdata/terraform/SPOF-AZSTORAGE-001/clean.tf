resource "azurerm_storage_account" "zrs" {
  name                     = "zrs"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}

resource "azurerm_storage_account" "gzrs" {
  name                     = "gzrs"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "RAGZRS"
}
