resource "google_compute_region_instance_group_manager" "web" {
  name               = "web"
  base_instance_name = "web"
  region             = "us-central1"
  version {
    instance_template = "projects/p/global/instanceTemplates/web"
  }
}

resource "google_compute_backend_service" "web" {
  name = "web"
  backend {
    group = google_compute_region_instance_group_manager.web.instance_group
  }
}

resource "google_compute_instance_group" "a" {
  name = "a"
  zone = "us-central1-a"
}

resource "google_compute_instance_group" "b" {
  name = "b"
  zone = "us-central1-b"
}

resource "google_compute_backend_service" "two_zones" {
  name = "two-zones"
  backend {
    group = google_compute_instance_group.a.id
  }
  backend {
    group = google_compute_instance_group.b.id
  }
}

variable "group" {
  type = string
}

# The group comes from outside: its kind is not visible.
resource "google_compute_backend_service" "input" {
  name = "input"
  backend {
    group = var.group
  }
}
