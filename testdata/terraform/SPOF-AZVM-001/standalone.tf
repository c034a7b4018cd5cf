resource "azurerm_linux_virtual_machine" "app" { # expect: SPOF-AZVM-001 "names no availability zone"
  name                  = "app"
  resource_group_name   = "rg"
  location              = "westeurope"
  size                  = "Standard_D2s_v5"
  admin_username        = "azureuser"
  network_interface_ids = ["nic-id"]
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

variable "availability_set_id" {
  type = string
}

resource "azurerm_windows_virtual_machine" "input" {
  name                  = "input"
  resource_group_name   = "rg"
  location              = "westeurope"
  size                  = "Standard_D2s_v5"
  admin_username        = "azureuser"
  admin_password        = "not-a-secret-Passw0rd"
  network_interface_ids = ["nic-id"]
  availability_set_id   = var.availability_set_id # expect-unknown: SPOF-AZVM-001
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }
  source_image_reference {
    publisher = "MicrosoftWindowsServer"
    offer     = "WindowsServer"
    sku       = "2022-datacenter"
    version   = "latest"
  }
}
