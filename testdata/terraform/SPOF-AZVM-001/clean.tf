resource "azurerm_linux_virtual_machine" "zonal" {
  name                  = "zonal"
  resource_group_name   = "rg"
  location              = "westeurope"
  size                  = "Standard_D2s_v5"
  admin_username        = "azureuser"
  network_interface_ids = ["nic-id"]
  zone                  = "1"
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }
  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}

resource "azurerm_availability_set" "web" {
  name                = "web"
  resource_group_name = "rg"
  location            = "westeurope"
}

resource "azurerm_linux_virtual_machine" "in_set" {
  name                  = "in-set"
  resource_group_name   = "rg"
  location              = "westeurope"
  size                  = "Standard_D2s_v5"
  admin_username        = "azureuser"
  network_interface_ids = ["nic-id"]
  availability_set_id   = azurerm_availability_set.web.id
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }
  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}

# A member of a flexible scale set.
resource "azurerm_linux_virtual_machine" "in_scale_set" {
  name                         = "in-scale-set"
  resource_group_name          = "rg"
  location                     = "westeurope"
  size                         = "Standard_D2s_v5"
  admin_username               = "azureuser"
  network_interface_ids        = ["nic-id"]
  virtual_machine_scale_set_id = "vmss-id"
  platform_fault_domain        = 1
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }
  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}
