resource "google_compute_instance_group" "web" {
  name      = "web"
  zone      = "us-central1-a"
  instances = ["projects/p/zones/us-central1-a/instances/web-1"]
}

resource "google_compute_backend_service" "web" {
  name          = "web"
  health_checks = ["projects/p/global/healthChecks/web"]
  backend {
    group = google_compute_instance_group.web.id # expect: SPOF-GCLB-001 "has a single backend"
  }
}

resource "google_compute_network_endpoint_group" "api" {
  name    = "api"
  network = "default"
  zone    = "europe-west1-b"
}

resource "google_compute_backend_service" "api" {
  name = "api"
  backend {
    group          = google_compute_network_endpoint_group.api.id # expect: SPOF-GCLB-001
    balancing_mode = "RATE"
    max_rate       = 100
  }
}

resource "google_compute_region_backend_service" "internal" {
  name   = "internal"
  region = "us-east1"
  backend {
    group = "https://www.googleapis.com/compute/v1/projects/p/zones/us-east1-c/instanceGroups/db" # expect: SPOF-GCLB-001
  }
}
