resource "google_container_cluster" "zonal" {
  name               = "zonal"
  location           = "us-central1-a" # expect: SPOF-GKE-001 "is a zonal cluster"
  initial_node_count = 3
}

resource "google_container_cluster" "multi_zonal" {
  name           = "multi-zonal"
  location       = "europe-west4-b" # expect: SPOF-GKE-001
  node_locations = ["europe-west4-a", "europe-west4-c"]

  remove_default_node_pool = true
  initial_node_count       = 1
}

resource "google_container_cluster" "legacy" {
  name               = "legacy"
  zone               = "us-east1-b" # expect: SPOF-GKE-001
  initial_node_count = 2
}

variable "location" {
  type = string
}

resource "google_container_cluster" "input" {
  name               = "input"
  location           = var.location # expect-unknown: SPOF-GKE-001
  initial_node_count = 1
}
