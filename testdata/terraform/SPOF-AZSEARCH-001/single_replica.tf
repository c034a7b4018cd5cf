resource "azurerm_search_service" "catalog" { # expect: SPOF-AZSEARCH-001 "serves every query from one replica"
  name                = "catalog"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "standard"
}

resource "azurerm_search_service" "explicit" {
  name                = "explicit"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "basic"
  replica_count       = 1 # expect: SPOF-AZSEARCH-001
}

variable "replicas" {
  type = number
}

resource "azurerm_search_service" "input" {
  name                = "input"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "standard"
  replica_count       = var.replicas # expect-unknown: SPOF-AZSEARCH-001
}
