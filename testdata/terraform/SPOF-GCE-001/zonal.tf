resource "google_compute_instance_group_manager" "web" {
  name               = "web"
  base_instance_name = "web"
  zone               = "us-central1-a" # expect: SPOF-GCE-001
  target_size        = 3
  version {
    instance_template = "projects/p/global/instanceTemplates/web"
  }
}
