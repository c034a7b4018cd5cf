resource "azurerm_virtual_network" "hub" {
  name                = "hub"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.0.0.0/16"]
  dns_servers         = ["10.0.0.4"] # expect: SPOF-VNETDNS-001 "sends every DNS lookup in the network"
}

resource "azurerm_network_interface" "dc" {
  name                = "dc"
  resource_group_name = "rg"
  location            = "westeurope"
  ip_configuration {
    name                          = "internal"
    subnet_id                     = "subnet-id"
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_virtual_network_dns_servers" "spoke" {
  virtual_network_id = "spoke-id"
  dns_servers        = [azurerm_network_interface.dc.private_ip_address] # expect: SPOF-VNETDNS-001
}

variable "dns_server" {
  type = string
}

resource "azurerm_virtual_network" "input" {
  name                = "input"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.1.0.0/16"]
  dns_servers         = [var.dns_server] # expect-unknown: SPOF-VNETDNS-001
}
