resource "azurerm_storage_account" "uploads" {
  name                     = "uploads"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS" # expect: SPOF-AZSTORAGE-001 "is not zone redundant"
}

resource "azurerm_storage_account" "geo" {
  name                     = "geo"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS" # expect: SPOF-AZSTORAGE-001
}

variable "replication" {
  type = string
}

resource "azurerm_storage_account" "input" {
  name                     = "input"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = var.replication # expect-unknown: SPOF-AZSTORAGE-001
}
