resource "google_container_cluster" "regional" {
  name               = "regional"
  location           = "us-central1"
  initial_node_count = 1
}

resource "google_container_cluster" "autopilot" {
  name             = "autopilot"
  location         = "us-central1"
  enable_autopilot = true
}

variable "region" {
  type    = string
  default = "europe-west1"
}

resource "google_container_cluster" "from_default" {
  name               = "from-default"
  location           = var.region
  initial_node_count = 1
}

# The provider block's location decides: not visible to the resource, not judged.
resource "google_container_cluster" "provider_default" {
  name               = "provider-default"
  initial_node_count = 1
}

# An input named for a region holds a region.
variable "gcp_region" {
  type = string
}

resource "google_container_cluster" "region_input" {
  name               = "region-input"
  location           = var.gcp_region
  initial_node_count = 1
}
