resource "google_compute_region_instance_group_manager" "web" {
  name                      = "web"
  base_instance_name        = "web"
  region                    = "us-central1"
  distribution_policy_zones = ["us-central1-a", "us-central1-f"]
  target_size               = 3
  version {
    instance_template = "projects/p/global/instanceTemplates/web"
  }
}

# Zonal groups in two zones behind one backend service.
resource "google_compute_instance_group_manager" "api" {
  for_each           = toset(["europe-west1-b", "europe-west1-c"])
  name               = "api-${each.key}"
  base_instance_name = "api"
  zone               = each.key
  target_size        = 2
  version {
    instance_template = "projects/p/global/instanceTemplates/api"
  }
}
