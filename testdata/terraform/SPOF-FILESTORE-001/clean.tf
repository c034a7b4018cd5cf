resource "google_filestore_instance" "regional" {
  name     = "regional"
  location = "us-central1"
  tier     = "REGIONAL"
  file_shares {
    name        = "share1"
    capacity_gb = 1024
  }
  networks {
    network = "default"
    modes   = ["MODE_IPV4"]
  }
}

resource "google_filestore_instance" "enterprise" {
  name     = "enterprise"
  location = "us-central1"
  tier     = "ENTERPRISE"
  file_shares {
    name        = "share1"
    capacity_gb = 1024
  }
  networks {
    network = "default"
    modes   = ["MODE_IPV4"]
  }
}
