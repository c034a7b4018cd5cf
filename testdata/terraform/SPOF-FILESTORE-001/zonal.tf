resource "google_filestore_instance" "shared" {
  name     = "shared"
  location = "us-central1-b"
  tier     = "BASIC_HDD" # expect: SPOF-FILESTORE-001 "the file share lives in one zone"
  file_shares {
    name        = "share1"
    capacity_gb = 1024
  }
  networks {
    network = "default"
    modes   = ["MODE_IPV4"]
  }
}

resource "google_filestore_instance" "zonal" {
  name     = "zonal"
  location = "us-central1-b"
  tier     = "ZONAL" # expect: SPOF-FILESTORE-001
  file_shares {
    name        = "share1"
    capacity_gb = 1024
  }
  networks {
    network = "default"
    modes   = ["MODE_IPV4"]
  }
}

variable "tier" {
  type = string
}

resource "google_filestore_instance" "input" {
  name     = "input"
  location = "us-central1"
  tier     = var.tier # expect-unknown: SPOF-FILESTORE-001
  file_shares {
    name        = "share1"
    capacity_gb = 1024
  }
  networks {
    network = "default"
    modes   = ["MODE_IPV4"]
  }
}
