variable "zones" {
  type = list(string)
}

# One group per zone, but the zones are an input: whether they differ is not known.
resource "google_compute_instance_group_manager" "api_a" {
  name               = "api-a"
  base_instance_name = "api"
  zone               = var.zones[0] # expect-unknown: SPOF-GCE-001 "is zonal"
  target_size        = 2
  version {
    instance_template = "projects/p/global/instanceTemplates/api"
  }
}

resource "google_compute_instance_group_manager" "api_b" {
  name               = "api-b"
  base_instance_name = "api"
  zone               = var.zones[1] # expect-unknown: SPOF-GCE-001
  target_size        = 2
  version {
    instance_template = "projects/p/global/instanceTemplates/api"
  }
}
