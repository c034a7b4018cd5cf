resource "azurerm_virtual_network" "two" {
  name                = "two"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.0.0.0/16"]
  dns_servers         = ["10.0.0.4", "10.0.0.5"]
}

# Azure-provided DNS.
resource "azurerm_virtual_network" "default" {
  name                = "default"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.1.0.0/16"]
}

# A firewall's DNS proxy is a redundant service behind one address.
resource "azurerm_firewall" "hub" {
  name                = "hub"
  resource_group_name = "rg"
  location            = "westeurope"
  sku_name            = "AZFW_VNet"
  sku_tier            = "Standard"
  zones               = ["1", "2", "3"]
}

resource "azurerm_virtual_network" "spoke" {
  name                = "spoke"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.2.0.0/16"]
  dns_servers         = [azurerm_firewall.hub.ip_configuration[0].private_ip_address]
}
