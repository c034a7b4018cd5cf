resource "google_alloydb_instance" "primary" {
  cluster           = google_alloydb_cluster.main.name
  instance_id       = "primary"
  instance_type     = "PRIMARY"
  availability_type = "ZONAL" # expect: SPOF-ALLOYDB-001 "it is a single node"
}

resource "google_alloydb_cluster" "main" {
  cluster_id = "main"
  location   = "us-central1"
}

variable "availability" {
  type = string
}

resource "google_alloydb_instance" "input" {
  cluster           = google_alloydb_cluster.main.name
  instance_id       = "input"
  instance_type     = "PRIMARY"
  availability_type = var.availability # expect-unknown: SPOF-ALLOYDB-001
}
